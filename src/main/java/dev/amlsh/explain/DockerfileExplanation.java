package dev.amlsh.explain;

import dev.amlsh.image.DockerfileLayout;
import dev.amlsh.image.DockerfileTemplate;
import dev.amlsh.image.EnvironmentHashes;
import dev.amlsh.image.ImageBuild;
import dev.amlsh.model.Environment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Dockerfile Azure ML builds, each instruction with one line saying what it does and why it is there.
 * Azure ML's own instructions are looked up by their text in {@link DockerfileTemplate} (the lines the
 * renderer writes them from); the environment's own (a base Dockerfile, a build context's Dockerfile) are
 * marked as the user's, with what their keyword does. {@link #text()} puts each comment on a {@code #} line
 * before its instruction, so it is still a Dockerfile Docker builds the same way.
 */
public record DockerfileExplanation(List<Instruction> instructions, String text) {

    /** Whose an instruction is. */
    public static final String AZURE_ML = "azureml";

    public static final String USER = "user";

    /** One instruction: its first line in the Dockerfile (1-based), keyword, text, whose it is, and why. */
    public record Instruction(int line, String keyword, String instruction, String origin, String comment) {}

    private static final Map<String, String> KEYWORDS = Map.ofEntries(
            Map.entry("ADD", "copies files, URLs or archives (unpacked) into the image"),
            Map.entry("ARG", "a build argument: a variable for the build only"),
            Map.entry("CMD", "the image's default command"),
            Map.entry("COPY", "copies files from the build context into the image"),
            Map.entry("ENTRYPOINT", "the program the container runs"),
            Map.entry("ENV", "sets a variable in the image, for the next steps and every run"),
            Map.entry("EXPOSE", "documents a port the container listens on"),
            Map.entry("FROM", "the image the build starts from"),
            Map.entry("HEALTHCHECK", "how Docker checks that the container is healthy"),
            Map.entry("LABEL", "metadata on the image"),
            Map.entry("MAINTAINER", "the image's author (deprecated: LABEL)"),
            Map.entry("ONBUILD", "a step for images built FROM this one"),
            Map.entry("RUN", "runs a command in the image"),
            Map.entry("SHELL", "the shell RUN uses from here on"),
            Map.entry("STOPSIGNAL", "the signal that stops the container"),
            Map.entry("USER", "the user the next steps and the run use"),
            Map.entry("VOLUME", "a mount point for data kept outside the image"),
            Map.entry("WORKDIR", "the folder the next steps and the run start in"));

    public DockerfileExplanation {
        instructions = List.copyOf(instructions);
    }

    /** The explanation of a build that has a Dockerfile ({@link ImageBuild#dockerfile()} not null). */
    public static DockerfileExplanation of(Environment env, ImageBuild build) {
        String dockerfile = build.dockerfile();
        if (dockerfile == null) {
            throw new IllegalArgumentException("no Dockerfile to explain: " + build);
        }
        DockerfileLayout layout = DockerfileLayout.of(dockerfile);
        int userLines = 0;
        String whose = "";
        if (build instanceof ImageBuild.AsIs) {
            userLines = layout.lines().size();
            whose = "yours, built as it is";
        } else if (build instanceof ImageBuild.Generated generated && generated.baseDockerfile() != null) {
            userLines = (int) generated.baseDockerfile().lines().count();
            whose = "yours: docker.baseDockerfile";
        }
        String conda = EnvironmentHashes.condaEnvironmentName(env);
        List<Instruction> explained = new ArrayList<>();
        for (DockerfileLayout.Instruction in : layout.instructions()) {
            String origin;
            String comment;
            if (in.first() < userLines) {
                origin = USER;
                comment = "[" + whose + "] " + userComment(in);
            } else if (in.keyword().equals("FROM")) {
                origin = AZURE_ML;
                comment = "[Azure ML] " + fromComment(env.docker().baseImage(), in.text());
            } else {
                origin = AZURE_ML;
                comment = "[Azure ML] "
                        + DockerfileTemplate.find(in.text(), conda)
                                .map(line -> line.render(conda).equals(line.text())
                                        ? line.purpose()
                                        : line.purpose().replace(DockerfileTemplate.ENV, conda))
                                .orElseThrow(() ->
                                        new IllegalStateException("not a line of Azure ML's template: " + in.text()));
            }
            explained.add(new Instruction(in.first() + 1, in.keyword(), in.text(), origin, comment));
        }
        return new DockerfileExplanation(explained, annotated(layout, explained));
    }

    /** What a user's instruction does: by its keyword, naming the variables an ENV or ARG sets. */
    private static String userComment(DockerfileLayout.Instruction in) {
        String args = in.text().substring(in.keyword().length()).strip();
        if ((in.keyword().equals("ENV") || in.keyword().equals("ARG")) && !args.isEmpty()) {
            String[] words = args.split("\\s+");
            List<String> names = new ArrayList<>();
            if (words[0].contains("=")) {
                for (String word : words) {
                    int eq = word.indexOf('=');
                    if (eq > 0 && !word.startsWith("\\")) {
                        names.add(word.substring(0, eq));
                    }
                }
            } else {
                names.add(words[0]);
            }
            return in.keyword().equals("ENV")
                    ? "sets " + String.join(", ", names) + " in the image, for the next steps and every run"
                    : "the build argument " + String.join(", ", names) + ": a variable for the build only";
        }
        return KEYWORDS.get(in.keyword());
    }

    private static String fromComment(String baseImage, String from) {
        String image = from.substring("FROM".length()).strip();
        String pin = !image.contains("@")
                ? ""
                : baseImage.contains("@")
                        ? ", pinned by the digest it was given"
                        : ", pinned to its digest as Azure ML pins its own images";
        return "the base image (docker.baseImage)" + pin;
    }

    /** The Dockerfile with each comment on its own {@code #} line before its instruction's first line. */
    private static String annotated(DockerfileLayout layout, List<Instruction> explained) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int i = 0; i < layout.lines().size(); i++) {
            if (next < explained.size() && explained.get(next).line() == i + 1) {
                String line = layout.lines().get(i);
                String indent =
                        line.substring(0, line.length() - line.stripLeading().length());
                out.append(indent)
                        .append("# ")
                        .append(explained.get(next).comment())
                        .append('\n');
                next++;
            }
            out.append(layout.lines().get(i)).append('\n');
        }
        return out.toString();
    }
}

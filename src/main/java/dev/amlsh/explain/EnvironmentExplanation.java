package dev.amlsh.explain;

import dev.amlsh.conda.roundtrip.CondaDocument;
import dev.amlsh.image.DockerfileLayout;
import dev.amlsh.image.DockerfileRenderer;
import dev.amlsh.image.DockerfileTemplate;
import dev.amlsh.image.EnvironmentHashes;
import dev.amlsh.image.ImageBuild;
import dev.amlsh.image.MutatedCondaFile;
import dev.amlsh.model.BuildContext;
import dev.amlsh.model.CondaPackage;
import dev.amlsh.model.CondaSpec;
import dev.amlsh.model.Environment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The path from an environment's conda file to its image, as facts ({@code env explain}): the
 * definition's conda file and the one Azure ML builds, with what differs between them and what the SDK
 * put in; what the two hashes are computed from and which fields do not count; and how the image is
 * assembled, stage by stage, for the environment's kind (a base image, a base Dockerfile, a build context,
 * an image used as it is).
 */
public record EnvironmentExplanation(
        String name,
        String version,
        String kind,
        String condaFile,
        String mutatedCondaFile,
        List<CondaFileChanges.Note> changes,
        List<CondaFileChanges.Note> sdkEntries,
        HashExplanation condaHash,
        HashExplanation imageHash,
        List<Stage> assembly,
        Map<String, String> runtimeVariables) {

    /**
     * A stage of the image's assembly: {@code base}, {@code setup}, {@code conda}, {@code finish},
     * {@code image}, {@code run}.
     */
    public record Stage(String stage, String title, List<String> details) {
        public Stage {
            details = List.copyOf(details);
        }
    }

    public EnvironmentExplanation {
        changes = List.copyOf(changes);
        sdkEntries = List.copyOf(sdkEntries);
        assembly = List.copyOf(assembly);
        runtimeVariables = Collections.unmodifiableMap(new LinkedHashMap<>(runtimeVariables));
    }

    public static EnvironmentExplanation of(Environment env, DockerfileRenderer renderer) {
        ImageBuild build = renderer.plan(env);
        String conda = EnvironmentHashes.condaEnvironmentName(env);
        boolean hasCondaFile = env.hasCondaDependencies() && env.docker().buildContext() == null;
        String condaFile = null;
        String mutated = MutatedCondaFile.render(env).orElse(null);
        List<CondaFileChanges.Note> changes = List.of();
        List<CondaFileChanges.Note> sdkEntries = List.of();
        if (hasCondaFile) {
            CondaDocument document = CondaDocument.of(env);
            condaFile = document.text();
            if (mutated != null) { // a conda file Azure ML installs nothing from needs no notes on what is in it
                sdkEntries = CondaFileChanges.sdkEntries(document, env.condaSpec(), env.condaFile() != null);
                changes = CondaFileChanges.compare(document, mutated);
            }
        }
        return new EnvironmentExplanation(
                env.name(),
                env.version(),
                kind(env, build),
                condaFile,
                mutated,
                changes,
                sdkEntries,
                conda == null ? null : HashExplanation.conda(env.condaSpec()),
                build instanceof ImageBuild.ImageAsGiven ? null : HashExplanation.image(env),
                assembly(env, build, conda),
                variables(env));
    }

    private static String kind(Environment env, ImageBuild build) {
        if (build instanceof ImageBuild.AsIs) {
            return "a build context";
        }
        if (build instanceof ImageBuild.UnseenContext) {
            return "a remote build context";
        }
        if (build instanceof ImageBuild.ImageAsGiven) {
            return "user-managed on a base image";
        }
        String on = env.docker().baseDockerfile() != null ? "on a base Dockerfile" : "on a base image";
        if (env.isUserManaged()) {
            return "user-managed " + on;
        }
        return env.hasCondaDependencies() ? "conda-managed " + on : "without conda dependencies, " + on;
    }

    private static List<Stage> assembly(Environment env, ImageBuild build, String conda) {
        List<Stage> stages = new ArrayList<>();
        String image = EnvironmentHashes.imageName(env);
        if (build instanceof ImageBuild.ImageAsGiven given) {
            stages.add(new Stage(
                    "base",
                    "image " + given.image(),
                    List.of("user-managed: the compute pulls it and runs it as it is; Azure ML builds nothing")));
        } else if (build instanceof ImageBuild.AsIs asIs) {
            BuildContext context = asIs.context();
            stages.add(new Stage(
                    "base",
                    "build context " + context.location(),
                    List.of(
                            "its " + context.dockerfilePath() + ": "
                                    + DockerfileLayout.of(asIs.dockerfile())
                                            .instructions()
                                            .size() + " instructions",
                            "built as it is: Azure ML adds no layer")));
            stages.add(new Stage("image", "image " + image, List.of()));
        } else if (build instanceof ImageBuild.UnseenContext unseen) {
            stages.add(new Stage(
                    "base",
                    "build context " + unseen.context().location(),
                    List.of(
                            "its " + unseen.context().dockerfilePath() + " is not known offline",
                            "built as it is: Azure ML adds no layer")));
            stages.add(new Stage("image", "image " + image, List.of()));
        } else if (build instanceof ImageBuild.Generated generated) {
            stages.add(base(env, generated));
            stages.add(new Stage(
                    "setup", "setup: Azure ML's files and steps", instructions(DockerfileTemplate.Part.SETUP, conda)));
            stages.add(condaStage(env, conda));
            stages.add(new Stage(
                    "finish",
                    "finish: Spark cache, image marker, default command",
                    instructions(DockerfileTemplate.Part.FINISH, conda)));
            stages.add(new Stage("image", "image " + image, List.of()));
        }
        Map<String, String> variables = variables(env);
        stages.add(new Stage(
                "run",
                "at run time, on the job's process (not in the image)",
                variables.isEmpty()
                        ? List.of("no environment variables")
                        : variables.entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .toList()));
        return stages;
    }

    private static Stage base(Environment env, ImageBuild.Generated generated) {
        if (generated.baseDockerfile() != null) {
            List<DockerfileLayout.Instruction> mine =
                    DockerfileLayout.of(generated.baseDockerfile()).instructions();
            String from = mine.stream()
                    .filter(i -> i.keyword().equals("FROM"))
                    .map(i -> first(i.text()))
                    .findFirst()
                    .orElse("FROM ?");
            return new Stage(
                    "base",
                    "your Dockerfile (docker.baseDockerfile)",
                    List.of(from, mine.size() + " instructions of yours, built first"));
        }
        String from = first(generated.dockerfile()).substring("FROM ".length());
        return new Stage(
                "base",
                "base image " + from,
                List.of("docker.baseImage"
                        + (from.equals(env.docker().baseImage()) ? "" : ", pinned to its digest by Azure ML")));
    }

    private static Stage condaStage(Environment env, String conda) {
        if (conda != null) {
            CondaSpec spec = env.condaSpec();
            List<String> packages =
                    spec.condaPackages().stream().map(CondaPackage::spec).toList();
            long pip = spec.pipRequirements().stream()
                    .filter(r -> !r.isBlank() && !r.strip().startsWith("#"))
                    .count();
            return new Stage(
                    "conda",
                    "conda environment /azureml-envs/" + conda,
                    List.of(
                            "from mutated_conda_dependencies.yml: " + String.join(", ", packages)
                                    + (pip == 0 ? "" : "; " + pip + " pip package" + (pip == 1 ? "" : "s")),
                            "PATH, AZUREML_CONDA_ENVIRONMENT_PATH and LD_LIBRARY_PATH point to it"));
        }
        String why = env.isUserManaged()
                ? "user-managed: a job runs " + env.python().interpreterPath() + " as the image has it"
                : "no conda dependencies (python.condaDependencies is not set): a job runs "
                        + env.python().interpreterPath() + " as the image has it";
        return new Stage("conda", "no conda environment", List.of(why));
    }

    private static List<String> instructions(DockerfileTemplate.Part part, String conda) {
        return DockerfileTemplate.lines(part).stream()
                .filter(l -> !l.isComment())
                .map(l -> shortened(l.render(conda)))
                .toList();
    }

    private static String first(String text) {
        return text.lines().findFirst().orElse("");
    }

    private static String shortened(String instruction) {
        return instruction.length() <= 72 ? instruction : instruction.substring(0, 71) + "…";
    }

    private static Map<String, String> variables(Environment env) {
        return env.environmentVariables().entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, e -> String.valueOf(e.getValue()), (a, b) -> a, LinkedHashMap::new));
    }
}

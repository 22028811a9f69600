package dev.amlsh.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The build-context files a Dockerfile's {@code COPY} and {@code ADD} instructions read, with
 * Docker's reading rules ({@link DockerfileLayout}: the {@code escape} parser directive, line continuations,
 * comment lines inside them), flags, the JSON (exec) form. Not from the context, so left out: {@code COPY --from=},
 * {@code ADD} of a URL or git repository, heredocs ({@code <<EOF}).
 */
public final class DockerfileSources {

    /**
     * One source as written, the 1-based line of its instruction, and whether it holds a variable amlsh cannot resolve.
     */
    public record Source(String path, int line, String instruction) {

        public boolean hasVariable() {
            return path.contains("$");
        }

        /** The path relative to the context's root: Docker reads {@code /a}, {@code ./a} and {@code a} alike. */
        public String relative() {
            String p = path;
            while (p.startsWith("./") || p.startsWith("/")) {
                p = p.startsWith("./") ? p.substring(2) : p.substring(1);
            }
            return p.isEmpty() || p.equals(".") ? "." : p.replaceAll("/+$", "");
        }
    }

    private static final Pattern URL = Pattern.compile("^(https?://|git@|git://).*", Pattern.CASE_INSENSITIVE);

    private DockerfileSources() {}

    public static List<Source> of(String dockerfile) {
        DockerfileLayout layout = DockerfileLayout.of(dockerfile);
        List<Source> sources = new ArrayList<>();
        for (DockerfileLayout.Instruction instruction : layout.instructions()) {
            addSources(layout.joined(instruction), instruction.first() + 1, sources);
        }
        return sources;
    }

    private static void addSources(String instruction, int line, List<Source> sources) {
        String[] words = instruction.split("\\s+", 2);
        String keyword = words[0].toUpperCase(Locale.ROOT);
        if (!keyword.equals("COPY") && !keyword.equals("ADD") || words.length < 2) {
            return;
        }
        String rest = words[1].strip();
        while (rest.startsWith("--")) {
            String[] flag = rest.split("\\s+", 2);
            if (flag[0].toLowerCase(Locale.ROOT).startsWith("--from=")) {
                return; // from another stage or image, not from the context
            }
            rest = flag.length > 1 ? flag[1].strip() : "";
        }
        List<String> args = rest.startsWith("[") ? jsonArguments(rest) : List.of(rest.split("\\s+"));
        if (args.size() < 2 || args.stream().anyMatch(a -> a.startsWith("<<"))) {
            return; // malformed (the parser test reports it) or a heredoc
        }
        for (String source : args.subList(0, args.size() - 1)) {
            if (!(keyword.equals("ADD") && URL.matcher(source).matches())) {
                sources.add(new Source(source, line, keyword));
            }
        }
    }

    /** {@code ["a", "b c", "dest"]}: the strings, with JSON's escapes for quote and backslash. */
    private static List<String> jsonArguments(String text) {
        List<String> args = new ArrayList<>();
        Matcher m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(text);
        while (m.find()) {
            args.add(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        return args;
    }
}

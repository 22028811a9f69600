package dev.amlsh.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The build-context files a Dockerfile's {@code COPY} and {@code ADD} instructions read, with
 * Docker's reading rules: the {@code escape} parser directive, line continuations, comment lines
 * inside them, flags, the JSON (exec) form. Not from the context, so left out: {@code COPY --from=},
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

    private static final Pattern ESCAPE_DIRECTIVE =
            Pattern.compile("^#\\s*escape\\s*=\\s*([\\\\`])\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*[a-zA-Z][a-zA-Z0-9]*\\s*=.*$");
    private static final Pattern URL = Pattern.compile("^(https?://|git@|git://).*", Pattern.CASE_INSENSITIVE);

    private DockerfileSources() {}

    public static List<Source> of(String dockerfile) {
        List<String> lines = dockerfile.lines().toList();
        char escape = escapeCharacter(lines);
        List<Source> sources = new ArrayList<>();
        StringBuilder instruction = new StringBuilder();
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (instruction.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (!instruction.isEmpty() && trimmed.startsWith("#")) {
                continue; // a comment line inside a continued instruction is dropped, as Docker does
            }
            if (instruction.isEmpty()) {
                start = i + 1;
            }
            String body = line.stripTrailing();
            if (!body.isEmpty() && body.charAt(body.length() - 1) == escape) {
                instruction.append(body, 0, body.length() - 1).append(' ');
                continue;
            }
            instruction.append(body);
            addSources(instruction.toString().strip(), start, sources);
            instruction.setLength(0);
        }
        if (!instruction.isEmpty()) {
            addSources(instruction.toString().strip(), start, sources);
        }
        return sources;
    }

    private static char escapeCharacter(List<String> lines) {
        for (String line : lines) {
            Matcher m = ESCAPE_DIRECTIVE.matcher(line.strip());
            if (m.matches()) {
                return m.group(1).charAt(0);
            }
            if (!DIRECTIVE.matcher(line.strip()).matches()) {
                break; // parser directives come first, before any comment, blank line or instruction
            }
        }
        return '\\';
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

package dev.amlsh.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instructions of a base Dockerfile, read by Docker's parser rules: comment and blank
 * lines skipped, {@code \} continues a line (comment lines inside a continuation skipped),
 * {@code <<WORD} heredocs run to their closing word, keywords are case-insensitive. A base
 * Dockerfile must start (after {@code ARG}s) with {@code FROM IMAGE}; a requirements file given
 * as a Dockerfile fails there, at its first line. The text amlsh stores stays the user's; this
 * is the check, and {@link #render} reads back to equal instructions.
 */
public record DockerfileInstructions(List<Instruction> instructions) {

    /** One instruction: its keyword in upper case, and its arguments as written (continuations kept). */
    public record Instruction(String keyword, String arguments) {
        public String render() {
            return arguments.isEmpty() ? keyword : keyword + " " + arguments;
        }
    }

    public static final Set<String> KEYWORDS = Set.of(
            "ADD",
            "ARG",
            "CMD",
            "COPY",
            "ENTRYPOINT",
            "ENV",
            "EXPOSE",
            "FROM",
            "HEALTHCHECK",
            "LABEL",
            "MAINTAINER",
            "ONBUILD",
            "RUN",
            "SHELL",
            "STOPSIGNAL",
            "USER",
            "VOLUME",
            "WORKDIR");

    private static final Pattern HEREDOC = Pattern.compile("<<(-?)([\"']?)([A-Za-z_][A-Za-z0-9_]*)\\2");
    private static final Pattern KEYWORD = Pattern.compile("[A-Za-z]+");

    public DockerfileInstructions {
        instructions = Immutable.list(instructions);
    }

    /**
     * Reads a Dockerfile; a problem throws a {@link SyntaxProblem} whose text is the whole file
     * and whose offset is the character at fault (a reader turns it into line and column).
     */
    public static DockerfileInstructions parse(String text) {
        List<Instruction> result = new ArrayList<>();
        int offset = 0;
        String[] lines = text.split("\n", -1);
        int[] starts = new int[lines.length];
        for (int i = 0; i < lines.length; i++) {
            starts[i] = offset;
            offset += lines[i].length() + 1;
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            for (int c = 0; c < line.length(); c++) {
                char ch = line.charAt(c);
                if (ControlCharacters.isControl(ch) && ch != '\t') {
                    throw new SyntaxProblem(
                            text,
                            starts[i] + c,
                            "the Dockerfile holds the control character " + ControlCharacters.name(ch));
                }
            }
            lines[i] = line;
        }
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            int lead = line.length() - line.stripLeading().length();
            Matcher k = KEYWORD.matcher(line).region(lead, line.length());
            if (!k.lookingAt()
                    || (k.end() < line.length()
                            && !Character.isWhitespace(line.charAt(k.end()))
                            && line.charAt(k.end()) != '\\')) {
                throw new SyntaxProblem(
                        text,
                        starts[i] + lead,
                        "'" + firstWord(stripped) + "' is not a Dockerfile instruction (FROM, RUN, COPY, ENV, ...)");
            }
            String keyword = k.group().toUpperCase(Locale.ROOT);
            if (!KEYWORDS.contains(keyword)) {
                throw new SyntaxProblem(
                        text,
                        starts[i] + lead,
                        "'" + k.group() + "' is not a Dockerfile instruction (FROM, RUN, COPY, ENV, ...)");
            }
            StringBuilder args = new StringBuilder(line.substring(k.end()).strip());
            int first = i;
            while (endsWithContinuation(args) && i + 1 < lines.length) {
                i++;
                String next = lines[i];
                if (next.strip().startsWith("#") || next.isBlank()) {
                    if (i + 1 < lines.length) {
                        continue;
                    }
                    break;
                }
                args.append('\n').append(next);
            }
            Matcher heredoc = HEREDOC.matcher(args);
            List<String> words = new ArrayList<>();
            while (heredoc.find()) {
                words.add(heredoc.group(1) + heredoc.group(3));
            }
            if (!keyword.equals("RUN") && !keyword.equals("COPY") && !keyword.equals("ADD")) {
                words.clear();
            }
            for (String word : words) {
                boolean tabs = word.startsWith("-");
                String end = tabs ? word.substring(1) : word;
                int open = i;
                while (true) {
                    i++;
                    if (i >= lines.length) {
                        throw new SyntaxProblem(
                                text, starts[open], "the heredoc <<" + end + " is not closed by a line '" + end + "'");
                    }
                    args.append('\n').append(lines[i]);
                    String candidate = tabs ? lines[i].replaceFirst("^\\t+", "") : lines[i];
                    if (candidate.equals(end)) {
                        break;
                    }
                }
            }
            String arguments = args.toString();
            if (result.stream().allMatch(in -> in.keyword().equals("ARG")) && !keyword.equals("ARG")) {
                if (!keyword.equals("FROM")) {
                    throw new SyntaxProblem(
                            text,
                            starts[first] + lead,
                            "a base Dockerfile starts with FROM IMAGE" + " (ARG lines may come first), not '"
                                    + firstWord(stripped) + "'");
                }
            }
            if (keyword.equals("FROM")) {
                checkFrom(text, starts[first] + lead + k.group().length(), arguments);
            }
            result.add(new Instruction(keyword, arguments));
        }
        if (result.stream().noneMatch(in -> in.keyword().equals("FROM"))) {
            throw new SyntaxProblem(text, 0, "a base Dockerfile needs a FROM line");
        }
        return new DockerfileInstructions(result);
    }

    /** The instructions, one per line, with their continuations and heredocs as read. */
    public String render() {
        StringBuilder s = new StringBuilder();
        for (Instruction in : instructions) {
            s.append(in.render()).append('\n');
        }
        return s.toString();
    }

    /** {@code FROM [--platform=P] IMAGE [AS NAME]}: the image is a reference, or uses a build argument. */
    private static void checkFrom(String text, int at, String arguments) {
        List<String> words = List.of(arguments.replace("\\\n", " ").strip().split("\\s+"));
        int n = 0;
        while (n < words.size() && words.get(n).startsWith("--")) {
            n++;
        }
        if (n >= words.size() || words.get(n).isEmpty()) {
            throw new SyntaxProblem(text, at, "FROM needs an image (e.g. FROM ubuntu:22.04)");
        }
        String image = words.get(n);
        if (!image.contains("$")) {
            try {
                ImageReference.parse(image);
            } catch (SyntaxProblem e) {
                throw new SyntaxProblem(
                        text,
                        text.indexOf(image, at) + e.offset(),
                        "'" + ControlCharacters.escape(image) + "' is not an image reference: " + e.problem());
            }
        }
        int rest = words.size() - n - 1;
        if (rest != 0 && !(rest == 2 && words.get(n + 1).equalsIgnoreCase("AS"))) {
            throw new SyntaxProblem(text, at, "FROM takes an image and optionally 'AS NAME'");
        }
    }

    private static boolean endsWithContinuation(CharSequence args) {
        int end = args.length();
        while (end > 0 && (args.charAt(end - 1) == ' ' || args.charAt(end - 1) == '\t')) {
            end--;
        }
        return end > 0 && args.charAt(end - 1) == '\\';
    }

    private static String firstWord(String line) {
        String word = line.strip().split("\\s+", 2)[0];
        return word.length() > 40 ? word.substring(0, 40) + "..." : word;
    }
}

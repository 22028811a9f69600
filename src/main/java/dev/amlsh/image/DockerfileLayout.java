package dev.amlsh.image;

import dev.amlsh.model.DockerfileInstructions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each instruction of a Dockerfile sits, read by Docker's rules: the {@code escape} parser directive,
 * comment and blank lines between instructions, an escape character at a line's end continuing it (comment
 * lines inside skipped), {@code <<WORD} heredocs of RUN, COPY and ADD running to their closing word, keywords
 * in any case. Lenient: a line that starts no instruction is left as it is (a build context's Dockerfile is
 * not amlsh's to refuse), so any text can be laid out.
 */
public final class DockerfileLayout {

    /** An instruction: its keyword in upper case, its lines (0-based, {@code last} included) and its text. */
    public record Instruction(String keyword, int first, int last, String text) {}

    private static final Pattern ESCAPE_DIRECTIVE =
            Pattern.compile("^#\\s*escape\\s*=\\s*([\\\\`])\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*[a-zA-Z][a-zA-Z0-9]*\\s*=.*$");
    private static final Pattern HEREDOC = Pattern.compile("<<(-?)([\"']?)([A-Za-z_][A-Za-z0-9_]*)\\2");

    private final List<String> lines;
    private final List<Instruction> instructions;
    private final char escape;

    private DockerfileLayout(List<String> lines, List<Instruction> instructions, char escape) {
        this.lines = List.copyOf(lines);
        this.instructions = List.copyOf(instructions);
        this.escape = escape;
    }

    public static DockerfileLayout of(String dockerfile) {
        List<String> lines = dockerfile.lines().toList();
        char escape = escapeCharacter(lines);
        List<Instruction> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String stripped = lines.get(i).strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            String keyword =
                    stripped.split("[\\s" + Pattern.quote(String.valueOf(escape)) + "]", 2)[0].toUpperCase(Locale.ROOT);
            if (!DockerfileInstructions.KEYWORDS.contains(keyword)) {
                continue;
            }
            int first = i;
            StringBuilder text = new StringBuilder(lines.get(i).strip());
            boolean continued = endsWith(lines.get(i), escape);
            while (continued && i + 1 < lines.size()) {
                i++;
                String next = lines.get(i).strip();
                if (next.startsWith("#") || next.isEmpty()) {
                    continue; // inside a continued instruction, Docker skips them
                }
                text.append('\n').append(lines.get(i));
                continued = endsWith(lines.get(i), escape);
            }
            if (keyword.equals("RUN") || keyword.equals("COPY") || keyword.equals("ADD")) {
                Matcher heredoc = HEREDOC.matcher(text);
                List<String> words = new ArrayList<>();
                while (heredoc.find()) {
                    words.add(heredoc.group(1) + heredoc.group(3));
                }
                for (String word : words) {
                    boolean tabs = word.startsWith("-");
                    String end = tabs ? word.substring(1) : word;
                    while (i + 1 < lines.size()) {
                        i++;
                        text.append('\n').append(lines.get(i));
                        String candidate = tabs ? lines.get(i).replaceFirst("^\\t+", "") : lines.get(i);
                        if (candidate.equals(end)) {
                            break;
                        }
                    }
                }
            }
            found.add(new Instruction(keyword, first, i, text.toString()));
        }
        return new DockerfileLayout(lines, found, escape);
    }

    public List<String> lines() {
        return lines;
    }

    public List<Instruction> instructions() {
        return instructions;
    }

    /**
     * An instruction as Docker reads it: on one line, each escape character that ends a line and the line end
     * read as one space, the comment lines inside left out.
     */
    public String joined(Instruction instruction) {
        StringBuilder joined = new StringBuilder();
        for (int i = instruction.first(); i <= instruction.last(); i++) {
            String line = lines.get(i);
            if (i > instruction.first() && line.strip().startsWith("#")) {
                continue;
            }
            String body = line.stripTrailing();
            if (i < instruction.last() && !body.isEmpty() && body.charAt(body.length() - 1) == escape) {
                joined.append(body, 0, body.length() - 1).append(' ');
            } else {
                joined.append(body).append(i < instruction.last() ? "\n" : "");
            }
        }
        return joined.toString().strip();
    }

    private static boolean endsWith(String line, char escape) {
        String body = line.stripTrailing();
        return !body.isEmpty() && body.charAt(body.length() - 1) == escape;
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
}

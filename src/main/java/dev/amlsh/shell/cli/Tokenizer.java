package dev.amlsh.shell.cli;

import dev.amlsh.shell.api.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Splits one logical command line into words, the same way in scripts, one-shot lines and at the
 * prompt: blanks separate words; {@code '...'} is literal; {@code "..."} allows {@code \"} and
 * {@code \\}; outside quotes {@code \} escapes the next character; {@code #} at the start of a
 * word begins a comment that runs to the end of the line.
 */
public final class Tokenizer {

    /**
     * The system shell's redirections and pipe. amlsh has none: as a word of its own and unquoted, one of these is a
     * line meant for the system shell ({@code numpy>=1.2} is one word, and {@code '>'} a quoted one).
     */
    public static final Set<String> SHELL_OPERATORS = Set.of(">", ">>", "|", "<", "2>", "2>>", "&>");

    private Tokenizer() {}

    public static List<String> split(String line) {
        return words(line, null);
    }

    /** The first word of {@code line} that is a {@link #SHELL_OPERATORS system shell operator}, unquoted. */
    public static Optional<String> shellOperator(String line) {
        List<String> bare = new ArrayList<>();
        words(line, bare);
        return bare.stream().filter(SHELL_OPERATORS::contains).findFirst();
    }

    /** Splits {@code line}; when {@code bare} is given, it gets the words that hold no quote or escape. */
    private static List<String> words(String line, List<String> bare) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean quoted = false;
        int n = line.length();
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    add(words, bare, word, quoted);
                    inWord = false;
                    quoted = false;
                }
            } else if (c == '#' && !inWord) {
                break;
            } else if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new UsageException("unterminated ' quote at column " + (i + 1));
                }
                word.append(line, i + 1, end);
                i = end;
                inWord = true;
                quoted = true;
            } else if (c == '"') {
                i = doubleQuoted(line, i, word);
                inWord = true;
                quoted = true;
            } else if (c == '\\' && i + 1 < n && line.charAt(i + 1) == '\n') {
                i++; // a continued line: backslash-newline joins the lines
            } else if (c == '\\' && i + 1 < n) {
                word.append(line.charAt(++i));
                inWord = true;
                quoted = true;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            add(words, bare, word, quoted);
        }
        return words;
    }

    private static void add(List<String> words, List<String> bare, StringBuilder word, boolean quoted) {
        words.add(word.toString());
        if (bare != null && !quoted) {
            bare.add(word.toString());
        }
        word.setLength(0);
    }

    private static int doubleQuoted(String line, int open, StringBuilder word) {
        for (int i = open + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                c = line.charAt(++i);
            }
            word.append(c);
        }
        throw new UsageException("unterminated \" quote at column " + (open + 1));
    }

    /** Quotes a word so that {@link #split} gives it back (for completion and echo). */
    public static String quote(String word) {
        if (!word.isEmpty()
                && !SHELL_OPERATORS.contains(word)
                && word.chars().noneMatch(c -> Character.isWhitespace(c) || "'\"\\#".indexOf(c) >= 0)) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** True for a line with no command: blank, or only a comment. */
    public static boolean isBlankOrComment(String line) {
        String s = line.strip();
        return s.isEmpty() || s.startsWith("#");
    }
}

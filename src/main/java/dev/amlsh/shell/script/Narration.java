package dev.amlsh.shell.script;

import dev.amlsh.model.ControlCharacters;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A script's {@code #} comment block, printed by {@code --narrate} before the command it precedes,
 * set apart from the output: after a blank line, each line behind a bar ({@code │}, dimmed when
 * colour is on) on a terminal, and as the {@code #} comment it was elsewhere, so a transcript
 * written to a file reads like the script.
 */
final class Narration {

    private static final String DIM = "\u001b[2m";
    private static final String RESET = "\u001b[0m";

    private final List<String> lines = new ArrayList<>();

    /** Adds a comment line ({@code # text}) or a blank line between comments. */
    void add(String scriptLine) {
        String s = scriptLine.strip();
        if (s.isEmpty()) {
            if (!lines.isEmpty()) {
                lines.add("");
            }
            return;
        }
        String text = s.substring(1); // the '#'
        lines.add(text.startsWith(" ") ? text.substring(1) : text);
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    /** Prints the block (trailing blank lines dropped) and starts a new one. */
    void print(PrintWriter out, boolean terminal, boolean color) {
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        if (lines.isEmpty()) {
            return;
        }
        out.println();
        for (String line : lines) {
            String text = ControlCharacters.escapeLines(line);
            if (!terminal) {
                out.println(text.isEmpty() ? "#" : "# " + text);
            } else if (color) {
                out.println(DIM + "│ " + text + RESET);
            } else {
                out.println("│ " + text);
            }
        }
        out.flush();
        lines.clear();
    }
}

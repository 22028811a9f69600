package dev.amlsh.shell.script;

import java.util.ArrayList;
import java.util.List;

/**
 * A script's text as logical lines: a UTF-8 BOM dropped, CRLF and LF accepted, a line ending in
 * an unescaped {@code \} joined with the next (the logical line keeps the first line's number,
 * so errors point where the command starts). A comment line is never continued.
 */
public final class ScriptLines {

    /** One logical line and the number of its first physical line. */
    public record Line(int number, String text) {}

    private ScriptLines() {}

    public static List<Line> split(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] physical = text.split("\n", -1);
        int count = physical.length;
        if (count > 0 && physical[count - 1].isEmpty()) {
            count--;
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int first = i + 1;
            String current = stripCr(physical[i]);
            StringBuilder logical = new StringBuilder();
            while (!current.stripLeading().startsWith("#") && endsWithContinuation(current) && i + 1 < count) {
                logical.append(current, 0, current.length() - 1);
                current = stripCr(physical[++i]);
            }
            logical.append(current);
            lines.add(new Line(first, logical.toString()));
        }
        return lines;
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** An odd number of trailing backslashes: the last one escapes the line end. */
    private static boolean endsWithContinuation(String line) {
        int n = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }
}

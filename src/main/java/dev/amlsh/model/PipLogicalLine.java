package dev.amlsh.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One requirement as pip reads a list of lines (a requirements file, or the {@code pip:} list conda
 * writes into one): a line ending in {@code \} continues on the next, so {@code numpy \} and
 * {@code   >=1.2} are the one requirement {@code numpy   >=1.2}. {@code from_pip_requirements}
 * keeps the physical lines as pip entries, so every reader of a pip list checks these joined
 * lines, or a definition amlsh created would not read back.
 *
 * @param first the index of its first physical line
 * @param text the joined text
 * @param starts where each physical line starts in {@code text} (the first at 0)
 */
public record PipLogicalLine(int first, String text, List<Integer> starts) {

    public PipLogicalLine {
        starts = List.copyOf(starts);
    }

    /** The requirements of these lines, in order, blank and comment lines included. */
    public static List<PipLogicalLine> of(List<String> lines) {
        List<PipLogicalLine> result = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int first = i;
            StringBuilder logical = new StringBuilder(lines.get(i));
            List<Integer> starts = new ArrayList<>(List.of(0));
            while (continues(logical) && i + 1 < lines.size()) {
                logical.setLength(logical.length() - 1);
                starts.add(logical.length());
                logical.append(lines.get(++i));
            }
            result.add(new PipLogicalLine(first, logical.toString(), starts));
        }
        return result;
    }

    /** Whether pip skips it (blank or a comment). */
    public boolean ignoredByPip() {
        return PipRequirement.isIgnoredByPip(text);
    }

    /** Which physical line (0 = the first) holds the character at {@code offset} of the text. */
    public int lineOf(int offset) {
        int k = starts.size() - 1;
        while (k > 0 && starts.get(k) > offset) {
            k--;
        }
        return k;
    }

    /** The column (0-based) of the character at {@code offset} of the text on its physical line. */
    public int columnOf(int offset) {
        return offset - starts.get(lineOf(offset));
    }

    private static boolean continues(CharSequence line) {
        return line.length() > 0
                && line.charAt(line.length() - 1) == '\\'
                && !PipRequirement.isIgnoredByPip(line.toString());
    }
}

package dev.amlsh.conda;

import dev.amlsh.model.PipLogicalLine;
import dev.amlsh.model.PipRequirement;
import dev.amlsh.model.PipRequirementSyntax;
import dev.amlsh.model.SyntaxProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a pip requirements file as the SDK's {@code from_pip_requirements} does:
 * {@code read().splitlines()}, so every line becomes a pip entry as written, blank lines,
 * comments and {@code \} continuation lines included (pip, reading them back from the conda
 * file, skips or joins them; lint names them). A line that pip could not read either is an
 * error at its line and column: amlsh checks each logical line (continuations joined).
 */
public final class PipRequirementsReader {

    private PipRequirementsReader() {}

    public static List<String> read(Path path) {
        TextFile file = TextFile.read(path);
        List<String> lines = splitLines(file.text());
        for (PipLogicalLine line : PipLogicalLine.of(lines)) {
            if (line.ignoredByPip()) {
                continue;
            }
            try {
                PipRequirementSyntax.check(line.text());
            } catch (SyntaxProblem e) {
                int at = e.offset();
                throw e.placed(file.at(line.first() + line.lineOf(at) + 1, line.columnOf(at) + 1), "a pip requirement");
            }
        }
        return lines;
    }

    /**
     * Python's {@code str.splitlines()}: line ends are {@code \n}, {@code \r\n}, {@code \r},
     * {@code \v}, {@code \f}, {@code \x1c}-{@code \x1e}, {@code \x85}, U+2028 and U+2029; a
     * final line end starts no empty line.
     */
    static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\n\r\u000B\u000C\u001C\u001D\u001E\u0085\u2028\u2029".indexOf(c) >= 0) {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    public static boolean isOption(String line) {
        return PipRequirement.isOption(line);
    }

    /**
     * A name with optional extras, version constraints and marker; a URL; a wheel or archive path; {@code name @ url}.
     */
    public static boolean isValidRequirement(String line) {
        return whyInvalid(line) == null;
    }

    /** Why a line is not a requirement, or null when it is one ({@link PipRequirement#whyInvalid}). */
    public static String whyInvalid(String line) {
        return PipRequirement.whyInvalid(line);
    }
}

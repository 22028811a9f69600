package dev.amlsh.conda;

import dev.amlsh.model.AmlshException;
import dev.amlsh.model.PipRequirement;
import dev.amlsh.model.PipRequirementSyntax;
import dev.amlsh.model.SyntaxProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a pip requirements file as the SDK's {@code from_pip_requirements} does: one
 * requirement per line; {@code #} comments (at the start or after a blank) and blank lines
 * dropped; {@code \} continues a line; options such as {@code --extra-index-url URL} kept as
 * lines; extras, markers, URLs and wheel paths accepted. A line that names no valid package
 * is an error at its line and column.
 */
public final class PipRequirementsReader {

    private static final Pattern COMMENT = Pattern.compile("(^|\\s)#.*$");

    private PipRequirementsReader() {}

    public static List<String> read(Path path) {
        TextFile file = TextFile.read(path);
        if (file.isBlank()) {
            throw AmlshException.inFile(path, "is empty: a requirements file needs at least one requirement");
        }
        List<String> lines = file.lines();
        List<String> result = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int first = i;
            StringBuilder logical = new StringBuilder(lines.get(i));
            List<Integer> starts = new ArrayList<>(List.of(0)); // where each physical line starts in the logical one
            while (endsWithContinuation(logical) && i + 1 < lines.size()) {
                logical.setLength(logical.length() - 1);
                starts.add(logical.length());
                logical.append(lines.get(++i));
            }
            if (endsWithContinuation(logical)) {
                logical.setLength(logical.length() - 1);
            }
            String line = COMMENT.matcher(logical).replaceFirst("").strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                PipRequirementSyntax.check(line);
            } catch (SyntaxProblem e) {
                int at = logical.length() - logical.toString().stripLeading().length() + e.offset();
                int k = starts.size() - 1;
                while (k > 0 && starts.get(k) > at) {
                    k--;
                }
                throw e.placed(file.at(first + k + 1, at - starts.get(k) + 1), "a pip requirement");
            }
            result.add(line);
        }
        if (result.stream().allMatch(PipRequirementsReader::isOption)) {
            throw AmlshException.inFile(path, "names no package (only comments, blanks or options)");
        }
        return result;
    }

    private static boolean endsWithContinuation(CharSequence line) {
        return line.length() > 0 && line.charAt(line.length() - 1) == '\\';
    }

    public static boolean isOption(String line) {
        return PipRequirement.isOption(line);
    }

    /** A name with optional extras, version constraints and marker; a URL; a wheel or archive path; {@code name @ url}. */
    public static boolean isValidRequirement(String line) {
        return whyInvalid(line) == null;
    }

    /** Why a line is not a requirement, or null when it is one ({@link PipRequirement#whyInvalid}). */
    public static String whyInvalid(String line) {
        return PipRequirement.whyInvalid(line);
    }
}

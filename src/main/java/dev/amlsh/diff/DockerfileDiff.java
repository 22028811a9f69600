package dev.amlsh.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.List;

/** A unified text diff of two Dockerfiles (java-diff-utils), empty when they are equal. */
public final class DockerfileDiff {

    private DockerfileDiff() {}

    public static String unified(String before, String after, String beforeName, String afterName, int context) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        var patch = DiffUtils.diff(a, b);
        if (patch.getDeltas().isEmpty()) {
            return "";
        }
        List<String> lines = UnifiedDiffUtils.generateUnifiedDiff(beforeName, afterName, a, patch, context);
        return String.join("\n", lines) + "\n";
    }
}

package dev.amlsh.workspace;

import dev.amlsh.model.AmlshException;
import java.util.List;
import java.util.regex.Pattern;

/** User labels on versions ({@code name@label}). {@code latest} is Azure ML's own and is managed, not set. */
public final class Labels {

    public static final String LATEST = "latest";

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Labels() {}

    public static void requireValid(List<String> labels) {
        if (labels.isEmpty()) {
            throw new AmlshException("give at least one label");
        }
        for (String label : labels) {
            if (label.equals(LATEST)) {
                throw new AmlshException("'latest' is reserved: it always names the most recently created version");
            }
            if (!VALID.matcher(label).matches()) {
                throw new AmlshException("'" + label + "' is not a valid label: use letters, digits, '.', '_' and '-'");
            }
        }
    }
}

package dev.amlsh.model;

import java.util.regex.Pattern;

/** Azure ML's rules for environment names. */
public final class EnvironmentName {

    private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9\\-_.]{0,254}");

    private EnvironmentName() {}

    /** Returns the name if it is valid, else throws with the rule it breaks. */
    public static String requireValid(String name) {
        if (name == null || name.isEmpty()) {
            throw new AmlshException("an environment name cannot be empty");
        }
        if (!VALID.matcher(name).matches()) {
            throw new AmlshException(
                    "'" + name + "' is not a valid environment name: it must start with a letter or digit"
                            + " and hold only letters, digits, '-', '_' and '.' (at most 255 characters)");
        }
        return name;
    }

    /** Names starting with {@code AzureML} or {@code Microsoft} are reserved for curated environments. */
    public static boolean isReserved(String name) {
        return name.startsWith("AzureML") || name.startsWith("Microsoft");
    }

    public static String requireRegistrable(String name) {
        requireValid(name);
        if (isReserved(name)) {
            throw new AmlshException("'" + name + "' is reserved: names starting with 'AzureML' or 'Microsoft'"
                    + " belong to Azure ML's curated environments");
        }
        return name;
    }
}

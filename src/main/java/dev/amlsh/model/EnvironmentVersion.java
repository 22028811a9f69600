package dev.amlsh.model;

import java.util.regex.Pattern;

/** What a version string may be: Azure ML versions are strings ("1", "2022-02-03", "1.0-beta"). */
public final class EnvironmentVersion {

    /** The label every name has; never a version. */
    public static final String LATEST = "latest";

    /** amlsh refuses the characters that would break a reference ({@code NAME:VERSION}, {@code NAME@LABEL}). */
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private EnvironmentVersion() {}

    public static String requireValid(String version) {
        if (version.equals(LATEST)) {
            throw new AmlshException(
                    "'latest' is not a version: NAME@latest always names the most recently" + " created version");
        }
        if (!VALID.matcher(version).matches()) {
            throw new AmlshException("'" + version + "' is not a valid version: use letters, digits, '.', '_' and '-'"
                    + " (at most 64), starting with a letter or digit");
        }
        return version;
    }
}

package dev.amlsh.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How azureml-core's {@code CondaDependencies} reads a package string. These rules are textual,
 * not conda's or pip's: {@code rich >=13} is the package {@code "rich "}, {@code python 3.8} is
 * not python, and names compare case-sensitively. Every edit of a conda spec uses them, so an
 * edit matches what the SDK's edit would match.
 */
public final class SdkPackageNames {

    /** {@code VERSION_REGEX}, used with {@code search}: a version at the very end of the string. */
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(\\.(\\d+))?([ab](\\d+))?$");

    /** {@code _get_package_name}'s split: the character class {@code [\[=|<|>|~|!]}. */
    private static final Pattern NAME_END = Pattern.compile("[\\[=|<>~!]");

    private SdkPackageNames() {}

    /**
     * {@code _get_package_name}: for a {@code .whl} (path or URL), the file name up to its first
     * {@code -}; otherwise the text before the first of {@code [ = | < > ~ !}, blanks and all.
     */
    public static String packageName(String value) {
        if (value.endsWith(".whl")) {
            String file = value.substring(value.lastIndexOf('/') + 1);
            int dash = file.indexOf('-');
            return dash < 0 ? file : file.substring(0, dash);
        }
        Matcher m = NAME_END.matcher(value);
        return m.find() ? value.substring(0, m.start()) : value;
    }

    /**
     * Whether the SDK takes a conda entry for python ({@code get_python_version},
     * {@code _has_python_package}): it starts with {@code python} and its package name is
     * exactly {@code python}. So {@code python-dateutil}, {@code python 3.8} and
     * {@code conda-forge::python=3.9} are not python.
     */
    public static boolean isPython(String condaSpec) {
        return condaSpec.startsWith("python") && packageName(condaSpec).equals("python");
    }

    /**
     * {@code _get_version}: the version {@code VERSION_REGEX} finds at the end of the spec
     * ({@code 3.11} for {@code python==3.11} and for {@code python>=3.8,<3.11}); empty when the
     * spec ends otherwise ({@code python}, {@code python=3.8.*}, {@code python=3.9.7=h12debd9_1}).
     */
    public static Optional<String> version(String spec) {
        Matcher m = VERSION.matcher(spec);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    /** {@code _is_option}: pip options start with {@code -}. */
    public static boolean isOption(String pipEntry) {
        return pipEntry.startsWith("-");
    }

    /** The first word of a pip option ({@code x.split()[0]}), which {@code set_pip_option} matches on. */
    public static String optionKey(String option) {
        String s = option.strip();
        int blank = 0;
        while (blank < s.length() && !Character.isWhitespace(s.charAt(blank))) {
            blank++;
        }
        return s.substring(0, blank);
    }
}

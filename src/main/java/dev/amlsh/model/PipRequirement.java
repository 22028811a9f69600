package dev.amlsh.model;

import java.util.regex.Pattern;

/** What the SDK knows of a pip requirement line: whether it is an option, and its package name. */
public final class PipRequirement {

    /** PEP 508 distribution names: letters, digits, and {@code . _ -} inside. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?");

    private PipRequirement() {}

    /**
     * Why a line is not a requirement, or null when it is one, by pip's grammar
     * ({@link PipRequirementSyntax}). Reading a file and editing a spec use this one rule, so
     * what an edit stores reads back.
     */
    public static String whyInvalid(String line) {
        return PipRequirementSyntax.whyInvalid(line);
    }

    /**
     * Whether pip skips the line: blank, or a comment. {@code from_pip_requirements} keeps such
     * lines in the {@code pip:} list, as it keeps every line of the file.
     */
    public static boolean isIgnoredByPip(String line) {
        return line.isBlank() || line.strip().startsWith("#");
    }

    /** Lines like {@code --extra-index-url URL} or {@code -r other.txt}: pip options, not packages. */
    public static boolean isOption(String line) {
        return line.strip().startsWith("-");
    }

    /**
     * The package name as the SDK finds it: the text before the first of {@code [ = < > ~ ! ;}
     * or a space; for a {@code .whl} path or URL, the first {@code -}-separated token of the
     * file name; for {@code name @ url}, the name.
     */
    public static String name(String line) {
        String s = line.strip();
        if (s.endsWith(".whl")) {
            String file = s.substring(s.lastIndexOf('/') + 1);
            int dash = file.indexOf('-');
            return dash < 0 ? file : file.substring(0, dash);
        }
        int egg = s.indexOf("#egg=");
        if (egg >= 0 && s.contains("://")) {
            return s.substring(egg + 5).split("[&\\s]")[0];
        }
        int end = 0;
        while (end < s.length() && "[=<>~!; @".indexOf(s.charAt(end)) < 0) {
            end++;
        }
        return s.substring(0, end);
    }

    /** Whether {@link #name} is a valid distribution name (so the line names a package). */
    public static boolean hasValidName(String line) {
        return NAME.matcher(name(line)).matches();
    }

    /** pip compares names case-insensitively with {@code -_.} runs equal (PEP 503). */
    public static String normalizedName(String line) {
        return name(line).toLowerCase(java.util.Locale.ROOT).replaceAll("[-_.]+", "-");
    }
}

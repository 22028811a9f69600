package dev.amlsh.model;

import java.util.Objects;

/**
 * A conda match spec as written, e.g. {@code python=3.7}, {@code pip<=23.1.2},
 * {@code conda-forge::numpy>=1.20}. The text is kept verbatim: it is part of the hash.
 */
public record CondaPackage(String spec) implements CondaDependency {

    public CondaPackage {
        Objects.requireNonNull(spec, "spec");
        if (spec.isBlank()) {
            throw new AmlshException("a conda package cannot be empty");
        }
    }

    /** The package name: the spec without a {@code channel::} prefix, up to its version constraint. */
    public String name() {
        String s = spec.strip();
        int channel = s.indexOf("::");
        if (channel >= 0) {
            s = s.substring(channel + 2);
        }
        int end = 0;
        while (end < s.length() && "=<>!~ [".indexOf(s.charAt(end)) < 0) {
            end++;
        }
        return s.substring(0, end);
    }

    /** The version constraint after the name, e.g. {@code 3.7} for {@code python=3.7}; empty when none. */
    public String constraint() {
        String s = spec.strip();
        String rest = s.substring(s.indexOf(name()) + name().length()).strip();
        return rest.replaceFirst("^=+", "").strip();
    }

    /** Whether the SDK takes this entry for python ({@link SdkPackageNames#isPython}). */
    public boolean isPython() {
        return SdkPackageNames.isPython(spec);
    }
}

package dev.amlsh.model;

import java.util.List;

/** The SDK's {@code spark} section. */
public record SparkSection(List<String> repositories, List<SparkPackage> packages, boolean precachePackages) {

    public static final SparkSection DEFAULT = new SparkSection(List.of(), List.of(), true);

    public SparkSection {
        repositories = Immutable.list(repositories);
        packages = Immutable.list(packages);
    }
}

package dev.amlsh.model;

import java.util.Objects;

/**
 * The SDK's {@code python} section. When {@code userManagedDependencies} is true Azure ML builds
 * no conda environment and runs {@code interpreterPath} as found in the image; the conda spec
 * is then kept but unused, as the SDK does.
 */
public record PythonSection(
        boolean userManagedDependencies,
        String interpreterPath,
        String condaDependenciesFile,
        String baseCondaEnvironment,
        CondaSpec condaDependencies) {

    public PythonSection {
        Objects.requireNonNull(condaDependencies, "python cannot be removed: condaDependencies is required");
    }

    public static PythonSection conda(CondaSpec spec) {
        return new PythonSection(false, "python", null, null, spec);
    }

    public PythonSection withCondaDependencies(CondaSpec spec) {
        return new PythonSection(userManagedDependencies, interpreterPath, condaDependenciesFile, baseCondaEnvironment, spec);
    }

    public PythonSection withUserManagedDependencies(boolean userManaged) {
        return new PythonSection(userManaged, interpreterPath, condaDependenciesFile, baseCondaEnvironment, condaDependencies);
    }

    public PythonSection withInterpreterPath(String path) {
        return new PythonSection(userManagedDependencies, path, condaDependenciesFile, baseCondaEnvironment, condaDependencies);
    }
}

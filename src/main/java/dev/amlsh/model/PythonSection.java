package dev.amlsh.model;

/**
 * The SDK's {@code python} section. When {@code userManagedDependencies} is true Azure ML builds
 * no conda environment and runs {@code interpreterPath} as found in the image; the conda spec
 * is then kept but unused, as the SDK does.
 *
 * <p>{@code condaDependencies} is null for a definition without conda dependencies: what
 * {@code load_from_directory} gives for a folder without {@code conda_dependencies.yml}, and
 * what the SDK's JSON without {@code python.condaDependencies} means
 * ({@code Environment(name, _skip_defaults=True)}).
 */
public record PythonSection(
        boolean userManagedDependencies,
        String interpreterPath,
        String condaDependenciesFile,
        String baseCondaEnvironment,
        CondaSpec condaDependencies) {

    public static PythonSection conda(CondaSpec spec) {
        return new PythonSection(false, "python", null, null, spec);
    }

    /**
     * {@code PythonSection(_skip_defaults=True)}: not user-managed, interpreter {@code python}, no conda dependencies.
     */
    public static PythonSection withoutCondaDependencies() {
        return new PythonSection(false, "python", null, null, null);
    }

    public boolean hasCondaDependencies() {
        return condaDependencies != null;
    }

    public PythonSection withCondaDependencies(CondaSpec spec) {
        return new PythonSection(
                userManagedDependencies, interpreterPath, condaDependenciesFile, baseCondaEnvironment, spec);
    }

    public PythonSection withUserManagedDependencies(boolean userManaged) {
        return new PythonSection(
                userManaged, interpreterPath, condaDependenciesFile, baseCondaEnvironment, condaDependencies);
    }

    public PythonSection withInterpreterPath(String path) {
        return new PythonSection(
                userManagedDependencies, path, condaDependenciesFile, baseCondaEnvironment, condaDependencies);
    }
}

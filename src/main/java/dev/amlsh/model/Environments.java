package dev.amlsh.model;

import java.util.List;
import java.util.function.Consumer;

/**
 * The SDK's constructors, on content already read ({@code conda} reads the files).
 * Warnings the SDK prints go to the given consumer.
 */
public final class Environments {

    private Environments() {}

    /** {@code from_conda_specification}: appends {@code python=<default>} with the SDK's warning when missing. */
    public static Environment fromCondaSpecification(
            String name, CondaSpec spec, String defaultBaseImage, Consumer<String> warnings) {
        EnvironmentName.requireValid(name);
        return Environment.create(name, defaultBaseImage).withPython(PythonSection.conda(withPython(spec, warnings)));
    }

    /** {@code from_pip_requirements}: the default spec with its pip list replaced, plus {@code pip[=v]}. */
    public static Environment fromPipRequirements(
            String name, List<String> requirements, String pipVersion, String defaultBaseImage) {
        EnvironmentName.requireValid(name);
        CondaSpec spec = SdkRelease.defaultCondaSpec()
                .withPipRequirements(requirements)
                .addCondaPackage(pipVersion == null ? "pip" : "pip=" + pipVersion);
        return Environment.create(name, defaultBaseImage).withPython(PythonSection.conda(spec));
    }

    /** {@code from_docker_image} without a conda or pip file: the image's own python, user-managed. */
    public static Environment fromDockerImage(String name, String image, String defaultBaseImage) {
        EnvironmentName.requireValid(name);
        Environment env = Environment.create(name, defaultBaseImage).withBaseImage(image, w -> {});
        return env.withPython(env.python().withUserManagedDependencies(true));
    }

    /** {@code from_dockerfile} without a conda or pip file: the Dockerfile's own python, user-managed. */
    public static Environment fromDockerfile(String name, String dockerfile, String defaultBaseImage) {
        EnvironmentName.requireValid(name);
        Environment env = Environment.create(name, defaultBaseImage);
        env = env.withDocker(env.docker().withBaseDockerfile(dockerfile, w -> {}));
        return env.withPython(env.python().withUserManagedDependencies(true));
    }

    /**
     * {@code from_docker_build_context}: {@code Environment(name, _skip_defaults=True)} with the
     * context: no environment variables, no conda dependencies, {@code userManagedDependencies}
     * false, {@code shmSize} null, no base image. Azure ML builds the context as it is.
     */
    public static Environment fromDockerBuildContext(String name, BuildContext context, String defaultBaseImage) {
        EnvironmentName.requireValid(name);
        return Environment.create(name, defaultBaseImage)
                .withEnvironmentVariables(java.util.Map.of())
                .withDocker(DockerSection.onBuildContext(context))
                .withPython(PythonSection.withoutCondaDependencies());
    }

    /**
     * {@code from_conda_specification}'s check: when the spec has no python version the SDK can
     * read ({@link CondaSpec#sdkPythonVersion}), it warns and sets the default version, replacing
     * an unreadable python entry in place ({@code python}, {@code python=3.8.*}) or appending one.
     */
    public static CondaSpec withPython(CondaSpec spec, Consumer<String> warnings) {
        if (spec.sdkPythonVersion().isPresent()) {
            return spec;
        }
        warnings.accept("No Python version provided, defaulting to \"" + SdkRelease.DEFAULT_PYTHON_VERSION + "\"");
        return spec.setPythonVersion(SdkRelease.DEFAULT_PYTHON_VERSION);
    }
}

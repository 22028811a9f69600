package dev.amlsh.model;

import java.util.List;
import java.util.function.Consumer;

/**
 * The SDK's {@code docker} section. Base image, base Dockerfile and build context are
 * exclusive: setting one clears the others with a warning, as {@code DockerSection} does.
 * {@code gpuSupport} only survives from old files (deprecated; kept, never used).
 */
public record DockerSection(
        boolean enabled,
        String baseImage,
        String baseDockerfile,
        BuildContext buildContext,
        boolean sharedVolumes,
        String shmSize,
        List<String> arguments,
        ContainerRegistry baseImageRegistry,
        Platform platform,
        Boolean gpuSupport) {

    public DockerSection {
        arguments = Immutable.list(arguments);
        baseImageRegistry = baseImageRegistry == null ? ContainerRegistry.NONE : baseImageRegistry;
        int set = (baseImage != null ? 1 : 0) + (baseDockerfile != null ? 1 : 0) + (buildContext != null ? 1 : 0);
        if (set > 1) {
            throw new AmlshException("docker.baseImage, docker.baseDockerfile and docker.buildContext are exclusive");
        }
    }

    public static DockerSection onImage(String image) {
        return new DockerSection(
                false, image, null, null, true, "2g", List.of(), ContainerRegistry.NONE, Platform.LINUX_AMD64, null);
    }

    /**
     * {@code DockerSection(_skip_defaults=True)} with the context set, as
     * {@code Environment.from_docker_build_context} makes it: no base image, {@code shmSize} null.
     */
    public static DockerSection onBuildContext(BuildContext context) {
        return new DockerSection(
                false, null, null, context, true, null, List.of(), ContainerRegistry.NONE, Platform.LINUX_AMD64, null);
    }

    public DockerSection withBaseImage(String image, Consumer<String> warnings) {
        requireImageReference(image);
        warnReplaced(warnings, "base image");
        return new DockerSection(
                enabled, image, null, null, sharedVolumes, shmSize, arguments, baseImageRegistry, platform, gpuSupport);
    }

    public DockerSection withBaseDockerfile(String content, Consumer<String> warnings) {
        if (content == null || content.isBlank()) {
            throw new AmlshException("a base Dockerfile cannot be empty: it needs at least a FROM line");
        }
        warnReplaced(warnings, "base Dockerfile");
        return new DockerSection(
                enabled,
                null,
                content,
                null,
                sharedVolumes,
                shmSize,
                arguments,
                baseImageRegistry,
                platform,
                gpuSupport);
    }

    public DockerSection withBuildContext(BuildContext context, Consumer<String> warnings) {
        warnReplaced(warnings, "build context");
        return new DockerSection(
                enabled,
                null,
                null,
                context,
                sharedVolumes,
                shmSize,
                arguments,
                baseImageRegistry,
                platform,
                gpuSupport);
    }

    public DockerSection withRegistry(ContainerRegistry registry) {
        return new DockerSection(
                enabled,
                baseImage,
                baseDockerfile,
                buildContext,
                sharedVolumes,
                shmSize,
                arguments,
                registry,
                platform,
                gpuSupport);
    }

    public DockerSection withPlatform(Platform newPlatform) {
        return new DockerSection(
                enabled,
                baseImage,
                baseDockerfile,
                buildContext,
                sharedVolumes,
                shmSize,
                arguments,
                baseImageRegistry,
                newPlatform,
                gpuSupport);
    }

    /**
     * An image reference by the OCI distribution grammar ({@link ImageReference}); docker cannot pull anything else.
     */
    static void requireImageReference(String image) {
        if (image == null || image.isBlank()) {
            throw new AmlshException("a base image cannot be empty");
        }
        try {
            ImageReference.parse(image);
        } catch (SyntaxProblem e) {
            throw e.as("an image reference");
        }
    }

    private void warnReplaced(Consumer<String> warnings, String setting) {
        if (baseDockerfile != null && !setting.equals("base Dockerfile")) {
            warnings.accept("setting the " + setting + " clears the base Dockerfile");
        } else if (buildContext != null && !setting.equals("build context")) {
            warnings.accept("setting the " + setting + " clears the build context");
        } else if (baseImage != null && !setting.equals("base image")) {
            warnings.accept("setting the " + setting + " clears the base image " + baseImage);
        }
    }
}

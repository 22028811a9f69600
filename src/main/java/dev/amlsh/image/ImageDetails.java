package dev.amlsh.image;

import dev.amlsh.model.ContainerRegistry;
import dev.amlsh.model.Environment;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code Environment.get_image_details(ws)} returns, offline. The image is never in a
 * registry (amlsh builds nothing), so {@code imageExistsInRegistry} is always false and says so
 * in {@code warnings}. The registry is the environment's base image registry, masked as the
 * SDK prints it.
 */
public record ImageDetails(
        String imageName,
        ContainerRegistry registry,
        String interpreterPath,
        String condaEnvironmentName,
        String condaEnvironmentPath,
        String dockerfile,
        String condaSpecification,
        boolean imageExistsInRegistry,
        List<String> warnings) {

    public ImageDetails {
        warnings = List.copyOf(warnings);
    }

    public static ImageDetails of(Environment env, DockerfileRenderer renderer) {
        String conda = env.isUserManaged() ? null : EnvironmentHashes.condaEnvironmentName(env.condaSpec());
        List<String> warnings = new ArrayList<>();
        warnings.add("amlsh works offline: the image has not been built or pushed to a registry");
        return new ImageDetails(
                EnvironmentHashes.imageName(env),
                env.docker().baseImageRegistry().masked(),
                conda == null ? env.python().interpreterPath() : "/azureml-envs/" + conda + "/bin/python",
                conda,
                conda == null ? null : "/azureml-envs/" + conda,
                renderer.render(env),
                MutatedCondaFile.render(env).orElse(null),
                false,
                warnings);
    }
}

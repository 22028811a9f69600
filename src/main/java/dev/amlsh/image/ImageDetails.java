package dev.amlsh.image;

import dev.amlsh.model.ContainerRegistry;
import dev.amlsh.model.Environment;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code Environment.get_image_details(ws)} returns, offline, with the parts of the service's
 * reply (a real 2026 reply: {@code imageExistsInRegistry}, {@code intellectualPropertyPublisher}
 * null, {@code imageCapabilities} {@code {canAccessData: true, hasCrossTenantSupport: false}},
 * {@code ingredients}, {@code vulnerabilityFindings} {@code {details: null}}, {@code pythonEnvironment},
 * {@code dockerImage}, {@code warnings}).
 * <ul>
 * <li>The image is never in a registry (amlsh builds nothing), so {@code imageExistsInRegistry} is
 *     false and {@code warnings} says why.</li>
 * <li>{@code ingredients} (the Dockerfile and conda file Azure ML generates) is null when Azure ML
 *     generates nothing: a build context (built as it is, as in that reply) and a user-managed
 *     environment on a base image (not built at all).</li>
 * <li>The registry is the environment's base image registry, masked as the SDK prints it.</li>
 * </ul>
 */
public record ImageDetails(
        boolean imageExistsInRegistry,
        String intellectualPropertyPublisher,
        ImageCapabilities imageCapabilities,
        Ingredients ingredients,
        VulnerabilityFindings vulnerabilityFindings,
        PythonEnvironment pythonEnvironment,
        DockerImage dockerImage,
        List<String> warnings) {

    public static final String OFFLINE = "amlsh works offline: the image has not been built or pushed to a registry";

    public record ImageCapabilities(boolean canAccessData, boolean hasCrossTenantSupport) {
        /** What the service reports for a workspace's own environment images. */
        public static final ImageCapabilities WORKSPACE = new ImageCapabilities(true, false);
    }

    public record Ingredients(String dockerfile, String condaSpecification) {}

    /** Azure's scan results; offline there is no scan, so {@code details} is null. */
    public record VulnerabilityFindings(Object details) {}

    public record PythonEnvironment(String interpreterPath, String condaEnvironmentName, String condaEnvironmentPath) {}

    public record DockerImage(String name, ContainerRegistry registry) {}

    public ImageDetails {
        warnings = List.copyOf(warnings);
    }

    public static ImageDetails of(Environment env, DockerfileRenderer renderer) {
        ImageBuild build = renderer.plan(env);
        List<String> warnings = new ArrayList<>();
        String imageName = EnvironmentHashes.imageName(env);
        Ingredients ingredients = null;
        PythonEnvironment python = new PythonEnvironment(env.python().interpreterPath(), null, null);
        if (build instanceof ImageBuild.Generated generated) {
            String conda =
                    env.buildsCondaEnvironment() ? EnvironmentHashes.condaEnvironmentName(env.condaSpec()) : null;
            ingredients = new Ingredients(
                    generated.dockerfile(), MutatedCondaFile.render(env).orElse(null));
            if (conda != null) {
                python = new PythonEnvironment(
                        "/azureml-envs/" + conda + "/bin/python", conda, "/azureml-envs/" + conda);
            }
            warnings.add(OFFLINE);
        } else if (build instanceof ImageBuild.ImageAsGiven given) {
            imageName = given.image();
            warnings.add("Azure ML builds no image for a user-managed environment on a base image: the compute pulls "
                    + given.image() + " as it is");
            warnings.add("amlsh works offline: it cannot tell whether " + given.image() + " exists in its registry");
        } else {
            warnings.add(OFFLINE);
        }
        return new ImageDetails(
                false,
                null,
                ImageCapabilities.WORKSPACE,
                ingredients,
                new VulnerabilityFindings(null),
                python,
                new DockerImage(imageName, env.docker().baseImageRegistry().masked()),
                warnings);
    }
}

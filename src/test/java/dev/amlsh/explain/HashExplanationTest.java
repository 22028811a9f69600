package dev.amlsh.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amlsh.formats.V2EnvironmentYaml;
import dev.amlsh.image.EnvironmentHashes;
import dev.amlsh.model.Environment;
import dev.amlsh.model.SdkRelease;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What {@code env explain} says the two hashes are computed from is what {@link EnvironmentHashes} computes them
 * from (amlsh's emulator rule, docs/EMULATION.md "The two hashes"): the canonical form hashes to the name, a field
 * said not to count changes nothing when changed, and one said to count changes the image.
 */
class HashExplanationTest {

    static final Environment DEFAULTS = Environment.create("e", SdkRelease.DEFAULT_BASE_IMAGE);

    @Test
    void theCanonicalFormShownIsTheTextThatIsHashed() throws Exception {
        HashExplanation conda = HashExplanation.conda(DEFAULTS.condaSpec());
        assertThat(conda.name()).isEqualTo(EnvironmentHashes.CONDA_PREFIX + md5(conda.canonicalForm()));
        assertThat(conda.inputs()).extracting(HashExplanation.Input::field).containsExactly("channels", "dependencies");
        assertThat(conda.notCounted()).containsExactly("name");
        HashExplanation image = HashExplanation.image(DEFAULTS);
        assertThat(image.name()).isEqualTo(EnvironmentHashes.IMAGE_REPOSITORY + md5(image.canonicalForm()));
        assertThat(image.inputs())
                .extracting(HashExplanation.Input::field)
                .containsExactly(
                        "docker.baseImage",
                        "docker.baseDockerfile",
                        "docker.buildContext",
                        "docker.baseImageRegistry.address",
                        "python.userManagedDependencies",
                        "python.interpreterPath",
                        "python.baseCondaEnvironment",
                        "python.condaDependencies",
                        "spark.packages",
                        "docker.platform.os",
                        "docker.platform.architecture");
        assertThat(image.inputs().get(7).value()).isEqualTo(conda.canonicalForm());
    }

    @Test
    void whatIsNotCountedChangesNothingAndWhatCountsChangesTheImage() {
        HashExplanation image = HashExplanation.image(DEFAULTS);
        assertThat(image.notCounted())
                .containsExactly(
                        "name",
                        "version",
                        "environmentVariables",
                        "python.condaDependenciesFile",
                        "docker.enabled",
                        "docker.sharedVolumes",
                        "docker.shmSize",
                        "docker.arguments",
                        "docker.baseImageRegistry.username",
                        "docker.baseImageRegistry.password",
                        "docker.baseImageRegistry.registryIdentity",
                        "spark.repositories",
                        "spark.precachePackages",
                        "databricks",
                        "r",
                        "inferencingStackVersion",
                        "assetId");
        String name = EnvironmentHashes.imageName(DEFAULTS);
        assertThat(EnvironmentHashes.imageName(DEFAULTS.withName("other").withVersion("7")))
                .isEqualTo(name);
        assertThat(EnvironmentHashes.imageName(DEFAULTS.withEnvironmentVariables(Map.of("A", "B"))))
                .isEqualTo(name);
        assertThat(EnvironmentHashes.imageName(DEFAULTS.withBaseImage("ubuntu:22.04", w -> {})))
                .isNotEqualTo(name);
        assertThat(EnvironmentHashes.imageName(
                        DEFAULTS.withPython(DEFAULTS.python().withUserManagedDependencies(true))))
                .isNotEqualTo(name);
    }

    @Test
    void aBuildContextsLocalFolderDoesNotCount() throws URISyntaxException {
        Path file = Path.of(HashExplanationTest.class
                .getResource("/real-world/03-azureml-examples-docker-context/docker-context.yml")
                .toURI());
        Environment context = V2EnvironmentYaml.read(file).environment();
        HashExplanation image = HashExplanation.image(context);
        assertThat(image.inputs())
                .extracting(HashExplanation.Input::field)
                .contains(
                        "docker.buildContext.location",
                        "docker.buildContext.dockerfilePath",
                        "docker.buildContext.dockerfile");
        assertThat(image.notCounted())
                .contains("docker.buildContext.localFolder")
                .doesNotContain("docker.baseImage");
    }

    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}

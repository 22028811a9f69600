package dev.amlsh.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amlsh.conda.CondaFileReader;
import dev.amlsh.conda.CondaSpecWriter;
import dev.amlsh.conda.EnvironmentFiles;
import dev.amlsh.engine.Golden;
import dev.amlsh.formats.ImageDetailsJson;
import dev.amlsh.formats.V2EnvironmentYaml;
import dev.amlsh.model.AmlshException;
import dev.amlsh.model.BuildContext;
import dev.amlsh.model.ContainerRegistry;
import dev.amlsh.model.Environment;
import dev.amlsh.model.SdkRelease;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files for every Dockerfile shape and for the mutated conda file and image details of
 * real inputs. {@code -Damlsh.golden.update=true} rewrites them.
 */
class GoldenFilesTest {

    static final String SEED_IMAGE = "mcr.microsoft.com/azureml/intelmpi2018.3-ubuntu16.04:20200821.v1";
    static final String SEED_DIGEST = "sha256:8cee6f674276dddb23068d2710da7f7f95b119412cc482675ac79ba45a4acf99";
    static final DockerfileRenderer RENDERER = new DockerfileRenderer(BaseImageCatalog.bundled());

    static Path resource(String file) {
        try {
            return Path.of(GoldenFilesTest.class.getResource("/" + file).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Environment fromConda(String name, String condaFile, String image) {
        return EnvironmentFiles.fromFiles(
                name, resource(condaFile), null, null, image, null, SdkRelease.DEFAULT_BASE_IMAGE, w -> {});
    }

    /** Every Dockerfile case: name → environment. */
    static Map<String, Environment> dockerfileCases() {
        Map<String, Environment> cases = new LinkedHashMap<>();
        cases.put("conda-on-known-digest-image", fromConda("seed", "seed-pytorch/env.yml", SEED_IMAGE));
        cases.put("conda-on-unknown-image", fromConda("slim", "seed-pytorch/env.yml", "python:3.11-slim"));
        cases.put(
                "conda-on-image-pinned-by-digest",
                fromConda(
                        "pinned", "seed-pytorch/env.yml", SEED_IMAGE.replaceFirst(":[^:]+$", "") + "@" + SEED_DIGEST));
        cases.put(
                "user-managed-image",
                EnvironmentFiles.fromFiles(
                        "user",
                        null,
                        null,
                        null,
                        "pytorch/pytorch:latest",
                        null,
                        SdkRelease.DEFAULT_BASE_IMAGE,
                        w -> {}));
        Path dockerfile = resource("real-world/10-azureml-examples-build-context-conda-in-dockerfile/Dockerfile");
        cases.put(
                "base-dockerfile-conda-managed",
                EnvironmentFiles.fromFiles(
                        "custom",
                        resource("seed-pytorch/env.yml"),
                        null,
                        null,
                        null,
                        dockerfile,
                        SdkRelease.DEFAULT_BASE_IMAGE,
                        w -> {}));
        cases.put(
                "base-dockerfile-user-managed",
                EnvironmentFiles.fromFiles(
                        "custom-user", null, null, null, null, dockerfile, SdkRelease.DEFAULT_BASE_IMAGE, w -> {}));
        cases.put(
                "build-context-local",
                V2EnvironmentYaml.read(resource("real-world/03-azureml-examples-docker-context/docker-context.yml"))
                        .environment());
        Environment remote = Environment.create("remote", SdkRelease.DEFAULT_BASE_IMAGE);
        cases.put(
                "build-context-remote",
                remote.withDocker(remote.docker()
                        .withBuildContext(
                                new BuildContext(
                                        "url", "https://github.com/example/repo.git#main:docker", "Dockerfile"),
                                w -> {})));
        cases.put(
                "pip-requirements-default-image",
                EnvironmentFiles.fromFiles(
                        "pip",
                        null,
                        resource("real-world/03-azureml-examples-docker-context/docker-contexts/python-and-pip/"
                                + "requirements.txt"),
                        "23.1",
                        null,
                        null,
                        SdkRelease.DEFAULT_BASE_IMAGE,
                        w -> {}));
        return cases;
    }

    /** Conda files: name → environment built from it on the default image. */
    static Map<String, Environment> condaCases() {
        Map<String, Environment> cases = new LinkedHashMap<>();
        cases.put("seed-pytorch", fromConda("seed", "seed-pytorch/env.yml", SEED_IMAGE));
        cases.put(
                "02-pydata",
                fromConda("pydata", "real-world/02-azureml-examples-image-plus-conda/conda-yamls/pydata.yml", null));
        cases.put(
                "04-torch200",
                fromConda(
                        "torch200",
                        "real-world/04-azureml-examples-gpu-image-plus-conda/torch200-conda.yaml",
                        "mcr.microsoft.com/azureml/openmpi4.1.0-cuda11.8-cudnn8-ubuntu22.04:latest"));
        cases.put(
                "08-pytorch",
                fromConda("pytorch", "real-world/08-azureml-generated-dockerfile-image-plus-conda/env.yml", null));
        cases.put(
                "09-dask",
                fromConda("dask", "real-world/09-azureml-examples-conda-variants/dask-nyctaxi-conda.yaml", null));
        cases.put(
                "09-imagecnn",
                fromConda("cnn", "real-world/09-azureml-examples-conda-variants/image_cnn_train-conda.yaml", null));
        cases.put(
                "10-mlflow",
                fromConda(
                        "mlflow",
                        "real-world/10-azureml-examples-build-context-conda-in-dockerfile/conda_dependencies.yaml",
                        null));
        cases.put("default", Environment.create("default", SdkRelease.DEFAULT_BASE_IMAGE));
        Environment registry = fromConda("private", "seed-pytorch/env.yml", "myacr.azurecr.io/base/cuda:12");
        cases.put(
                "private-registry",
                registry.withDocker(registry.docker()
                        .withRegistry(
                                new ContainerRegistry("myacr.azurecr.io", "myacr-user", "s3cr3t-password", null))));
        return cases;
    }

    static Stream<String> dockerfileCaseNames() {
        return dockerfileCases().keySet().stream();
    }

    static Stream<String> condaCaseNames() {
        return condaCases().keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("dockerfileCaseNames")
    void dockerfile(String name) {
        Environment env = dockerfileCases().get(name);
        if (NO_DOCKERFILE.contains(name)) {
            assertThatThrownBy(() -> RENDERER.render(env)).isInstanceOf(AmlshException.class);
        } else {
            Golden.check("dockerfile/" + name + ".Dockerfile", RENDERER.render(env));
        }
        Golden.check("details/" + name + ".json", ImageDetailsJson.write(ImageDetails.of(env, RENDERER)));
    }

    /**
     * Cases without a Dockerfile amlsh can show: an image used as it is (Azure ML builds nothing for a
     * user-managed environment on a base image) and a remote build context (built as it is, unseen).
     */
    static final List<String> NO_DOCKERFILE = List.of("user-managed-image", "build-context-remote");

    @ParameterizedTest
    @MethodSource("condaCaseNames")
    void condaFileAndImageDetails(String name) {
        Environment env = condaCases().get(name);
        Golden.check("conda/" + name + ".yml", MutatedCondaFile.render(env).orElseThrow());
        Golden.check("details/" + name + ".json", ImageDetailsJson.write(ImageDetails.of(env, RENDERER)));
    }

    @ParameterizedTest
    @MethodSource("condaCaseNames")
    void condaGoldenRendersParsesAndRendersToTheSameBytes(String name) {
        String golden = Golden.read("conda/" + name + ".yml");
        assertThat(CondaSpecWriter.write(CondaFileReader.parse(Path.of(name + ".yml"), golden)))
                .isEqualTo(golden);
    }

    @Test
    void aPinnedImageIsNeverSuffixedAgainAndAKnownOneIs() {
        Map<String, Environment> cases = dockerfileCases();
        assertThat(RENDERER.render(cases.get("conda-on-known-digest-image")))
                .startsWith("FROM " + SEED_IMAGE + "@" + SEED_DIGEST + "\n");
        String pinned = RENDERER.render(cases.get("conda-on-image-pinned-by-digest"));
        assertThat(pinned.lines().findFirst().orElseThrow()).endsWith("@" + SEED_DIGEST);
        assertThat(pinned.split("@sha256", -1)).hasSize(2);
        assertThat(RENDERER.render(cases.get("conda-on-unknown-image"))).startsWith("FROM python:3.11-slim\n");
    }

    @Test
    void theSecretsNeverReachTheDetails() {
        String json = ImageDetailsJson.write(ImageDetails.of(condaCases().get("private-registry"), RENDERER));
        assertThat(json)
                .doesNotContain("s3cr3t")
                .contains("\"username\": \"mya***\"")
                .contains("\"password\": \"***\"");
    }

    @Test
    void curatedAssetCondaFilesDoNotParseBecauseOfTheirTemplateTokens() {
        for (String file : List.of(
                "real-world/05-azureml-assets-sklearn-1.5/context/conda_dependencies.yaml",
                "real-world/06-azureml-assets-minimal-py311-inference/context/conda_dependencies.yaml")) {
            assertThatThrownBy(() -> CondaFileReader.read(resource(file)))
                    .isInstanceOf(AmlshException.class)
                    .hasMessageContaining("template token '{{latest-pypi-version}}'");
        }
    }

    @Test
    void noGoldenFileIsLeftWithoutACase() throws Exception {
        List<String> expected = new ArrayList<>();
        dockerfileCases().keySet().forEach(n -> {
            if (!NO_DOCKERFILE.contains(n)) {
                expected.add("dockerfile/" + n + ".Dockerfile");
            }
            expected.add("details/" + n + ".json");
        });
        condaCases().keySet().forEach(n -> {
            expected.add("conda/" + n + ".yml");
            expected.add("details/" + n + ".json");
        });
        try (Stream<Path> files = Files.walk(Golden.ROOT)) {
            List<String> present = files.filter(Files::isRegularFile)
                    .map(p -> Golden.ROOT.relativize(p).toString().replace('\\', '/'))
                    .toList();
            assertThat(present)
                    .containsExactlyInAnyOrderElementsOf(
                            expected.stream().distinct().toList());
        }
    }
}

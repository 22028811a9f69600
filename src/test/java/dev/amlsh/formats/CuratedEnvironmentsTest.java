package dev.amlsh.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amlsh.formats.CuratedEnvironments.Curated;
import dev.amlsh.formats.CuratedEnvironments.Kind;
import dev.amlsh.model.AmlshException;
import dev.amlsh.model.BuildContext;
import dev.amlsh.model.Environment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The curated environments amlsh ships, one real set per era: AzureML-Minimal as the June 2020
 * curated-environments page lists it (azure-docs resource-curated-environments.md), the 2021
 * sklearn base Dockerfile of the July 2021 page, and two azureml-assets build contexts
 * (assets/training/general/environments/sklearn-1.0 and acpt-pytorch-2.2-cuda12.1) with their
 * template tokens resolved to the values tokens.tsv states.
 */
class CuratedEnvironmentsTest {

    static final Path SHIPPED = Path.of("src/main/resources/dev/amlsh/formats/curated");

    private final CuratedEnvironments curated = CuratedEnvironments.bundled();

    @Test
    void oneSetPerEraWithItsVersionTheDateOfItsSource() {
        assertThat(curated.all())
                .extracting(Curated::reference)
                .containsExactly(
                        "AzureML-Minimal:2020-07-08",
                        "AzureML-sklearn-0.24-ubuntu18.04-py37-cuda11-gpu:2021-07-08",
                        "sklearn-1.0:2024-03-20",
                        "acpt-pytorch-2.2-cuda12.1:2024-03-20");
        assertThat(curated.all())
                .extracting(Curated::kind)
                .containsExactly(Kind.CONDA, Kind.DOCKERFILE, Kind.BUILD_CONTEXT, Kind.BUILD_CONTEXT);
        for (Curated c : curated.all()) {
            assertThat(c.environment().name()).isEqualTo(c.name());
            assertThat(c.environment().version()).isEqualTo(c.version());
        }
    }

    /**
     * The 2020 page's AzureML Minimal section: conda-forge; python=3.6.2; pip azureml-core and azureml-defaults 1.8.0.
     */
    @Test
    void azureMlMinimalIsItsCondaSpecOnTheSdkImage() {
        Environment env = curated.require("AzureML-Minimal").environment();
        assertThat(env.isUserManaged()).isFalse();
        assertThat(env.docker().baseImage())
                .isEqualTo("mcr.microsoft.com/azureml/intelmpi2018.3-ubuntu16.04:20200821.v1");
        assertThat(env.condaSpec().channels()).containsExactly("conda-forge");
        assertThat(env.condaSpec().pythonVersion()).contains("3.6.2");
        assertThat(env.condaSpec().pipRequirements()).containsExactly("azureml-core==1.8.0", "azureml-defaults==1.8.0");
        assertThat(env.metadata().isEmpty()).isTrue();
    }

    /**
     * The July 2021 page's Sklearn "Dockerfile configuration", as a base Dockerfile (from_dockerfile: user-managed).
     */
    @Test
    void theSklearn2021EnvironmentIsItsBaseDockerfileByteForByte() throws IOException {
        Curated c = curated.require("AzureML-sklearn-0.24-ubuntu18.04-py37-cuda11-gpu:2021-07-08");
        String shipped = Files.readString(
                SHIPPED.resolve("AzureML-sklearn-0.24-ubuntu18.04-py37-cuda11-gpu/2021-07-08/Dockerfile"));
        assertThat(c.environment().docker().baseDockerfile())
                .isEqualTo(shipped)
                .startsWith("FROM mcr.microsoft.com/azureml/openmpi4.1.0-cuda11.0.3-cudnn8-ubuntu18.04:20210615.v1\n")
                .contains("'scikit-learn==0.24.1'");
        assertThat(c.environment().docker().baseImage()).isNull();
        assertThat(c.environment().isUserManaged()).isTrue();
    }

    @Test
    void sklearn10IsItsAzuremlAssetsBuildContextWithTheTokensResolved() {
        Curated c = curated.require("sklearn-1.0");
        Environment env = c.environment();
        BuildContext context = env.docker().buildContext();
        assertThat(context.location())
                .isEqualTo("https://github.com/Azure/azureml-assets.git"
                        + "#34ad8df6a577b8ab5e78e29b722886a887024a9c:assets/training/general/environments/"
                        + "sklearn-1.0/context");
        assertThat(context.locationType()).isEqualTo(BuildContext.GIT);
        assertThat(context.dockerfilePath()).isEqualTo("Dockerfile");
        assertThat(context.dockerfile())
                .startsWith("FROM mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:20240304.v1\n")
                .contains("COPY conda_dependencies.yaml .");
        assertThat(env.metadata().description()).startsWith("An environment for tasks such as regression, clustering");
        assertThat(env.metadata().tags()).containsEntry("Scikit-learn", "1.0").containsEntry("OS", "Ubuntu20.04");
        assertThat(env.metadata().osType()).isEqualTo("linux");
        assertThat(c.files().get("context/conda_dependencies.yaml"))
                .contains("  - azureml-core==1.55.0.post2\n", "  - azureml-defaults==1.55.0\n");
        assertThat(c.tokens())
                .containsEntry("{{latest-image-tag}}", "20240304.v1")
                .containsEntry("latest-pypi-version:azureml-core", "1.55.0.post2");
    }

    @Test
    void theAcptPytorchBuildContextResolvesItsRegexTokenAndEachPackagesVersion() {
        Curated c = curated.require("acpt-pytorch-2.2-cuda12.1:2024-03-20");
        assertThat(c.environment().docker().buildContext().dockerfile())
                .startsWith(
                        "FROM mcr.microsoft.com/aifx/acpt/stable-ubuntu2004-cu121-py310-torch22x:biweekly.202406.1\n");
        assertThat(c.files().get("context/requirements.txt"))
                .contains("azure-ml==0.0.1\n", "azure-ml-component==0.9.18.post2\n", "azureml-core==1.55.0.post2\n");
        assertThat(c.environment().metadata().tags()).containsEntry("PyTorch", "2.2");
    }

    @Test
    void noTemplateTokenIsLeftInAnyDefinitionOrFile() {
        for (Curated c : curated.all()) {
            c.files()
                    .forEach((file, text) ->
                            assertThat(text).as(c.reference() + " " + file).doesNotContain("{{"));
            assertThat(OutputJson.write(OutputJson.environment(c.environment())))
                    .as(c.reference())
                    .doesNotContain("{{");
        }
    }

    @Test
    void anUnknownNameOrVersionSaysWhatAmlshHas() {
        assertThatThrownBy(() -> curated.require("AzureML-Minimal:36"))
                .isInstanceOf(AmlshException.class)
                .hasMessage("amlsh has AzureML-Minimal at version 2020-07-08 only (the date of the public source it"
                        + " comes from); Azure ML's own version numbers are not published with the definitions");
        assertThatThrownBy(() -> curated.require("AzureML-Tutorial"))
                .isInstanceOf(AmlshException.class)
                .hasMessageStartingWith("amlsh has no curated environment 'AzureML-Tutorial'");
        assertThat(curated.find("sklearn-1.0:2024-03-20")).isPresent();
        assertThat(curated.versions("sklearn-1.0")).containsExactly("2024-03-20");
    }

    /** Every shipped file is named in SOURCES.md: nothing ships without its public source. */
    @Test
    void everyShippedFileIsNamedInSources() throws IOException {
        String sources = Files.readString(SHIPPED.resolve("SOURCES.md"), StandardCharsets.UTF_8);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SHIPPED)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            Path relative = SHIPPED.relativize(file);
            if (relative.getNameCount() == 1) {
                continue; // SOURCES.md and amlsh's own two tables
            }
            String folder = relative.subpath(0, 2) + "/";
            String name = relative.getFileName().toString();
            assertThat(sources).as(relative + " is named in SOURCES.md").contains(folder);
            assertThat(sources).as(relative + " is named in SOURCES.md").contains(name);
        }
    }

    @Test
    void theResolverReplacesEachTokenAndRefusesOneWithoutAStatedValue() {
        Map<String, String> used = new java.util.LinkedHashMap<>();
        String text = CuratedEnvironments.resolve(
                "x",
                "FROM img:{{latest-image-tag}}\nRUN pip install a=={{latest-pypi-version}}\n",
                Map.of("{{latest-image-tag}}", "1.0", "latest-pypi-version:a", "2.0"),
                Map.of(),
                used);
        assertThat(text).isEqualTo("FROM img:1.0\nRUN pip install a==2.0\n");
        assertThat(used).containsOnlyKeys("{{latest-image-tag}}", "latest-pypi-version:a");
        assertThatThrownBy(() -> CuratedEnvironments.resolve("x", "{{asset.name}}", Map.of(), Map.of(), used))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("{{asset.name}}");
    }
}

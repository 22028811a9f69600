package dev.amlsh.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amlsh.model.AmlshException;
import dev.amlsh.model.AssetMetadata;
import dev.amlsh.model.BuildContext;
import dev.amlsh.model.CondaSpec;
import dev.amlsh.model.Environment;
import dev.amlsh.model.Platform;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class V2EnvironmentYamlTest {

    static Path realWorld(String file) throws Exception {
        return Path.of(
                V2EnvironmentYamlTest.class.getResource("/real-world/" + file).toURI());
    }

    @Test
    void imageOnlyIsUserManagedOnThatImage() throws Exception {
        V2Environment v2 = V2EnvironmentYaml.read(realWorld("01-azureml-examples-docker-image/docker-image.yml"));
        Environment env = v2.environment();
        assertThat(env.name()).isEqualTo("docker-image-example");
        assertThat(env.docker().baseImage()).isEqualTo("pytorch/pytorch:latest");
        assertThat(env.isUserManaged()).isTrue();
        assertThat(env.environmentVariables()).isEmpty();
        assertThat(v2.description()).isEqualTo("Environment created from a Docker image.");
    }

    @Test
    void imagePlusCondaFileReadsTheCondaFileRelativeToTheYaml() throws Exception {
        Environment env = V2EnvironmentYaml.read(
                        realWorld("02-azureml-examples-image-plus-conda/docker-image-plus-conda.yaml"))
                .environment();
        assertThat(env.isUserManaged()).isFalse();
        assertThat(env.docker().baseImage()).isEqualTo("mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04");
        assertThat(env.condaSpec().name()).isEqualTo("pydata-example");
        assertThat(env.condaSpec().pythonVersion()).contains("3.8");
        assertThat(env.condaSpec().pipRequirements()).hasSize(16).startsWith("numpy==1.22");
    }

    @Test
    void gpuImagePlusConda() throws Exception {
        Environment env = V2EnvironmentYaml.read(
                        realWorld("04-azureml-examples-gpu-image-plus-conda/torch200-cu118-ubuntu22.yaml"))
                .environment();
        assertThat(env.docker().baseImage()).endsWith("cudnn8-ubuntu22.04:latest");
        assertThat(env.condaSpec().pipRequirements()).contains("azureml-dataset-runtime[fuse]");
    }

    @Test
    void localBuildContextKeepsThePathAsWrittenAndReadsTheDockerfile() throws Exception {
        Environment env = V2EnvironmentYaml.read(realWorld("03-azureml-examples-docker-context/docker-context.yml"))
                .environment();
        BuildContext context = env.docker().buildContext();
        // DockerBuildContext.LocationType has git and storageAccount only: a local folder has none
        assertThat(context.locationType()).isNull();
        assertThat(context.localFolder())
                .isEqualTo(realWorld("03-azureml-examples-docker-context/docker-contexts/python-and-pip")
                        .toAbsolutePath()
                        .normalize()
                        .toString());
        assertThat(context.location()).isEqualTo("docker-contexts/python-and-pip");
        assertThat(context.dockerfilePath()).isEqualTo("Dockerfile");
        assertThat(context.dockerfile())
                .startsWith("#FROM mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04\nFROM python:3.8\n");
        assertThat(env.docker().baseImage()).isNull();
        // Environment.from_docker_build_context: Environment(name, _skip_defaults=True), so shm_size None,
        // no conda dependencies, user_managed_dependencies False
        assertThat(env.docker().shmSize()).isNull();
        assertThat(env.environmentVariables()).isEmpty();
        assertThat(env.hasCondaDependencies()).isFalse();
        assertThat(env.isUserManaged()).isFalse();
    }

    @Test
    void aRemoteContextGetsTheSdksLocationType() {
        // azureml-core DockerBuildContext.LocationType: Git = "git", StorageAccount = "storageAccount"
        assertThat(BuildContext.locationTypeOf("https://github.com/Azure/azureml-examples.git#main:cli/x"))
                .isEqualTo("git");
        assertThat(BuildContext.locationTypeOf("git@github.com:org/repo.git")).isEqualTo("git");
        assertThat(BuildContext.locationTypeOf("https://acct.blob.core.windows.net/azureml/DockerBuildContext/abc/"))
                .isEqualTo("storageAccount");
        assertThat(BuildContext.locationTypeOf("azureml://datastores/workspaceblobstore/paths/ctx/"))
                .isEqualTo("storageAccount");
        assertThat(BuildContext.locationTypeOf("https://example.org/context.tar"))
                .isNull();
        assertThat(BuildContext.locationTypeOf("docker-contexts/python-and-pip"))
                .isNull();
    }

    @Test
    void aCondaFileGivenAsAnEnvironmentFileSaysSo() throws Exception {
        for (String file : List.of(
                "04-azureml-examples-gpu-image-plus-conda/torch200-conda.yaml",
                "08-azureml-generated-dockerfile-image-plus-conda/env.yml",
                "09-azureml-examples-conda-variants/dask-nyctaxi-conda.yaml")) {
            assertProblem(realWorld(file), 2, 1, "this looks like a conda file ('channels')");
        }
        assertProblem(
                realWorld("10-azureml-examples-build-context-conda-in-dockerfile/conda_dependencies.yaml"),
                1,
                1,
                "this looks like a conda file ('channels')");
    }

    @Test
    void curatedAssetSourcesFailOnTheirTemplateTokens() throws Exception {
        assertProblem(
                realWorld("05-azureml-assets-sklearn-1.5/spec.yaml"),
                6,
                8,
                "template token '{{asset.name}}': this file is a template for Azure's asset publishing tooling");
        assertProblem(
                realWorld("06-azureml-assets-minimal-py311-inference/spec.yaml"),
                6,
                8,
                "template token '{{asset.name}}'");
        assertProblem(
                realWorld("05-azureml-assets-sklearn-1.5/asset.yaml"),
                1,
                1,
                "Docker image or Dockerfile is required for environments");
        assertProblem(
                realWorld("05-azureml-assets-sklearn-1.5/environment.yaml"),
                1,
                1,
                "an environment file needs a 'name'");
        assertProblem(text("name: x\nimage:\n  name: y\n"), 3, 3, "'image' must be a single value, not a mapping");
        assertProblem(
                realWorld("05-azureml-assets-sklearn-1.5/context/conda_dependencies.yaml"),
                12,
                27,
                "template token '{{latest-pypi-version}}'");
    }

    @Test
    void aDeploymentFileIsNotAnEnvironmentFile() throws Exception {
        assertProblem(
                realWorld("07-azureml-examples-inference-config-tfserving/tfserving-deployment.yml"),
                1,
                1,
                "this is a deployment file, not an environment file: put its inline 'environment:' block in a "
                        + "file of its own");
    }

    @Test
    void azureMlsOwnMessagesForImageAndBuild() {
        assertProblem(
                text("name: a\ndescription: x\n"), 1, 1, "Docker image or Dockerfile is required for environments");
        assertProblem(
                text("name: a\nimage: x\nbuild:\n  path: .\n"),
                3,
                1,
                "Docker image or Dockerfile should be provided not both");
        assertProblem(
                text("name: a\nbuild:\n  path: https://x/y.git\nconda_file: c.yml\n"),
                4,
                1,
                "'conda_file' needs an 'image'");
    }

    @Test
    void unknownKeysDuplicatesAndTypesAreErrorsWithTheirPlace() {
        assertProblem(text("name: a\nimage: x\nimgae: y\n"), 3, 1, "unknown key 'imgae'");
        assertProblem(text("name: a\nimage: x\nname: b\n"), 3, 1, "duplicate key 'name'");
        assertProblem(text("name: a\nimage: [x]\n"), 2, 8, "'image' must be a single value, not a list");
        assertProblem(text("name: a\nimage: x\ntags: [a]\n"), 3, 7, "'tags' must be a mapping");
        assertProblem(text("name: a/b\nimage: x\n"), 1, 7, "'a/b' is not a valid environment name");
        assertProblem(text("image: x\n"), 1, 1, "needs a 'name'");
        assertProblem(text("name: a\nimage: x\nos_type: mac\n"), 3, 10, "os_type must be 'linux' or 'windows'");
        assertProblem(text("name: a\nimage: x\n  bad: indent\n"), 3, 6, "invalid YAML");
        assertProblem(text("- name: a\n"), 1, 1, "must be a mapping");
        assertProblem(
                text("name: a\nimage: x\ninference_config:\n  liveness_route: {port: 1, path: /}\n"),
                4,
                3,
                "'readiness_route' is missing");
        assertProblem(
                text("name: a\nimage: x\nconda_file:\n  dependencies:\n    - python=3.8\n  extra: 1\n"),
                6,
                3,
                "unknown top-level key 'extra'");
    }

    @Test
    void missingReferencedFilesAreErrorsAtTheReference(@TempDir Path dir) throws Exception {
        Path yml = dir.resolve("env.yml");
        assertProblem(
                V2EnvironmentYaml::read,
                yml,
                "name: a\nimage: x\nconda_file: missing.yml\n",
                3,
                13,
                "conda_file 'missing.yml' not found");
        assertProblem(
                V2EnvironmentYaml::read,
                yml,
                "name: a\nbuild:\n  path: ctx\n",
                3,
                9,
                "build path 'ctx' is not a folder");
        java.nio.file.Files.createDirectory(dir.resolve("ctx"));
        assertProblem(
                V2EnvironmentYaml::read, yml, "name: a\nbuild:\n  path: ctx\n", 3, 9, "no Dockerfile 'Dockerfile'");
        assertThatThrownBy(() -> V2EnvironmentYaml.read(dir.resolve("nope.yml")))
                .isInstanceOf(AmlshException.class)
                .hasMessageEndingWith("nope.yml: no such file");
    }

    @Test
    void inlineCondaAndInferenceConfigAreRead() {
        V2Environment v2 = V2EnvironmentYaml.read(Path.of("inline.yml"), """
                name: served
                version: 2
                image: docker.io/tensorflow/serving:latest
                os_type: Windows
                tags: {team: ml}
                conda_file:
                  channels: [conda-forge]
                  dependencies:
                    - python=3.11
                    - pip:
                        - numpy
                inference_config:
                  liveness_route: {port: 8501, path: /v1/models/m}
                  readiness_route: {port: 8501, path: /v1/models/m}
                  scoring_route: {port: 8501, path: "/v1/models/m:predict"}
                """);
        Environment env = v2.environment();
        assertThat(env.version()).isEqualTo("2");
        assertThat(env.docker().platform()).isEqualTo(new Platform("Windows", "amd64"));
        assertThat(env.condaSpec().channels()).containsExactly("conda-forge");
        assertThat(env.condaSpec().pipRequirements()).containsExactly("numpy");
        assertThat(v2.tags()).isEqualTo(Map.of("team", "ml"));
        assertThat(env.metadata().inferenceConfig().scoring())
                .isEqualTo(new AssetMetadata.Route(8501, "/v1/models/m:predict"));
        assertThat(env.metadata().osType()).isEqualTo("windows");
        assertThat(v2.warnings()).isEmpty();
        V2Environment noPython =
                V2EnvironmentYaml.read(Path.of("np.yml"), "name: n\nimage: x\nconda_file:\n  dependencies: [numpy]\n");
        assertThat(noPython.warnings())
                .containsExactly(
                        "the conda file names no python: Azure ML v2 adds none, so conda picks one at build time");
        assertThat(noPython.environment().condaSpec().dependencies()).hasSize(1);
    }

    @Test
    void exportReadsBackToTheSameDefinition() throws Exception {
        for (String file : List.of(
                "01-azureml-examples-docker-image/docker-image.yml",
                "02-azureml-examples-image-plus-conda/docker-image-plus-conda.yaml",
                "04-azureml-examples-gpu-image-plus-conda/torch200-cu118-ubuntu22.yaml")) {
            V2Environment v2 = V2EnvironmentYaml.read(realWorld(file));
            var export = V2EnvironmentWriter.write(v2.environment());
            assertThat(export.warnings()).isEmpty();
            V2Environment back = V2EnvironmentYaml.read(Path.of("exported.yml"), export.text());
            assertThat(back.environment()).as(file).isEqualTo(v2.environment());
            assertThat(back.description()).isEqualTo(v2.description());
        }
    }

    @Test
    void exportWarnsAboutWhatV2CannotHoldAndRefusesABaseDockerfile() {
        Environment env = Environment.create("e", "img:1").withVersion("1");
        var export = V2EnvironmentWriter.write(env);
        assertThat(export.text()).isEqualTo("""
                $schema: https://azuremlschemas.azureedge.net/latest/environment.schema.json
                name: e
                version: '1'
                image: img:1
                conda_file:
                  channels:
                      - anaconda
                      - conda-forge
                  dependencies:
                      - python=3.8.13
                      - pip:
                          - azureml-defaults
                  name: project_environment
                """);
        assertThat(export.warnings())
                .containsExactly(
                        "environment variables are not part of a v2 environment, not exported: EXAMPLE_ENV_VAR");
        Environment dockerfile = env.withDocker(env.docker().withBaseDockerfile("FROM x\n", w -> {}));
        assertThatThrownBy(() -> V2EnvironmentWriter.write(dockerfile))
                .isInstanceOf(AmlshException.class)
                .hasMessageContaining("has a base Dockerfile");
        CondaSpec spec = env.condaSpec();
        assertThat(spec).isNotNull();
    }

    /** Schema validation reports every problem of a file at once, each at its place (marshmallow collects them all). */
    @Test
    void everyProblemOfAFileIsReportedAtOnceInTheFilesOrder(@TempDir Path dir) throws Exception {
        Path yml = dir.resolve("env.yml");
        java.nio.file.Files.writeString(yml, "name: broken\ncolour: red\nbuild:\nimgae: x\n");
        AmlshException e = catchProblem(yml);
        assertThat(e.problems())
                .extracting(AmlshException::problem)
                .containsExactly(
                        "unknown key 'colour' in an environment file (allowed: $schema, build, conda_file, "
                                + "datastore, description,"
                                + " image, inference_config, name, os_type, tags, version)",
                        "'build' may not be null (Field may not be null.)",
                        "unknown key 'imgae' in an environment file (allowed: $schema, build, conda_file, "
                                + "datastore, description,"
                                + " image, inference_config, name, os_type, tags, version)");
        assertThat(e.problems())
                .extracting(p -> p.location().orElseThrow().line())
                .containsExactly(2, 3, 4);

        java.nio.file.Files.writeString(yml, "name: broken\ncolour: red\nbuild:\n  path: nowhere\n  dockerfile: D\n");
        e = catchProblem(yml);
        assertThat(e.problems())
                .extracting(AmlshException::problem)
                .containsExactly(
                        "unknown key 'colour' in an environment file (allowed: $schema, build, conda_file, "
                                + "datastore, description,"
                                + " image, inference_config, name, os_type, tags, version)",
                        "build path 'nowhere' is not a folder (looked for " + dir.resolve("nowhere") + ")",
                        "unknown key 'build.dockerfile' in 'build' (allowed: dockerfile_path, path)");
        assertThat(e.problems())
                .extracting(p -> p.location().orElseThrow().line())
                .containsExactly(2, 4, 5);
    }

    /** azure-ai-ml _schema/core/fields.py VersionField._deserialize: str stays, int/float become str(value). */
    @Test
    void versionsAreStringsAsTheSdksVersionFieldMakesThem() {
        assertThat(version("version: 3")).isEqualTo("3");
        assertThat(version("version: 1.10")).isEqualTo("1.1");
        assertThat(version("version: 2.0")).isEqualTo("2.0");
        assertThat(version("version: '7'")).isEqualTo("7");
        assertThat(version("version: \"2022-02-03\"")).isEqualTo("2022-02-03");
        assertThat(version("version: 1.0-beta")).isEqualTo("1.0-beta");
        assertThat(version("version: 0x1F")).isEqualTo("31");
        assertThat(V2VersionField.pythonRepr(1e16)).isEqualTo("1e+16");
        assertThat(V2VersionField.pythonRepr(0.00001)).isEqualTo("1e-05");
        assertThat(V2VersionField.pythonRepr(0.0001)).isEqualTo("0.0001");
        assertThat(V2VersionField.pythonRepr(123456789012345.6)).isEqualTo("123456789012345.6");
        assertProblem(
                text("name: a\nversion: 2022-02-03\nimage: x\n"),
                2,
                10,
                "version 2022-02-03 is a date to YAML, and Azure ML refuses it");
        assertProblem(text("name: a\nversion: [1]\nimage: x\n"), 2, 10, "a version must be a string or a number");
        assertProblem(text("name: a\nversion: latest\nimage: x\n"), 2, 10, "'latest' is not a version");
    }

    /** azure-ai-ml's PathAwareSchema.trim_dump_only: read-only keys with a value are dropped before validation. */
    @Test
    void readOnlyKeysAreIgnoredAndDatastoreIsAccepted() {
        V2Environment v2 = V2EnvironmentYaml.read(Path.of("shown.yml"), """
                id: azureml:/subscriptions/x/resourceGroups/y/providers/Microsoft.MachineLearningServices/workspaces/w\
                /environments/my-env.v2/versions/1
                name: my-env.v2
                version: '1'
                latest_version: '4'
                creation_context:
                  created_at: '2024-01-01T00:00:00Z'
                  created_by: someone
                image: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest
                datastore: workspaceblobstore
                """);
        assertThat(v2.environment().name()).isEqualTo("my-env.v2");
        assertThat(v2.environment().version()).isEqualTo("1");
        assertThat(v2.environment().extraFields()).isEmpty();
        assertThat(v2.warnings())
                .containsExactly("datastore 'workspaceblobstore': Azure ML uploads a local build folder"
                        + " there; amlsh uploads nothing and does not keep it");
        assertProblem(text("name: a\nimage: x\nid:\n"), 3, 1, "unknown key 'id'");
    }

    /** Done-when of issue 8: import, export, import gives the same environment and version. */
    @Test
    void metadataSurvivesExportAndReimport() {
        V2Environment v2 = V2EnvironmentYaml.read(Path.of("full.yml"), """
                name: served.model
                version: 1.10
                description: "Serving: the model's runtime"
                tags: {team: vision, "stage": "prod"}
                image: docker.io/tensorflow/serving:2.13.0
                os_type: Linux
                inference_config:
                  liveness_route: {port: 8501, path: /v1/models/m}
                  readiness_route: {port: 8501, path: /v1/models/m}
                  scoring_route: {port: 8501, path: "/v1/models/m:predict"}
                """);
        Environment env = v2.environment();
        assertThat(env.version()).isEqualTo("1.1");
        assertThat(env.metadata())
                .isEqualTo(new AssetMetadata(
                        "Serving: the model's runtime",
                        Map.of("team", "vision", "stage", "prod"),
                        "linux",
                        new AssetMetadata.InferenceConfig(
                                new AssetMetadata.Route(8501, "/v1/models/m"),
                                new AssetMetadata.Route(8501, "/v1/models/m"),
                                new AssetMetadata.Route(8501, "/v1/models/m:predict"))));
        var export = V2EnvironmentWriter.write(env);
        assertThat(export.warnings()).isEmpty();
        V2Environment back = V2EnvironmentYaml.read(Path.of("exported.yml"), export.text());
        assertThat(back.environment()).isEqualTo(env);
        assertThat(V2EnvironmentWriter.write(back.environment()).text()).isEqualTo(export.text());
    }

    private static String version(String line) {
        return V2EnvironmentYaml.read(Path.of("v.yml"), "name: a\n" + line + "\nimage: x\n")
                .environment()
                .version();
    }

    private static AmlshException catchProblem(Path file) {
        try {
            V2EnvironmentYaml.read(file);
        } catch (AmlshException e) {
            return e;
        }
        throw new AssertionError("no problem reported for " + file);
    }

    static Path text(String yaml) {
        return Path.of("text:" + yaml);
    }

    private static void assertProblem(Path fileOrText, int line, int column, String message) {
        if (fileOrText.toString().startsWith("text:")) {
            String yaml = fileOrText.toString().substring(5);
            assertThatThrownBy(() -> V2EnvironmentYaml.read(Path.of("env.yml"), yaml))
                    .isInstanceOf(AmlshException.class)
                    .hasMessageContaining(message)
                    .satisfies(e -> assertLocation((AmlshException) e, line, column));
            return;
        }
        assertThatThrownBy(() -> V2EnvironmentYaml.read(fileOrText))
                .isInstanceOf(AmlshException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertLocation((AmlshException) e, line, column));
    }

    private static void assertProblem(
            java.util.function.Function<Path, V2Environment> reader,
            Path file,
            String text,
            int line,
            int column,
            String message)
            throws RuntimeException {
        try {
            java.nio.file.Files.writeString(file.toAbsolutePath(), text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThatThrownBy(() -> reader.apply(file))
                .isInstanceOf(AmlshException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertLocation((AmlshException) e, line, column));
    }

    /** The first problem's place (a file with several problems reports each, in the file's order). */
    private static void assertLocation(AmlshException e, int line, int column) {
        var location = e.problems().get(0).location().orElseThrow();
        assertThat(location.line()).as("line of " + e.getMessage()).isEqualTo(line);
        assertThat(location.column()).as("column of " + e.getMessage()).isEqualTo(column);
    }
}

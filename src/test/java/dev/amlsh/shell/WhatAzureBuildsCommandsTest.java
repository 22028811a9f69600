package dev.amlsh.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code env dockerfile}, {@code env image-details} and {@code env build-context} per kind of
 * environment, in-process. Sources: Microsoft's "What are Azure Machine Learning environments?"
 * ("For user managed environments, the service uses the provided docker context builds as is";
 * user-managed is "BYOC (Bring Your Own Container) or Docker Build Context based") and the v1
 * managed-identity page (user_managed_dependencies = True without a Dockerfile: "the base image is
 * pulled directly to the compute resource"); the image details' key order is a real 2026 reply's.
 */
class WhatAzureBuildsCommandsTest {

    /** A curated inference image's own ending: Azure ML's python layer would replace both lines. */
    static final String INFERENCE_DOCKERFILE = """
            FROM mcr.microsoft.com/azureml/minimal-ubuntu22.04-py39-cpu-inference:latest
            COPY score/ /var/azureml-app/
            COPY requirements.txt /tmp/requirements.txt
            RUN pip install -r /tmp/requirements.txt
            USER dockeruser
            CMD ["runsvdir","/var/runit"]""";

    @TempDir
    Path dir;

    Shell shell;

    @BeforeEach
    void setUp() throws IOException {
        shell = new Shell(dir);
        Path context = Files.createDirectories(dir.resolve("ctx/score"));
        Files.writeString(context.resolve("score.py"), "def run(data):\n    return data\n");
        Files.writeString(dir.resolve("ctx/requirements.txt"), "numpy==1.26.4\n");
        Files.writeString(dir.resolve("ctx/Dockerfile"), INFERENCE_DOCKERFILE);
        Files.writeString(dir.resolve("inference.yml"), "name: scoring\nbuild:\n  path: ctx\n");
    }

    @Test
    void aBuildContextIsBuiltAsItIsByteForByte() throws IOException {
        assertThat(shell.run("env import inference.yml").code()).isZero();
        Shell.Result dockerfile = shell.run("env dockerfile scoring");
        assertThat(dockerfile.code()).isZero();
        assertThat(dockerfile.out())
                .isEqualTo(INFERENCE_DOCKERFILE)
                .doesNotContain("USER root")
                .doesNotContain("CMD [\"bash\"]");
        assertThat(dockerfile.err()).isEmpty();

        assertThat(shell.run("env show scoring").out()).contains("whatever the build context's Dockerfile installs");
        // the v1 definition is from_docker_build_context's: no conda dependencies, not user-managed, shmSize null
        JsonNode definition = json(shell.run("env show scoring -o json").out());
        assertThat(definition.get("python").get("userManagedDependencies").asBoolean())
                .isFalse();
        assertThat(definition.get("python").has("condaDependencies")).isFalse();
        assertThat(definition.get("docker").get("shmSize").isNull()).isTrue();
        assertThat(definition
                        .get("docker")
                        .get("buildContext")
                        .get("locationType")
                        .isNull())
                .isTrue();
        assertThat(shell.run("env lint scoring").out())
                .doesNotContain("no-conda-dependencies")
                .doesNotContain("ignored-packages");
        Shell.Result export = shell.run("env export scoring scoring-v2.yml");
        assertThat(export.code()).isZero();
        assertThat(export.err()).isEmpty();
        JsonNode details = json(shell.run("env image-details scoring -o json").out());
        assertThat(details.get("ingredients").isNull()).isTrue();
        assertThat(details.get("pythonEnvironment").get("condaEnvironmentName").isNull())
                .isTrue();

        Shell.Result conda = shell.run("env conda-spec scoring");
        assertThat(conda.code()).isEqualTo(1);
        assertThat(conda.err())
                .contains("is a build context, built as it is: Azure ML builds no conda environment for it");

        Shell.Result written = shell.run("env build-context scoring out");
        assertThat(written.code()).isZero();
        assertThat(written.err()).isEmpty();
        assertThat(written.out())
                .contains("wrote out/Dockerfile")
                .contains("wrote out/score/score.py")
                .contains("wrote out/requirements.txt")
                .contains("wrote out/README.amlsh.md");
        assertThat(Files.readString(dir.resolve("out/Dockerfile"))).isEqualTo(INFERENCE_DOCKERFILE);
        assertThat(Files.readString(dir.resolve("out/score/score.py"))).isEqualTo("def run(data):\n    return data\n");
    }

    /** What save_to_directory writes for Environment.from_docker_build_context("ctx", DockerBuildContext(Git, URL)). */
    static final String V1_BUILD_CONTEXT_JSON = """
            {
                "name": "ctx",
                "version": null,
                "environmentVariables": {},
                "python": {
                    "userManagedDependencies": false,
                    "interpreterPath": "python",
                    "condaDependenciesFile": null,
                    "baseCondaEnvironment": null
                },
                "docker": {
                    "enabled": false,
                    "baseImage": null,
                    "baseDockerfile": null,
                    "buildContext": {
                        "locationType": "git",
                        "location": "https://github.com/example/images.git#main:ctx",
                        "dockerfilePath": "Dockerfile"
                    },
                    "sharedVolumes": true,
                    "shmSize": null,
                    "arguments": [],
                    "baseImageRegistry": {"address": null, "username": null, "password": null, "registryIdentity": \
            null},
                    "platform": {"os": "Linux", "architecture": "amd64"}
                },
                "spark": {"repositories": [], "packages": [], "precachePackages": true},
                "databricks": {"mavenLibraries": [], "pypiLibraries": [], "rcranLibraries": [], "jarLibraries": [], \
            "eggLibraries": []},
                "r": null,
                "inferencingStackVersion": null
            }""";

    @Test
    void anSdkV1BuildContextIsBuiltAsItIsAndItsRemoteDockerfileIsNotMadeUp() throws IOException {
        Files.createDirectories(dir.resolve("v1"));
        Files.writeString(dir.resolve("v1/azureml_environment.json"), V1_BUILD_CONTEXT_JSON);
        assertThat(shell.run("env load v1").code()).isZero();
        Shell.Result dockerfile = shell.run("env dockerfile ctx");
        assertThat(dockerfile.code()).isEqualTo(1);
        assertThat(dockerfile.err())
                .contains("is built from the build context https://github.com/example/images.git#main:ctx as it is")
                .contains("not known offline");
        JsonNode details = json(shell.run("env image-details ctx").out());
        assertThat(details.get("ingredients").isNull()).isTrue();
        JsonNode python = json(shell.run("env show ctx -o json").out()).get("python");
        assertThat(python.get("userManagedDependencies").asBoolean()).isFalse();
        assertThat(python.has("condaDependencies")).isFalse();
        JsonNode docker = json(shell.run("env show ctx -o json").out()).get("docker");
        assertThat(docker.get("buildContext").get("locationType").asString()).isEqualTo("git");
        assertThat(docker.get("shmSize").isNull()).isTrue();
        assertThat(shell.run("env build-context ctx out").code()).isEqualTo(1);
    }

    @Test
    void aUserManagedEnvironmentOnABaseImageIsUsedAsItIs() throws IOException {
        assertThat(shell.run("env create byoc --base-image pytorch/pytorch:latest")
                        .code())
                .isZero();
        Shell.Result dockerfile = shell.run("env dockerfile byoc");
        assertThat(dockerfile.code()).isEqualTo(1);
        assertThat(dockerfile.out()).isEmpty();
        assertThat(dockerfile.err())
                .startsWith("error: byoc is user-managed on a base image: Azure ML builds no image for it,"
                        + " the compute pulls pytorch/pytorch:latest and runs it as it is (there is no Dockerfile)");

        assertThat(shell.run("env show byoc").out())
                .contains("none built: Azure ML runs pytorch/pytorch:latest as it is");
        JsonNode details = json(shell.run("env image-details byoc").out());
        assertThat(details.get("dockerImage").get("name").asString()).isEqualTo("pytorch/pytorch:latest");
        assertThat(details.get("ingredients").isNull()).isTrue();
        assertThat(details.get("warnings").get(0).asString()).startsWith("Azure ML builds no image");

        Shell.Result folder = shell.run("env build-context byoc out");
        assertThat(folder.code()).isEqualTo(1);
        assertThat(folder.err()).contains("there is no build context to write (docker pull pytorch/pytorch:latest");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aBaseDockerfileCopyingFilesAmlshLacksGetsAWarningPerSource() throws IOException {
        Files.writeString(
                dir.resolve("Dockerfile"), "FROM ubuntu:22.04\nCOPY setup.sh extra/ /opt/\nRUN /opt/setup.sh\n");
        Files.writeString(dir.resolve("env.yml"), "dependencies:\n  - python=3.10\n");
        shell.run("env create custom --dockerfile Dockerfile --conda-file env.yml");
        Shell.Result r = shell.run("env build-context custom out");
        assertThat(r.code()).isZero();
        assertThat(r.err().lines())
                .containsExactly(
                        "warning: Dockerfile line 2, COPY setup.sh: the folder has no 'setup.sh' (the definition "
                                + "holds only the"
                                + " Dockerfile's text): put the file there before docker build",
                        "warning: Dockerfile line 2, COPY extra/: the folder has no 'extra' (the definition "
                                + "holds only the"
                                + " Dockerfile's text): put the file there before docker build");
        assertThat(Files.readString(dir.resolve("out/README.amlsh.md")))
                .contains("## Before you build")
                .contains("'setup.sh'");
        try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
            assertThat(files.filter(Files::isRegularFile)
                            .map(p -> dir.resolve("out").relativize(p).toString())
                            .sorted())
                    .containsExactly(
                            "Dockerfile",
                            "README.amlsh.md",
                            "azureml-environment-setup/99brokenproxy",
                            "azureml-environment-setup/log4j.properties",
                            "azureml-environment-setup/mutated_conda_dependencies.yml",
                            "azureml-environment-setup/spark_cache.py");
        }
    }

    @Test
    void theImageDetailsTextIsTheServicesJsonInItsKeyOrder() throws IOException {
        shell.run("env create demo --base-image ubuntu:22.04 --conda-file "
                + write("env.yml", "dependencies:\n  - python=3.10\n"));
        Shell.Result text = shell.run("env image-details demo");
        assertThat(text.code()).isZero();
        JsonNode fromText = json(text.out());
        assertThat(fromText)
                .isEqualTo(json(shell.run("env image-details demo -o json").out()));
        assertThat(fromText.propertyNames())
                .containsExactly(
                        "imageExistsInRegistry",
                        "intellectualPropertyPublisher",
                        "imageCapabilities",
                        "ingredients",
                        "vulnerabilityFindings",
                        "pythonEnvironment",
                        "dockerImage",
                        "warnings");
        assertThat(text.out())
                .startsWith("{\n    \"imageExistsInRegistry\": false,\n    \"intellectualPropertyPublisher\": null,\n");
        // the help says what the text form is, and no longer calls it the SDK's print
        String help = shell.main("", "env", "image-details", "--help").out();
        assertThat(help)
                .contains("json.dumps(details, indent=4)")
                .contains("the SDK's print(details)\n  shows a Python dict")
                .doesNotContain("Printed as the SDK's JSON");
    }

    private String write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        return name;
    }

    private static JsonNode json(String text) {
        return JsonMapper.builder().build().readTree(text);
    }
}

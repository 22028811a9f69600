package dev.amlsh.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amlsh.model.AmlshException;
import dev.amlsh.model.AssetMetadata;
import dev.amlsh.model.BuildContext;
import dev.amlsh.model.CondaSpec;
import dev.amlsh.model.ContainerRegistry;
import dev.amlsh.model.DatabricksSection;
import dev.amlsh.model.Environment;
import dev.amlsh.model.Platform;
import dev.amlsh.model.SdkRelease;
import dev.amlsh.model.SparkPackage;
import dev.amlsh.model.SparkSection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentJsonTest {

    static final Path SRC = Path.of("env.json");

    static final String DEFAULT_FILE = """
            {
                "name": "testenv",
                "version": null,
                "environmentVariables": {
                    "EXAMPLE_ENV_VAR": "EXAMPLE_VALUE"
                },
                "python": {
                    "userManagedDependencies": false,
                    "interpreterPath": "python",
                    "condaDependenciesFile": null,
                    "baseCondaEnvironment": null
                },
                "docker": {
                    "enabled": false,
                    "baseImage": "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest",
                    "baseDockerfile": null,
                    "buildContext": null,
                    "sharedVolumes": true,
                    "shmSize": "2g",
                    "arguments": [],
                    "baseImageRegistry": {
                        "address": null,
                        "username": null,
                        "password": null,
                        "registryIdentity": null
                    },
                    "platform": {
                        "os": "Linux",
                        "architecture": "amd64"
                    }
                },
                "spark": {
                    "repositories": [],
                    "packages": [],
                    "precachePackages": true
                },
                "databricks": {
                    "mavenLibraries": [],
                    "pypiLibraries": [],
                    "rcranLibraries": [],
                    "jarLibraries": [],
                    "eggLibraries": []
                },
                "r": null,
                "inferencingStackVersion": null,
                "assetId": null
            }""";

    @Test
    void writesTheSdkFileFormInKeyOrderWithFourSpacesAndNoTrailingNewline() {
        Environment env = Environment.create("testenv", SdkRelease.DEFAULT_BASE_IMAGE);
        assertThat(EnvironmentJson.write(env, EnvironmentJson.Options.file())).isEqualTo(DEFAULT_FILE);
    }

    @Test
    void theServiceFormHoldsTheCondaSpecAfterBaseCondaEnvironment() {
        Environment env = Environment.create("testenv", SdkRelease.DEFAULT_BASE_IMAGE);
        String json = EnvironmentJson.write(env, EnvironmentJson.Options.service());
        assertThat(json).contains("""
                        "baseCondaEnvironment": null,
                        "condaDependencies": {
                            "name": "project_environment",
                            "channels": [
                                "anaconda",
                                "conda-forge"
                            ],
                            "dependencies": [
                                "python=3.8.13",
                                {
                                    "pip": [
                                        "azureml-defaults"
                                    ]
                                }
                            ]
                        }
                    },
                """);
        assertThat(EnvironmentJson.read(SRC, json)).isEqualTo(env);
    }

    @Test
    void readsTheRealScaffoldFileOfAnOlderRelease() throws Exception {
        Path file = Path.of(
                getClass().getResource("/v1-scaffold/azureml_environment.json").toURI());
        Environment env = EnvironmentJson.read(file, Files.readString(file, StandardCharsets.UTF_8));
        assertThat(env.name()).isEqualTo("testenv");
        assertThat(env.docker().baseImage()).isEqualTo("mcr.microsoft.com/azureml/base:intelmpi2018.3-ubuntu16.04");
        assertThat(env.docker().platform()).isEqualTo(Platform.LINUX_AMD64);
        assertThat(env.docker().baseImageRegistry()).isEqualTo(ContainerRegistry.NONE);
        // Environment._deserialize_and_add_to_object: no python.condaDependencies, no conda dependencies
        assertThat(env.hasCondaDependencies()).isFalse();
        assertThat(env.extraFields()).isEmpty();
        String written = EnvironmentJson.write(env, EnvironmentJson.Options.file());
        assertThat(EnvironmentJson.read(SRC, written)).isEqualTo(env);
    }

    @Test
    void readsOldFilesWithGpuSupportAndKeepsIt() {
        String old = """
                {"name": "old", "docker": {"enabled": true, "baseImage": "img:1", "sharedVolumes": true,
                 "gpuSupport": true, "shmSize": "1g", "arguments": [], "baseImageRegistry": {"address": null,
                 "username": null, "password": null}}}""";
        Environment env = EnvironmentJson.read(SRC, old);
        assertThat(env.docker().gpuSupport()).isTrue();
        assertThat(env.docker().enabled()).isTrue();
        String written = EnvironmentJson.write(env, EnvironmentJson.Options.file());
        assertThat(written)
                .contains("\"sharedVolumes\": true,\n        \"gpuSupport\": true,\n        \"shmSize\": \"1g\"");
        assertThat(EnvironmentJson.read(SRC, written)).isEqualTo(env);
    }

    @Test
    void keepsUnknownTopLevelKeysInOrderAndWritesThemBack() {
        String json = """
                {"name": "x", "futureField": {"a": [1, 2.5, true, null, "s"]}, "other": 12345678901234567890}""";
        Environment env = EnvironmentJson.read(SRC, json);
        assertThat(env.extraFields()).containsOnlyKeys("futureField", "other");
        String written = EnvironmentJson.write(env, EnvironmentJson.Options.service());
        assertThat(written).endsWith("""
                    "assetId": null,
                    "futureField": {
                        "a": [
                            1,
                            2.5,
                            true,
                            null,
                            "s"
                        ]
                    },
                    "other": 12345678901234567890
                }""");
        assertThat(EnvironmentJson.read(SRC, written)).isEqualTo(env);
    }

    @Test
    void roundTripsAFullDefinition() {
        Environment base = Environment.create("full", "img:2");
        CondaSpec spec = new CondaSpec("n", List.of("conda-forge"), List.of(), "/opt/env", Map.of("K", "v"))
                .addCondaPackage("python=3.10")
                .addPipPackage("numpy==1.26")
                .addPipPackage("ünïcode-pkg".replace("ü", "u").replace("ï", "i"));
        Environment env = base.withCondaSpec(s -> spec)
                .withDocker(base.docker()
                        .withBuildContext(
                                new BuildContext("git", "https://x/y.git", "docker/Dockerfile", "FROM a\nRUN b\n"),
                                w -> {})
                        .withRegistry(new ContainerRegistry("myacr.azurecr.io", "user", "secret", null))
                        .withPlatform(new Platform("Windows", "amd64")))
                .withSpark(new SparkSection(List.of("https://repo"), List.of(new SparkPackage("g", "a", "1")), false))
                .withVariable("GREETING", "héllo \"world\" \\ back") // control characters are refused (issue 10)
                .withVersion("3")
                .withAssetId("azureml://x");
        env = new Environment(
                env.name(),
                env.version(),
                env.environmentVariables(),
                env.python(),
                env.docker(),
                env.spark(),
                new DatabricksSection(
                        List.of(Map.of("coordinates", "a:b:1")), List.of(), List.of(), List.of(), List.of()),
                Map.of("rVersion", "4"),
                "latest",
                env.assetId(),
                Map.of(),
                AssetMetadata.NONE);
        String json = EnvironmentJson.write(env, EnvironmentJson.Options.service());
        assertThat(json).contains("\"GREETING\": \"h\\u00e9llo \\\"world\\\" \\\\ back\"");
        assertThat(EnvironmentJson.read(SRC, json)).isEqualTo(env);
        assertThat(EnvironmentJson.read("row 7", json)).isEqualTo(env);
    }

    @Test
    @SuppressWarnings("unchecked")
    void valuesReadFromJsonCannotBeChangedAfterwards() {
        Environment env = EnvironmentJson.read(SRC, "{\"name\": \"x\", \"extra\": {\"a\": [1]}}");
        Object extra = env.extraFields().get("extra");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ((Map<String, Object>) extra).put("b", 2))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void outputJsonIsTwoSpaceUtf8WithTheSameContentAndAMaskedPassword() {
        Environment base =
                Environment.create("é-env".replace("é", "e"), "img:1").withVariable("GREETING", "héllo");
        Environment env =
                base.withDocker(base.docker().withRegistry(new ContainerRegistry("acr", "admin", "s3cret", null)));
        String out = OutputJson.write(OutputJson.environment(env));
        assertThat(out)
                .startsWith("{\n  \"name\": \"e-env\",\n")
                .endsWith("}\n")
                .contains("\"héllo\"")
                .contains("\"password\": \"***\"")
                .doesNotContain("s3cret");
        Environment back = EnvironmentJson.read(SRC, out);
        assertThat(back.withDocker(env.docker())).isEqualTo(env);
    }

    @Test
    void masksOrOmitsThePasswordAsAsked() {
        Environment base = Environment.create("e", "img:1");
        Environment env =
                base.withDocker(base.docker().withRegistry(new ContainerRegistry("acr", "admin", "s3cret", null)));
        var masked = EnvironmentJson.write(env, EnvironmentJson.Options.file().withSecrets(Secrets.MASK));
        var omitted = EnvironmentJson.write(env, EnvironmentJson.Options.file().withSecrets(Secrets.OMIT));
        var kept = EnvironmentJson.write(env, EnvironmentJson.Options.file());
        assertThat(masked)
                .contains("\"password\": \"***\"")
                .doesNotContain("s3cret")
                .contains("\"username\": \"admin\"");
        assertThat(omitted).contains("\"password\": null").doesNotContain("s3cret");
        assertThat(kept).contains("\"password\": \"s3cret\"");
        assertThat(EnvironmentJson.write(base, EnvironmentJson.Options.file().withSecrets(Secrets.MASK)))
                .contains("\"password\": null");
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        assertProblem("{\n  \"name\": \"x\",\n  \"version\": ,\n}", 3, 14, "invalid JSON");
    }

    @Test
    void duplicateKeyIsAnErrorAtTheSecondKey() {
        assertProblem("{\n  \"name\": \"x\",\n  \"name\": \"y\"\n}", 3, 3, "duplicate key 'name'");
    }

    @Test
    void wrongTypesAndUnknownNestedKeysAreErrorsAtTheValue() {
        assertProblem(
                "{\"name\": \"x\",\n \"docker\": {\"enabled\": \"yes\"}}",
                2,
                24,
                "'docker.enabled' must be true or false, not a string");
        assertProblem("{\"name\": \"x\",\n \"python\": []}", 2, 12, "'python' must be a JSON object, not a list");
        assertProblem("{\"name\": \"x\",\n \"docker\": {\n   \"bogus\": 1}}", 3, 13, "unknown key 'docker.bogus'");
        assertProblem("{\"name\": \"bad name\"}", 1, 10, "not a valid environment name");
        assertProblem("{\"version\": \"1\"}", 1, 1, "needs a 'name'");
        assertProblem("[1]", 1, 1, "must be a JSON object");
        assertProblem(
                "{\"name\": \"x\",\n \"python\": {\"condaDependencies\": {\"dependencies\": [\"a\", {\"pip\": "
                        + "[\"b\"]}, {\"pip\": []}]}}}",
                2,
                73,
                "a second 'pip:' list");
        assertProblem(
                "{\"name\": \"x\", \"docker\": {\"baseImage\": \"a\", \"baseDockerfile\": \"FROM b\"}}",
                1,
                25,
                "exclusive");
        assertProblem("{\"name\": \"x\"} {}", 1, 15, "unexpected content");
    }

    @Test
    void emptyTextIsAnErrorOnTheWholeFile() {
        assertThatThrownBy(() -> EnvironmentJson.read(SRC, "  \n"))
                .isInstanceOf(AmlshException.class)
                .hasMessage("env.json: is empty: expected a JSON object");
    }

    private static void assertProblem(String json, int line, int column, String message) {
        assertThatThrownBy(() -> EnvironmentJson.read(SRC, json))
                .isInstanceOf(AmlshException.class)
                .hasMessageContaining(message)
                .satisfies(e -> {
                    var location = ((AmlshException) e).location().orElseThrow();
                    assertThat(location.file()).isEqualTo(SRC);
                    assertThat(location.line()).as("line").isEqualTo(line);
                    assertThat(location.column()).as("column").isEqualTo(column);
                });
    }
}

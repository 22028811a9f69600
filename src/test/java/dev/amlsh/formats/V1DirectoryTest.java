package dev.amlsh.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amlsh.model.AmlshException;
import dev.amlsh.model.ContainerRegistry;
import dev.amlsh.model.Environment;
import dev.amlsh.model.PythonSection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Environment.save_to_directory and Environment.load_from_directory (azureml/core/environment.py). */
class V1DirectoryTest {

    @TempDir
    Path tmp;

    private Path out() {
        return tmp.resolve("out");
    }

    private static Environment load(Path dir) {
        return V1Directory.load(dir, w -> {
            throw new AssertionError("unexpected warning: " + w);
        });
    }

    @Test
    void saveThenLoadGivesTheSameEnvironmentVersionIncluded() {
        Environment env = Environment.create("e1", "img:1")
                .withCondaSpec(s -> s.addPipPackage("numpy==1.26"))
                .withVersion("2");
        V1Directory.save(env, out(), false, Secrets.KEEP);
        assertThat(out().resolve(V1Directory.DOCKERFILE)).doesNotExist();
        assertThat(load(out())).isEqualTo(env);
    }

    @Test
    void aBaseDockerfileGoesToItsOwnFileAndItsKeyLeavesTheJson() throws Exception {
        Environment base = Environment.create("e2", "img:1");
        Environment env =
                base.withDocker(base.docker().withBaseDockerfile("FROM ubuntu:22.04\nRUN echo hi\n", w -> {}));
        V1Directory.save(env, out(), false, Secrets.KEEP);
        assertThat(Files.readString(out().resolve(V1Directory.DOCKERFILE)))
                .isEqualTo("FROM ubuntu:22.04\nRUN echo hi\n");
        String json = Files.readString(out().resolve(V1Directory.DEFINITION));
        // del environment_dict["docker"]["baseDockerfile"]; python.condaDependencies is deleted too
        assertThat(json)
                .contains("\"baseImage\": null,\n        \"buildContext\": null,")
                .doesNotContain("baseDockerfile")
                .doesNotContain("\"condaDependencies\"");
        assertThat(load(out())).isEqualTo(env);
        // without a base Dockerfile the key stays, null
        V1Directory.save(base, tmp.resolve("plain"), false, Secrets.KEEP);
        assertThat(Files.readString(tmp.resolve("plain").resolve(V1Directory.DEFINITION)))
                .contains("\"baseDockerfile\": null,");
    }

    @Test
    void anExistingFolderIsRefusedWithoutOverwriteEvenEmpty() throws Exception {
        Environment base = Environment.create("e3", "img:1");
        Files.createDirectories(out());
        // os.makedirs(path, exist_ok=overwrite)
        assertThatThrownBy(() -> V1Directory.save(base, out(), false, Secrets.KEEP))
                .isInstanceOf(AmlshException.class)
                .hasMessage(out()
                        + ": already exists: save_to_directory writes a new folder; choose another, or "
                        + "add --overwrite");
        try (var files = Files.list(out())) {
            assertThat(files).isEmpty();
        }
        Environment withDockerfile = base.withDocker(base.docker().withBaseDockerfile("FROM x\n", w -> {}));
        V1Directory.save(withDockerfile, out(), true, Secrets.KEEP);
        V1Directory.save(base, out(), true, Secrets.KEEP);
        // amlsh deletes the stale BaseDockerfile the SDK would leave (and load back)
        assertThat(out().resolve(V1Directory.DOCKERFILE)).doesNotExist();
        assertThat(load(out())).isEqualTo(base);
    }

    @Test
    void aCondaSpecWithoutPythonIsRefusedBeforeAnythingIsWritten() {
        Environment env = Environment.create("e5", "img:1").withCondaSpec(s -> s.withDependencies(List.of()));
        assertThatThrownBy(() -> V1Directory.save(env, out(), false, Secrets.KEEP))
                .isInstanceOf(AmlshException.class)
                .hasMessage("Python package is missing.");
        assertThat(out()).doesNotExist();
    }

    @Test
    void aDefinitionWithoutCondaDependenciesWritesNoCondaFileAndLoadsBackWithout() throws Exception {
        Environment env = Environment.create("e6", "img:1").withPython(PythonSection.withoutCondaDependencies());
        List<Path> written = V1Directory.save(env, out(), false, Secrets.KEEP);
        assertThat(written).containsExactly(out().resolve(V1Directory.DEFINITION));
        Environment loaded = load(out());
        assertThat(loaded.hasCondaDependencies()).isFalse();
        assertThat(loaded).isEqualTo(env);
        // overwriting a folder saved with conda dependencies removes the conda file the definition no longer has
        Path other = tmp.resolve("other");
        V1Directory.save(Environment.create("e6", "img:1"), other, false, Secrets.KEEP);
        V1Directory.save(env, other, true, Secrets.KEEP);
        assertThat(other.resolve(V1Directory.CONDA)).doesNotExist();
    }

    @Test
    void aFolderWithOnlyTheJsonHasNoCondaDependenciesAndKeepsItsVersion() throws Exception {
        Path dir = tmp.resolve("scaffold");
        Files.createDirectories(dir);
        Files.copy(
                Path.of(getClass()
                        .getResource("/v1-scaffold/azureml_environment.json")
                        .toURI()),
                dir.resolve(V1Directory.DEFINITION));
        Environment env = load(dir);
        assertThat(env.name()).isEqualTo("testenv");
        assertThat(env.hasCondaDependencies()).isFalse();
        for (String version : List.of("36", "Autosave_2023-05-04T10:11:12Z_a1b2c3d4")) {
            Files.writeString(
                    dir.resolve(V1Directory.DEFINITION), "{\"name\": \"x\", \"version\": \"" + version + "\"}");
            assertThat(load(dir).version()).isEqualTo(version);
        }
    }

    @Test
    void aLoadedCondaFileGetsNoPythonAdded() throws Exception {
        Path dir = tmp.resolve("nopython");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(V1Directory.DEFINITION), "{\"name\": \"x\"}");
        Files.writeString(dir.resolve(V1Directory.CONDA), "dependencies:\n  - numpy\n");
        // CondaDependencies(conda_file_path): no from_conda_specification default
        assertThat(load(dir).condaSpec().python()).isEmpty();
    }

    @Test
    void aBaseDockerfileReplacesTheBaseImageWithTheSdksWarningAndAnEmptyOneIsIgnored() throws Exception {
        Path dir = tmp.resolve("docker");
        Files.createDirectories(dir);
        Files.writeString(
                dir.resolve(V1Directory.DEFINITION), "{\"name\": \"x\", \"docker\": {\"baseImage\": \"img:1\"}}");
        Files.writeString(dir.resolve(V1Directory.DOCKERFILE), "FROM ubuntu:22.04\n");
        List<String> warnings = new ArrayList<>();
        Environment env = V1Directory.load(dir, warnings::add);
        assertThat(env.docker().baseImage()).isNull();
        assertThat(env.docker().baseDockerfile()).isEqualTo("FROM ubuntu:22.04\n");
        assertThat(warnings)
                .containsExactly(
                        "Property base_image is mutually exclusive with base_dockerfile. Reset base_image to None");
        // base_dockerfile = '' is falsy: no base Dockerfile, the base image stays
        Files.writeString(dir.resolve(V1Directory.DOCKERFILE), "");
        Environment empty = load(dir);
        assertThat(empty.docker().baseImage()).isEqualTo("img:1");
        assertThat(empty.docker().baseDockerfile()).isNull();
    }

    @Test
    void passwordsFollowTheSecretsPolicy() throws Exception {
        Environment base = Environment.create("e4", "img:1");
        Environment env = base.withDocker(base.docker().withRegistry(new ContainerRegistry("acr.io", "u", "pw", null)));
        V1Directory.save(env, out(), false, Secrets.MASK);
        assertThat(Files.readString(out().resolve(V1Directory.DEFINITION), StandardCharsets.UTF_8))
                .contains("\"password\": \"***\"")
                .doesNotContain("\"pw\"");
    }

    @Test
    void loadErrorsNameTheFileAndPlace() throws Exception {
        Path dir = tmp;
        assertThatThrownBy(() -> load(dir.resolve("none")))
                .isInstanceOf(AmlshException.class)
                .hasMessageEndingWith("none: no such folder");
        assertThatThrownBy(() -> load(dir))
                .isInstanceOf(AmlshException.class)
                .hasMessageContaining("holds no azureml_environment.json");
        Files.writeString(dir.resolve(V1Directory.DEFINITION), "{\"name\": \"x\"}");
        Files.writeString(dir.resolve(V1Directory.CONDA), "dependencies:\n  - python=3.8\nbogus: 1\n");
        assertThatThrownBy(() -> load(dir))
                .isInstanceOf(AmlshException.class)
                .hasMessage(dir.resolve(V1Directory.CONDA) + ":3:1: unknown top-level key 'bogus'"
                        + " (allowed: name, channels, dependencies, prefix, variables)");
    }
}

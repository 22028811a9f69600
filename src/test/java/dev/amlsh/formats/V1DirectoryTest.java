package dev.amlsh.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amlsh.model.AmlshException;
import dev.amlsh.model.ContainerRegistry;
import dev.amlsh.model.Environment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class V1DirectoryTest {

    @TempDir
    Path dir;

    @Test
    void saveThenLoadGivesTheSameEnvironment() {
        Environment env = Environment.create("e1", "img:1").withCondaSpec(s -> s.addPipPackage("numpy==1.26")).withVersion("2");
        V1Directory.save(env, dir, false, Secrets.KEEP);
        assertThat(dir.resolve(V1Directory.DOCKERFILE)).doesNotExist();
        assertThat(V1Directory.load(dir)).isEqualTo(env);
    }

    @Test
    void aBaseDockerfileGoesToItsOwnFileAndComesBack() throws Exception {
        Environment base = Environment.create("e2", "img:1");
        Environment env = base.withDocker(base.docker().withBaseDockerfile("FROM ubuntu:22.04\nRUN echo hi\n", w -> {}));
        V1Directory.save(env, dir, false, Secrets.KEEP);
        assertThat(Files.readString(dir.resolve(V1Directory.DOCKERFILE))).isEqualTo("FROM ubuntu:22.04\nRUN echo hi\n");
        String json = Files.readString(dir.resolve(V1Directory.DEFINITION));
        assertThat(json).contains("\"baseImage\": null,\n        \"baseDockerfile\": null,").doesNotContain("\"condaDependencies\"");
        assertThat(V1Directory.load(dir)).isEqualTo(env);
    }

    @Test
    void overwriteRule() throws Exception {
        Environment base = Environment.create("e3", "img:1");
        Environment withDockerfile = base.withDocker(base.docker().withBaseDockerfile("FROM x\n", w -> {}));
        V1Directory.save(withDockerfile, dir, false, Secrets.KEEP);
        String before = Files.readString(dir.resolve(V1Directory.DEFINITION));
        assertThatThrownBy(() -> V1Directory.save(base, dir, false, Secrets.KEEP))
                .isInstanceOf(AmlshException.class)
                .hasMessageContaining("already holds azureml_environment.json");
        assertThat(Files.readString(dir.resolve(V1Directory.DEFINITION))).isEqualTo(before);
        V1Directory.save(base, dir, true, Secrets.KEEP);
        assertThat(dir.resolve(V1Directory.DOCKERFILE)).doesNotExist();
        assertThat(V1Directory.load(dir)).isEqualTo(base);
    }

    @Test
    void passwordsFollowTheSecretsPolicy() throws Exception {
        Environment base = Environment.create("e4", "img:1");
        Environment env = base.withDocker(base.docker().withRegistry(new ContainerRegistry("acr.io", "u", "pw", null)));
        V1Directory.save(env, dir, false, Secrets.MASK);
        assertThat(Files.readString(dir.resolve(V1Directory.DEFINITION), StandardCharsets.UTF_8))
                .contains("\"password\": \"***\"").doesNotContain("\"pw\"");
    }

    @Test
    void loadErrorsNameTheFileAndPlace() throws Exception {
        assertThatThrownBy(() -> V1Directory.load(dir.resolve("none")))
                .isInstanceOf(AmlshException.class).hasMessageEndingWith("none: no such folder");
        assertThatThrownBy(() -> V1Directory.load(dir))
                .isInstanceOf(AmlshException.class).hasMessageContaining("holds no azureml_environment.json");
        Files.writeString(dir.resolve(V1Directory.DEFINITION), "{\"name\": \"x\"}");
        Files.writeString(dir.resolve(V1Directory.CONDA), "dependencies:\n  - python=3.8\nbogus: 1\n");
        assertThatThrownBy(() -> V1Directory.load(dir))
                .isInstanceOf(AmlshException.class)
                .hasMessage(dir.resolve(V1Directory.CONDA) + ":3:1: unknown top-level key 'bogus'"
                        + " (allowed: name, channels, dependencies, prefix, variables)");
    }
}

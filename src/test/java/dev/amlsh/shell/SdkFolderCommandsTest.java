package dev.amlsh.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * env save / env load as Environment.save_to_directory / load_from_directory, and a definition without conda
 * dependencies.
 */
class SdkFolderCommandsTest {

    @TempDir
    Path dir;

    Shell shell;

    @BeforeEach
    void setUp() throws IOException {
        shell = new Shell(dir);
        Files.writeString(
                dir.resolve("env.yml"), "name: x\ndependencies:\n  - python=3.10\n  - numpy\n", StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("jsononly"));
        Files.writeString(
                dir.resolve("jsononly/azureml_environment.json"),
                "{\"name\": \"bare\", \"version\": \"36\", \"docker\": {\"baseImage\": \"ubuntu:22.04\"}}",
                StandardCharsets.UTF_8);
    }

    @Test
    void saveRefusesAFolderThatExistsUnlessOverwrite() {
        shell.run("env create demo --conda-file env.yml");
        assertThat(shell.run("env save demo out").code()).isZero();
        Shell.Result again = shell.run("env save demo out");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err())
                .isEqualTo("error: out: already exists: save_to_directory writes a new folder; choose another,"
                        + " or add --overwrite\n");
        assertThat(shell.run("env save demo out --overwrite").code()).isZero();
    }

    @Test
    void saveWritesTheRoundTripTextAndLoadKeepsIt() throws Exception {
        // save_to_directory -> save_to_file: ruamel's round_trip_dump of the file as read, comments and all
        java.nio.file.Files.writeString(
                dir.resolve("commented.yml"),
                "name: c   # the name\ndependencies:\n  # interpreter\n  - python=3.10\n  - numpy  # arrays\n");
        shell.run("env create c --conda-file commented.yml");
        shell.run("env add-pip c rich");
        String text = "name: c   # the name\ndependencies:\n  # interpreter\n- python=3.10\n- numpy    # arrays\n- "
                + "pip:\n  - rich\n";
        assertThat(shell.run("env conda-file c").out()).isEqualTo(text);
        assertThat(shell.run("env save c saved").code()).isZero();
        assertThat(java.nio.file.Files.readString(dir.resolve("saved/conda_dependencies.yml")))
                .isEqualTo(text);
        shell.run("env load saved --name c2");
        assertThat(shell.run("env conda-file c2").out()).isEqualTo(text);
        // a registered version is the service form: the plain data, no comments
        shell.run("env register c");
        assertThat(shell.run("env conda-file c:1").out())
                .isEqualTo("name: c\ndependencies:\n- python=3.10\n- numpy\n- pip:\n  - rich\n");
    }

    @Test
    void aFolderWithOnlyTheJsonLoadsWithoutCondaDependencies() {
        Shell.Result load = shell.run("env load jsononly");
        assertThat(load.code()).as(load.err()).isZero();
        assertThat(shell.run("env show bare -o json").out())
                .contains("\"version\": \"36\"")
                .doesNotContain("condaDependencies\":");
        Shell.Result spec = shell.run("env conda-spec bare");
        assertThat(spec.code()).isEqualTo(1);
        assertThat(spec.err())
                .isEqualTo("error: bare has no conda dependencies (python.condaDependencies is not set,"
                        + " as when a saved folder has no conda_dependencies.yml)\n");
        assertThat(shell.run("env show bare").out()).contains("no conda dependencies");
        // serialize_to_string needs a CondaDependencies: env conda-file says there is none, exit 1
        Shell.Result file = shell.run("env conda-file bare");
        assertThat(file.code()).isEqualTo(1);
        assertThat(file.out()).isEmpty();
        assertThat(file.err()).isEqualTo(spec.err());
        assertThat(shell.run("env dockerfile bare").out())
                .startsWith("FROM ubuntu:22.04\n")
                .doesNotContain("conda env create");
        assertThat(shell.run("env lint bare").out()).contains("no-conda-dependencies");
        assertThat(shell.run("env add-conda bare numpy").code()).isEqualTo(1);
        // saved again: no conda file
        assertThat(shell.run("env save bare again").out()).isEqualTo("wrote again/azureml_environment.json\n");
        // --name makes a clone: version reset
        shell.run("env load jsononly --name copy");
        assertThat(shell.run("env show copy -o json").out()).contains("\"version\": null");
    }

    @Test
    void aCondaFileWithoutPythonLoadsAsItIsButCannotBeSaved() throws IOException {
        Files.createDirectories(dir.resolve("nopython"));
        Files.writeString(
                dir.resolve("nopython/azureml_environment.json"), "{\"name\": \"np\"}", StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("nopython/conda_dependencies.yml"), "dependencies:\n  - numpy\n", StandardCharsets.UTF_8);
        assertThat(shell.run("env load nopython").code()).isZero();
        Shell.Result save = shell.run("env save np saved");
        assertThat(save.code()).isEqualTo(1);
        assertThat(save.err()).isEqualTo("error: Python package is missing.\n");
        assertThat(dir.resolve("saved")).doesNotExist();
    }

    @Test
    void aBaseDockerfileInTheFolderReplacesTheBaseImageWithTheSdksWarning() throws IOException {
        Files.writeString(dir.resolve("jsononly/BaseDockerfile"), "FROM python:3.11-slim\n", StandardCharsets.UTF_8);
        Shell.Result load = shell.run("env load jsononly");
        assertThat(load.err())
                .isEqualTo("warning: Property base_image is mutually exclusive with base_dockerfile."
                        + " Reset base_image to None\n");
        assertThat(shell.run("env dockerfile bare").out()).startsWith("FROM python:3.11-slim\n");
    }
}

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
 * {@code env import} as {@code az ml environment create --file} (azure-ai-ml's
 * {@code EnvironmentSchema}: VersionField, description, tags, os_type, inference_config) and
 * {@code env export} back: versions, metadata, conflicts, and every problem at once.
 */
class EnvImportTest {

    static final String SERVED = """
            $schema: https://azuremlschemas.azureedge.net/latest/environment.schema.json
            name: tf-serving.half
            version: "2022-02-03"
            description: TF Serving for half_plus_two
            tags:
              team: vision
            image: docker.io/tensorflow/serving:2.13.0
            inference_config:
              liveness_route: {port: 8501, path: /v1/models/half_plus_two}
              readiness_route: {port: 8501, path: /v1/models/half_plus_two}
              scoring_route: {port: 8501, path: "/v1/models/half_plus_two:predict"}
            """;

    @TempDir
    Path dir;

    Shell shell;

    @BeforeEach
    void setUp() {
        shell = new Shell(dir);
    }

    @Test
    void importRegistersWithTheFilesVersionAndKeepsTheMetadata() throws IOException {
        write("served.yml", SERVED);
        Shell.Result r = shell.run("env import served.yml");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("registered tf-serving.half:2022-02-03\n");
        Shell.Result show = shell.run("env show tf-serving.half:2022-02-03");
        assertThat(show.out())
                .startsWith("tf-serving.half:2022-02-03\n")
                .contains(
                        "description:",
                        "TF Serving for half_plus_two",
                        "tags:",
                        "team=vision",
                        "inference:",
                        "scoring :8501/v1/models/half_plus_two:predict");
        String json = shell.run("env show tf-serving.half@latest -o json").out();
        assertThat(json)
                .contains(
                        "\"description\": \"TF Serving for half_plus_two\"",
                        "\"tags\": {",
                        "\"inferenceConfig\": {",
                        "\"scoringRoute\": {")
                .doesNotContain("osType");
        assertThat(shell.run("env list").out()).contains("tf-serving.half");
    }

    @Test
    void anSdkV1DefinitionsJsonHasNoneOfTheV2Keys() throws IOException {
        write("env.yml", "name: x\ndependencies:\n  - python=3.10\n");
        shell.run("env create plain --conda-file env.yml");
        String json = shell.run("env show plain -o json").out();
        assertThat(json).doesNotContain("\"description\"", "\"tags\"", "\"osType\"", "\"inferenceConfig\"");
    }

    @Test
    void importExportImportGivesTheSameEnvironmentAndVersion() throws IOException {
        write("served.yml", SERVED);
        shell.run("env import served.yml");
        assertThat(shell.run("env export tf-serving.half:2022-02-03 out.yml").code())
                .isZero();
        String exported = Files.readString(dir.resolve("out.yml"), StandardCharsets.UTF_8);
        assertThat(exported)
                .contains(
                        "version: '2022-02-03'",
                        "description: TF Serving for half_plus_two",
                        "inference_config:\n  liveness_route:\n    port: 8501\n");
        Shell.Result again = shell.run("env import out.yml");
        assertThat(again.code()).isZero();
        assertThat(again.out()).isEqualTo("tf-serving.half:2022-02-03 already has this definition (no new version)\n");
        assertThat(shell.run("env versions tf-serving.half -o json").out()).containsOnlyOnce("\"version\"");
        Shell.Result diff = shell.run("env diff tf-serving.half:2022-02-03 tf-serving.half@latest --exit-code");
        assertThat(diff.code()).isZero();
    }

    @Test
    void anExplicitVersionIsCreatedEvenWhenOnlyTheDescriptionDiffers() throws IOException {
        write("a.yml", "name: e\nversion: 3\ndescription: first\nimage: ubuntu:22.04\n");
        write("b.yml", "name: e\nversion: 1.10\ndescription: second\nimage: ubuntu:22.04\n");
        assertThat(shell.run("env import a.yml").out()).isEqualTo("registered e:3\n");
        assertThat(shell.run("env import b.yml").out()).isEqualTo("registered e:1.1\n");
        assertThat(shell.run("env show e@latest").out()).startsWith("e:1.1\n").contains("second");
        Shell.Result diff = shell.run("env diff e:3 e:1.1");
        assertThat(diff.out()).contains("description").contains("first").contains("second");
        // without a version, a definition equal to the latest keeps its version (the v1 rule)
        write("c.yml", "name: e\ndescription: second\nimage: ubuntu:22.04\n");
        assertThat(shell.run("env import c.yml").out())
                .isEqualTo("e:1.1 already has this definition (no new version)\n");
        write("d.yml", "name: e\ndescription: third\nimage: ubuntu:22.04\n");
        assertThat(shell.run("env import d.yml").out()).isEqualTo("registered e:4\n");
        assertThat(shell.run("env show e@latest").out()).startsWith("e:4\n");
    }

    @Test
    void theSameVersionWithAnotherDefinitionIsAzuresConflict() throws IOException {
        write("a.yml", "name: e\nversion: 7\nimage: ubuntu:22.04\n");
        write("b.yml", "name: e\nversion: 7\ntags: {k: v}\nimage: ubuntu:22.04\n");
        shell.run("env import a.yml");
        Shell.Result r = shell.run("env import b.yml");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err())
                .isEqualTo("error: Environment e with version 7 is already registered and cannot be changed.\n");
        assertThat(shell.run("env show e:7").out()).doesNotContain("tags:");
    }

    @Test
    void draftMakesADraftAndSaysTheVersionIsNotKept() throws IOException {
        write("served.yml", SERVED);
        Shell.Result r = shell.run("env import served.yml --draft --name trial");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("created draft trial from served.yml\n");
        assertThat(r.err())
                .isEqualTo("note: a draft has no version: register it with --version 2022-02-03 to keep the file's\n");
        assertThat(shell.run("env show trial").out())
                .startsWith("trial (draft)\n")
                .contains("TF Serving");
        assertThat(shell.run("env versions trial").code()).isEqualTo(1);
        assertThat(shell.run("env register trial --version 2022-02-03").out())
                .isEqualTo("registered trial:2022-02-03\n");
    }

    @Test
    void reservedNamesAreRefusedForRegistration() throws IOException {
        write("r.yml", "name: AzureML-mine\nimage: ubuntu:22.04\n");
        Shell.Result r = shell.run("env import r.yml");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("'AzureML-mine' is reserved");
    }

    @Test
    void threeProblemsGiveThreeLocatedErrors() throws IOException {
        write("bad.yml", "name: broken\ncolour: red\nbuild:\nimgae: ubuntu:22.04\n");
        Shell.Result r = shell.run("env import bad.yml");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("""
                error: unknown key 'colour' in an environment file (allowed: $schema, build, conda_file, datastore, \
                description, image, inference_config, name, os_type, tags, version)
                  --> bad.yml:2:1
                   |
                 2 | colour: red
                   | ^
                error: 'build' may not be null (Field may not be null.)
                  --> bad.yml:3:1
                   |
                 3 | build:
                   | ^
                error: unknown key 'imgae' in an environment file (allowed: $schema, build, conda_file, datastore, \
                description, image, inference_config, name, os_type, tags, version)
                  --> bad.yml:4:1
                   |
                 4 | imgae: ubuntu:22.04
                   | ^
                """);
        assertThat(shell.run("env list -o json").out()).doesNotContain("broken");
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}

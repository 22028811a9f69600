package dev.amlsh.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each command's JSON (and one YAML) shape, and the text tables, pinned by golden files under
 * src/test/resources/shell/golden and documented in docs/COMMANDS.md. To regenerate after a
 * deliberate change: {@code mvn test -Dtest=GoldenOutputTest -Dgolden.update=true}, then review the diff.
 */
class GoldenOutputTest {

    static final Path GOLDEN = Path.of("src/test/resources/shell/golden");

    @TempDir
    Path dir;

    Shell shell;

    @BeforeEach
    void seed() throws IOException {
        shell = new Shell(dir);
        Files.writeString(
                dir.resolve("env.yml"),
                "name: demo\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.10\n"
                        + "  - numpy=1.26\n  - pip:\n    - requests==2.31.0\n",
                StandardCharsets.UTF_8);
    }

    @Test
    void jsonShapes() throws IOException {
        golden("env-create.json", "-o json env create demo --conda-file env.yml --base-image ubuntu:22.04");
        golden("env-show.json", "env show demo -o json");
        golden("env-show.yaml", "env show demo -o yaml");
        golden("env-register.json", "env register demo -o json");
        golden("env-add-pip.json", "env add-pip demo torch==2.3.1 -o json");
        golden("env-list.json", "env list -o json");
        golden("env-label.json", "env label demo:1 stable -o json");
        golden("env-versions.json", "env versions demo -o json");
        golden("env-dockerfile.json", "env dockerfile demo:1 -o json");
        golden("env-dockerfile-explain.json", "env dockerfile demo:1 --explain -o json");
        golden("env-conda-spec.json", "env conda-spec demo:1 -o json");
        // CondaDependencies.serialize_to_string() of the draft: the file's layout, torch appended by add_pip_package
        golden("env-conda-file.json", "env conda-file demo -o json");
        golden("env-image-details.json", "env image-details demo:1 -o json");
        golden("env-image-details.txt", "env image-details demo:1");
        golden("env-diff.json", "env diff demo:1 demo -o json");
        golden("env-lint.json", "env lint demo:1 -o json");
        golden("env-save.json", "env save demo:1 saved -o json");
        golden("env-build-context.json", "env build-context demo:1 build -o json");
        golden("env-export.json", "env export demo:1 saved/demo.yml -o json");
        golden("workspace-create.json", "workspace create course -o json");
        golden("workspace-use.json", "workspace use course -o json");
        golden(
                "curated-show.yaml",
                "curated show mcr.microsoft.com/azureml/intelmpi2018.3-ubuntu16.04:20200821.v1 -o yaml");
        shell.run("workspace use default");
        golden("env-archive.json", "env archive demo:1 -o json");
        golden("env-discard.json", "env discard demo -o json");
        golden("workspace-show.json", "workspace show -o json");
        golden("workspace-list.json", "workspace list -o json");
        golden("curated-list.json", "curated list -o json");
        golden("curated-images.json", "curated images -o json");
        golden("curated-show-environment.json", "curated show AzureML-Minimal -o json");
    }

    /** Text tables (Spring Shell's table module): header, columns parted by two spaces, no trailing blanks. */
    @Test
    void textTables() throws IOException {
        shell.run("env create demo --conda-file env.yml");
        shell.run("env register demo");
        shell.run("env label demo:1 stable");
        shell.run("env create a-much-longer-draft-name");
        golden("env-list.txt", "env list");
        golden("env-versions.txt", "env versions demo");
        shell.run("workspace create course");
        golden("workspace-list.txt", "workspace list");
        golden("workspace-show.txt", "workspace show");
        golden("curated-list.txt", "curated list");
        golden("curated-images.txt", "curated images");
    }

    @Test
    void yamlEndsWithOneNewline() {
        shell.run("env create demo --conda-file env.yml");
        shell.run("env register demo");
        for (String line : List.of(
                "env versions demo -o yaml",
                "env list -o yaml",
                "env show demo -o yaml",
                "env dockerfile demo -o yaml",
                "workspace show -o yaml",
                "history -o yaml",
                "version -o yaml")) {
            String out = shell.run(line).out();
            assertThat(out).as(line).endsWith("\n").doesNotEndWith("\n\n");
        }
        // a version is a string in JSON ("1"): YAML quotes it so a YAML reader does not get the number 1
        assertThat(shell.run("env versions demo -o yaml").out()).startsWith("- version: \"1\"\n");
    }

    private void golden(String file, String line) throws IOException {
        Shell.Result r = shell.run(line);
        assertThat(r.code()).as(line + "\n" + r.err()).isZero();
        Path expected = GOLDEN.resolve(file);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(expected, r.out(), StandardCharsets.UTF_8);
        }
        assertThat(r.out()).as(line).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }

    @Test
    void everyGoldenFileIsUsed() throws IOException {
        try (var files = Files.list(GOLDEN)) {
            List<String> names =
                    files.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names).hasSize(36); // and explain/, ExplainCommandsTest's
        }
    }
}

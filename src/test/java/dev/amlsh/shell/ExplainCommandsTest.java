package dev.amlsh.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code env explain} and {@code env dockerfile --explain} for the seed walkthrough's environment (the seed page's
 * env.yml on its 2020 image, registered), a pip-file environment ({@code Environment.from_pip_requirements}), a
 * user-managed one on an image ({@code from_docker_image}: nothing built), a user-managed one on a base Dockerfile
 * ({@code from_dockerfile}) and a v2 build context, pinned by golden files in src/test/resources/shell/golden/explain.
 * {@code -Dgolden.update=true} rewrites them (then review the diff). And {@code env diff}'s sides, colour and
 * {@code --conda}.
 */
class ExplainCommandsTest {

    static final Path GOLDEN = Path.of("src/test/resources/shell/golden/explain");
    static final String SEED_IMAGE = "mcr.microsoft.com/azureml/intelmpi2018.3-ubuntu16.04:20200821.v1";

    @TempDir
    Path dir;

    Shell shell;

    @BeforeEach
    void setUp() throws IOException, URISyntaxException {
        shell = new Shell(dir);
        Files.copy(resource("seed-pytorch/env.yml"), dir.resolve("env.yml"));
        Files.writeString(
                dir.resolve("requirements.txt"), "numpy==1.26.4\n# plotting\nmatplotlib>=3.8\n\nrequests>=2.31\n");
        Files.copy(
                resource("real-world/10-azureml-examples-build-context-conda-in-dockerfile/Dockerfile"),
                dir.resolve("Dockerfile"));
        Path context = Files.createDirectories(dir.resolve("docker-contexts/python-and-pip"));
        Path source = resource("real-world/03-azureml-examples-docker-context/docker-contexts/python-and-pip");
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, context.resolve(f.getFileName()));
            }
        }
        Files.copy(
                resource("real-world/03-azureml-examples-docker-context/docker-context.yml"),
                dir.resolve("docker-context.yml"));
        ok("env create pytorch --conda-file env.yml --base-image " + SEED_IMAGE);
        ok("env register pytorch");
        ok("env create from-pip --pip-file requirements.txt");
        ok("env create from-image --base-image mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:20230103.v1");
        ok("env create from-dockerfile --dockerfile Dockerfile");
        ok("env import docker-context.yml --draft");
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(ExplainCommandsTest.class.getResource("/" + name).toURI());
    }

    private Shell.Result ok(String line) {
        Shell.Result r = shell.run(line);
        assertThat(r.code()).as(line + "\n" + r.err()).isZero();
        return r;
    }

    private void golden(String file, String line) throws IOException {
        String out = ok(line).out();
        Path expected = GOLDEN.resolve(file);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(expected, out, StandardCharsets.UTF_8);
        }
        assertThat(out).as(line).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }

    static final Map<String, String> EXPLAINED = Map.of(
            "seed", "pytorch@latest",
            "pip-file", "from-pip",
            "user-managed-image", "from-image",
            "user-managed-dockerfile", "from-dockerfile",
            "build-context", "docker-context-example");

    @Test
    void explainPagesAndExplainedDockerfiles() throws IOException {
        List<String> files = new ArrayList<>();
        for (var e : EXPLAINED.entrySet()) {
            golden(e.getKey() + ".txt", "env explain " + e.getValue());
            files.add(e.getKey() + ".txt");
            if (!e.getKey().equals("user-managed-image")) {
                golden(e.getKey() + ".Dockerfile", "env dockerfile " + e.getValue() + " --explain");
                files.add(e.getKey() + ".Dockerfile");
            }
        }
        golden("seed.json", "env explain pytorch@latest -o json");
        files.add("seed.json");
        try (Stream<Path> present = Files.list(GOLDEN)) {
            assertThat(present.map(p -> p.getFileName().toString()).toList())
                    .containsExactlyInAnyOrderElementsOf(files);
        }
    }

    @Test
    void theSeedsPageSaysWhatChangedAndWhatCountsInItsOwnWords() {
        String page = ok("env explain pytorch@latest").out();
        assertThat(page)
                .startsWith("pytorch:1: conda-managed on a base image\n")
                .contains("~ line 1: name: pytorch -> azureml_")
                .contains("~ keys sorted: name, channels, dependencies -> channels, dependencies, name")
                .contains("not counted: name; how the file is written")
                .contains("environmentVariables")
                .contains("┌─ base image " + SEED_IMAGE + "@sha256:8cee6f67")
                .contains("EXAMPLE_ENV_VAR=EXAMPLE_VALUE")
                .endsWith("   your job\n");
        // the image a user-managed environment runs is its base image: nothing is built, nothing hashed
        String image = ok("env explain from-image").out();
        assertThat(image)
                .contains("image: none built (no image hash)")
                .contains("Azure ML builds nothing")
                .doesNotContain("azureml/azureml_");
        Shell.Result none = shell.run("env dockerfile from-image --explain");
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.err()).contains("there is no Dockerfile");
    }

    @Test
    void theExplainedDockerfileIsTheDockerfileWithCommentLines() {
        for (String ref : List.of("pytorch@latest", "from-pip", "from-dockerfile", "docker-context-example")) {
            String plain = ok("env dockerfile " + ref).out();
            String explained = ok("env dockerfile " + ref + " --explain").out();
            StringBuilder stripped = new StringBuilder();
            explained
                    .lines()
                    .filter(l -> !l.startsWith("# ["))
                    .forEach(l -> stripped.append(l).append('\n'));
            assertThat(stripped.toString()).as(ref).isEqualTo(plain);
            assertThat(explained.lines().filter(l -> l.startsWith("# [")).count())
                    .as(ref)
                    .isPositive();
        }
        assertThat(ok("env dockerfile from-dockerfile --explain").out())
                .contains("# [yours: docker.baseDockerfile] the image the build starts from\nFROM ")
                .contains("# [Azure ML] build as root");
    }

    @Test
    void diffNamesItsSidesAndIsColouredOnlyOnATerminal() {
        ok("env add-conda pytorch numpy");
        ok("env var set pytorch LOG=debug");
        ok("env remove-channel pytorch defaults");
        String plain = ok("env diff pytorch@latest pytorch").out();
        assertThat(plain)
                .startsWith("--- pytorch:1 (pytorch@latest)\n+++ pytorch (draft)\n")
                .contains("\n- channels.defaults: defaults\n")
                .contains("\n+ conda.numpy: numpy\n")
                .doesNotContain("\u001b[");
        Shell.Result terminal = shell.main("", false, true, Map.of(), "env", "diff", "pytorch:1", "pytorch");
        assertThat(terminal.out())
                .startsWith("\u001b[1m--- pytorch:1\u001b[0m\n\u001b[1m+++ pytorch (draft)\u001b[0m\n")
                .contains("\u001b[31m- channels.defaults: defaults\u001b[0m")
                .contains("\u001b[32m+ conda.numpy: numpy\u001b[0m")
                .contains("\u001b[32m+ variables.LOG: debug\u001b[0m");
        ok("env set pytorch --python 3.8");
        assertThat(shell.main("", false, true, Map.of(), "env", "diff", "pytorch:1", "pytorch")
                        .out())
                .contains("\u001b[33m~ python: 3.7 -> 3.8\u001b[0m");
        assertThat(shell.main("", false, true, Map.of(), "env", "diff", "pytorch:1", "pytorch", "--no-color")
                        .out())
                .doesNotContain("\u001b[");
        assertThat(shell.main("", false, true, Map.of("NO_COLOR", "1"), "env", "diff", "pytorch:1", "pytorch")
                        .out())
                .doesNotContain("\u001b[");
    }

    @Test
    void diffConda() {
        ok("env add-conda pytorch numpy");
        String out = ok("env diff pytorch@latest pytorch --conda").out();
        assertThat(out)
                .contains("conda files (mutated_conda_dependencies.yml):\n--- pytorch:1 (pytorch@latest)\n"
                        + "+++ pytorch (draft)\n@@ ")
                .containsPattern("\n-name: azureml_[0-9a-f]{32}\n\\+    - numpy\n\\+name: azureml_[0-9a-f]{32}\n");
        assertThat(ok("env diff pytorch:1 pytorch:1 --conda").out())
                .endsWith("conda files (mutated_conda_dependencies.yml): identical\n");
        // an environment Azure ML builds no conda environment for diffs as an empty file
        assertThat(ok("env diff pytorch:1 from-image --conda").out())
                .contains("+++ from-image (draft)\n@@ -1,8 +1,0 @@\n-channels:\n");
    }
}

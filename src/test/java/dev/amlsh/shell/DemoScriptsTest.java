package dev.amlsh.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every demo under scripts/demo/ runs with exit 0 under --narrate, from another folder, and shows what
 * its narration says it shows (issue 12). Each is self-contained: its own temporary workspace, inputs
 * beside it, outputs under :temp:/, no version numbers written into a reference.
 */
class DemoScriptsTest {

    static final Path DEMOS = Path.of("scripts/demo").toAbsolutePath();

    /** A reference with a version number (NAME:3); a base image's tag follows a digit or a dot, not a name. */
    private static final Pattern HARD_CODED_VERSION = Pattern.compile("(^|\\s)[a-z][a-z0-9_-]*:[0-9]+(\\s|$)");

    @TempDir
    Path elsewhere;

    static Stream<Arguments> demos() {
        return Stream.of(
                // Environment.register: a changed definition gets 1 + the largest version, the same one keeps it
                Arguments.of(
                        "versions.amlsh",
                        List.of(
                                "registered demo:1",
                                "registered demo:2",
                                "demo:2 already has this definition (no new version)",
                                "labelled demo:2 stable",
                                "registered demo:3",
                                "archived demo:3"),
                        List.of("versions.amlsh:27: error: Environment demo with version 1 is already registered")),
                // the image hash covers the conda file as written and not the variables
                Arguments.of(
                        "what-rebuilds.amlsh",
                        List.of(
                                "+ variables.LOG_LEVEL: debug",
                                "no rebuild",
                                "+ conda.numpy: numpy",
                                "~ conda.order: pytorch, torchvision -> torchvision, pytorch",
                                "--- demo:1 (demo@latest)",
                                "+++ reordered (draft)",
                                "conda files (mutated_conda_dependencies.yml):",
                                "+    - numpy"),
                        List.of()),
                // Environment.from_pip_requirements; a user-managed environment on an image has no Dockerfile
                Arguments.of(
                        "environment-kinds.amlsh",
                        List.of(
                                "pip:         numpy==1.26.4, requests>=2.31",
                                "none built: Azure ML runs "
                                        + "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:20230103.v1 as it is",
                                ": pip: conda installs pip, which installs the pip: list",
                                "image: none built (no image hash)"),
                        List.of("(there is no Dockerfile)")),
                // save_to_directory/load_from_directory and the v2 YAML keep the definition
                Arguments.of(
                        "round-trips.amlsh",
                        List.of(
                                "wrote :temp:/seed-v1/azureml_environment.json",
                                "identical definitions",
                                "wrote :temp:/seed.yml",
                                "registered seed-from-v2:1",
                                "image: the same"),
                        List.of("not exported: EXAMPLE_ENV_VAR")),
                Arguments.of(
                        "lint.amlsh",
                        List.of("[floating-base-image]", "[unpinned-conda] conda.pytorch", "no findings"),
                        List.of("lint.amlsh:12: error: env lint: 3 finding(s) fail (--strict)")),
                Arguments.of(
                        "build-context.amlsh",
                        List.of(
                                "wrote :temp:/ctx/Dockerfile",
                                "wrote :temp:/ctx/azureml-environment-setup/mutated_conda_dependencies.yml",
                                "# [Azure ML] build as root",
                                "FROM "),
                        List.of()),
                Arguments.of(
                        "seed-walkthrough.amlsh",
                        List.of("registered pytorch:1", "conda-managed", "4. How the image is assembled"),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demos")
    void runsWithExitZeroUnderNarrate(String demo, List<String> inOutput, List<String> inErrors) {
        Shell shell = new Shell(elsewhere);
        Shell.Result run = shell.main("", "--narrate", "-f", DEMOS.resolve(demo).toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("\n# ").contains(inOutput);
        if (inErrors.isEmpty()) {
            assertThat(run.err()).isEmpty();
        } else {
            assertThat(run.err()).contains(inErrors);
        }
        // its own workspace: nothing is left in the workspace the run started in
        assertThat(shell.run("env list").out()).doesNotContain("demo", "seed", "pytorch");
    }

    @Test
    void everyDemoIsListedAboveAndWritesNoVersionNumberIntoAReference() throws Exception {
        List<String> listed = demos().map(a -> (String) a.get()[0]).sorted().toList();
        try (Stream<Path> files = Files.list(DEMOS)) {
            List<Path> scripts =
                    files.filter(f -> f.toString().endsWith(".amlsh")).sorted().toList();
            assertThat(scripts.stream().map(f -> f.getFileName().toString()).toList())
                    .isEqualTo(listed);
            for (Path script : scripts) {
                List<String> lines = Files.readAllLines(script, StandardCharsets.UTF_8);
                assertThat(lines)
                        .as(script + " starts its own workspace")
                        .filteredOn(l -> !l.isBlank() && !l.startsWith("#"))
                        .first()
                        .isEqualTo("set workspace :temp:");
                assertThat(lines)
                        .as(script + " writes no NAME:VERSION")
                        .filteredOn(l -> !l.startsWith("#"))
                        .noneMatch(l -> HARD_CODED_VERSION.matcher(l).find());
            }
        }
    }
}

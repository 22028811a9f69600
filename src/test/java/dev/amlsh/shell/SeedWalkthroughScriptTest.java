package dev.amlsh.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amlsh.image.EnvironmentHashes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/demo/seed-walkthrough.amlsh runs, prints the seed's Dockerfile and conda file byte for byte, then env
 * explain.
 */
class SeedWalkthroughScriptTest {

    static final Path SCRIPT = Path.of("scripts/demo/seed-walkthrough.amlsh").toAbsolutePath();

    @TempDir
    Path elsewhere;

    @Test
    void theDemoScriptReproducesTheSeedPage() throws Exception {
        Shell shell = new Shell(elsewhere); // run from another folder: env.yml resolves against the script's folder
        Shell.Result run = shell.main("", "-f", SCRIPT.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.code()).isZero();

        String envName = run.out()
                .lines()
                .filter(l -> l.startsWith("name: "))
                .findFirst()
                .orElseThrow()
                .substring(6);
        assertThat(envName).matches(EnvironmentHashes.CONDA_PREFIX + "[0-9a-f]{32}");
        assertThat(run.out())
                .contains("registered pytorch:1")
                .contains(expected("Dockerfile.expected", envName))
                .contains(expected("mutated_conda_dependencies.yml.expected", envName) + "pytorch:1: conda-managed")
                .endsWith("   your job\n");

        // its own temporary workspace: a second run prints the same, and the workspace it started in is untouched
        Shell.Result again = shell.main("", "-f", SCRIPT.toString());
        assertThat(again).isEqualTo(run);
        assertThat(shell.run("env list").out()).doesNotContain("pytorch");
    }

    @Test
    void theDemoCarriesItsOwnCopyOfTheSeedCondaFile() throws Exception {
        assertThat(Files.readString(SCRIPT.resolveSibling("env.yml"), StandardCharsets.UTF_8))
                .isEqualTo(
                        Files.readString(Path.of("src/test/resources/seed-pytorch/env.yml"), StandardCharsets.UTF_8));
    }

    private static String expected(String file, String envName) throws Exception {
        return Files.readString(Path.of("src/test/resources/seed-pytorch", file), StandardCharsets.UTF_8)
                .replace("{ENV}", envName);
    }
}

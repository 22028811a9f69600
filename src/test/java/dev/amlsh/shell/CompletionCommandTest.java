package dev.amlsh.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code completion SHELL} prints the repository's completion script, bundled into the jar, byte for byte. */
class CompletionCommandTest {

    private final Shell shell = new Shell(Path.of("."));

    @ParameterizedTest
    @CsvSource({"bash, completions/bash/amlsh", "zsh, completions/zsh/_amlsh", "fish, completions/fish/amlsh.fish"})
    void printsTheRepositoryScriptAloneOnStdout(String name, String file) throws Exception {
        Shell.Result r = shell.main("", "completion", name);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out().getBytes(StandardCharsets.UTF_8)).isEqualTo(Files.readAllBytes(Path.of(file)));
    }

    @Test
    void anotherShellIsAUsageErrorNamingTheShellsThereAre() {
        Shell.Result r = shell.main("", "completion", "tcsh");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("error: 'tcsh' is not a shell amlsh has completion for: use bash, zsh or fish");
        assertThat(shell.main("", "completion").code()).isEqualTo(2);
    }

    @Test
    void jsonCarriesTheShellAndTheScript() throws Exception {
        Shell.Result r = shell.main("", "-o", "json", "completion", "fish");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("{\n  \"shell\": \"fish\",\n  \"script\": \"");
    }
}

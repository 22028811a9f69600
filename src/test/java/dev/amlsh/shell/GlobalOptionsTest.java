package dev.amlsh.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amlsh.shell.api.ExitCode;
import dev.amlsh.shell.api.ShellIO;
import dev.amlsh.shell.launch.AmlshRunner;
import dev.amlsh.workspace.sqlite.FileWorkspaceCatalog;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the global options of a line do, on real workspace files: in a one-shot run they hold for the
 * run; at the prompt and in scripts (both run lines through {@code CommandRunner.runLine}) for their
 * one line, before or after the command. Issue 9: {@code amlsh env list --workspace :temp:} and
 * {@code -o json env list} in a script were usage errors.
 */
class GlobalOptionsTest {

    @TempDir
    Path dir;

    Path home;

    record Result(int code, String out, String err) {}

    @BeforeEach
    void setUp() throws Exception {
        home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(dir.resolve("env.yml"), "dependencies:\n  - python=3.10\n", StandardCharsets.UTF_8);
    }

    Result amlsh(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ShellIO io = new ShellIO(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out),
                new PrintWriter(err),
                Map.of(),
                dir,
                false,
                false);
        ExitCode code = new AmlshRunner(Shell.commands(), env -> new FileWorkspaceCatalog(home, Clock.systemUTC()))
                .run(List.of(args), io);
        return new Result(code.code(), out.toString(), err.toString());
    }

    @Test
    void oneShotTakesLineOptionsAfterTheCommand() {
        assertThat(amlsh("", "env", "create", "kept", "--conda-file", "env.yml").code())
                .isZero();
        Result temp = amlsh("", "env", "list", "--workspace", ":temp:");
        assertThat(temp.code()).as(temp.err()).isZero();
        assertThat(temp.out()).startsWith("no environments yet");
        assertThat(amlsh("", "env", "list", "-o", "json").out()).contains("\"name\": \"kept\"");
        Result readOnly = amlsh("", "env", "create", "other", "--read-only");
        assertThat(readOnly.code()).isEqualTo(3);
    }

    @Test
    void inAScriptALinesOptionsHoldForThatLineOnly() {
        assertThat(amlsh("", "workspace", "create", "side").code()).isZero();
        Result r = amlsh("""
                env create a --conda-file env.yml
                -o json env list
                env list
                --workspace side env create b --conda-file env.yml
                env list --workspace=side -o json
                env list
                """);
        assertThat(r.code()).as(r.err()).isZero();
        // JSON on the two lines that asked for it (a from default, then b from side), text tables on the others
        assertThat(r.out().split("\"name\": \"a\"", -1)).hasSize(2);
        assertThat(r.out().split("\"name\": \"b\"", -1)).hasSize(2);
        assertThat(r.out().split("(?m)^NAME +DRAFT", -1)).hasSize(3);
        Result side = amlsh("", "--workspace", "side", "env", "list", "-o", "json");
        assertThat(side.out()).contains("\"name\": \"b\"").doesNotContain("\"name\": \"a\"");
        Result main = amlsh("", "env", "list", "-o", "json");
        assertThat(main.out()).contains("\"name\": \"a\"").doesNotContain("\"name\": \"b\"");
    }

    @Test
    void readOnlyOnOneLineDoesNotStickToTheNext() {
        Result r = amlsh("""
                env create a --conda-file env.yml
                --read-only env create b --conda-file env.yml
                env create c --conda-file env.yml
                env list
                """, "--continue-on-error");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("<stdin>:2: error:");
        assertThat(r.out())
                .containsPattern("(?m)^a ")
                .containsPattern("(?m)^c ")
                .doesNotContainPattern("(?m)^b ");
    }

    @Test
    void launchOptionsAreRefusedOnALine() {
        Result r = amlsh("--echo env list\n");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("<stdin>:1: error: option --echo is for starting amlsh");
    }
}

package dev.amlsh.interactive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 at the prompt, in a real terminal (tmux): a script that runs itself, Ctrl-C during a
 * long script, and escape sequences from a file shown escaped. The shell must stay, say what
 * happened in one line, and leave the workspace whole.
 */
class HostileInteractiveIT extends AtATerminal {

    @BeforeEach
    void condaFile() throws IOException {
        Files.writeString(
                cwd.resolve("env.yml"), "dependencies:\n  - python=3.10\n  - numpy\n", StandardCharsets.UTF_8);
    }

    @Test
    void aScriptThatRunsItselfIsAnErrorAndThePromptStays() throws IOException {
        Files.writeString(
                cwd.resolve("self.amlsh"), "echo one\nscript self.amlsh\necho never\n", StandardCharsets.UTF_8);
        Tmux.Pane shell = startShell();
        run(shell, "script self.amlsh", 2);
        run(shell, "echo still-here", 3);
        String screen = shell.screen();
        assertThat(screen)
                .contains("self.amlsh:2: error: script runs itself (self.amlsh \u2192 self.amlsh)", "still-here")
                .doesNotContain("StackOverflowError", "Exception", "\tat ", "never");
        exit(shell);
    }

    @Test
    void ctrlCStopsALongScriptAtALineAndThePromptComesBack() throws Exception {
        StringBuilder script = new StringBuilder();
        int n = 400;
        for (int i = 1; i <= n; i++) {
            script.append("env create d").append(i).append(" --conda-file env.yml\n");
            script.append("env register d").append(i).append('\n');
        }
        Files.writeString(cwd.resolve("long.amlsh"), script, StandardCharsets.UTF_8);
        Tmux.Pane shell = startShell();
        shell.type("script long.amlsh");
        shell.waitForInput("script long.amlsh");
        shell.press("Enter");
        shell.waitFor("a few registrations", s -> s.contains("registered d5:1"));
        shell.press("C-c");
        String screen =
                shell.waitFor("'interrupted' and the prompt", s -> s.contains("interrupted") && Tmux.prompts(s) >= 2);
        run(shell, "echo after-interrupt", 3);
        exit(shell);
        assertThat(screen).doesNotContain("Exception", "\tat ", "error:");
        assertThat(screen.lines().filter(l -> l.contains("interrupted")).count())
                .as("one 'interrupted' line")
                .isEqualTo(1);
        assertThat(shell.screen()).contains("after-interrupt").doesNotContain("registered d" + n + ":1");

        Path workspace = home.resolve("workspaces").resolve("default.amlsh");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + workspace);
                ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("ok");
        }
        // every registration is whole: the names registered are d1..dK with version 1, and no more
        int registered = 0;
        for (int i = 1; i <= n; i++) {
            Amlsh.Result versions = oneShot("env", "versions", "d" + i, "-o", "json");
            if (versions.code() != 0) {
                break;
            }
            assertThat(versions.out())
                    .as("versions of d%d", i)
                    .contains("\"1\"")
                    .doesNotContain("\"2\"");
            registered++;
        }
        assertThat(registered).isBetween(5, n - 1);
        Amlsh.Result next = oneShot("env", "versions", "d" + (registered + 2));
        assertThat(next.code())
                .as("nothing registered after the gap: %s", next.out())
                .isNotZero();
    }

    @Test
    void escapeSequencesFromAFileAreShownEscaped() throws IOException {
        Files.writeString(
                cwd.resolve("evil.yml"),
                "dependencies:\n  - python=3.10\n  - \"\\e[31mnumpy\"\n",
                StandardCharsets.UTF_8);
        Files.writeString(
                cwd.resolve("names.amlsh"),
                "env create y --conda-file \"\u001b[31mred.yml\"\n",
                StandardCharsets.UTF_8);
        Tmux.Pane shell = startShell();
        run(shell, "env create x --conda-file evil.yml", 2);
        run(shell, "script names.amlsh", 3);
        String screen = shell.screen();
        exit(shell);
        assertThat(screen)
                .contains(
                        "'\\x1b[31mnumpy' is not a conda package: it holds the control character \\x1b",
                        "names.amlsh:1: error: \\x1b[31mred.yml: no such file");
    }
}

package dev.amlsh.interactive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real shell at a real terminal: the packaged jar runs in tmux, keys are sent with
 * {@code send-keys} and the screen is read with {@code capture-pane}, polling with a timeout
 * ({@link AtATerminal}). What the shell did to the workspace is checked afterwards by one-shot runs of the same jar.
 */
class InteractiveShellIT extends AtATerminal {

    private Path conda;

    @BeforeEach
    void condaFile() throws IOException {
        conda = temp.resolve("env.yml");
        Files.writeString(conda, """
                name: project
                channels:
                  - conda-forge
                dependencies:
                  - python=3.10
                  - numpy
                """, StandardCharsets.UTF_8);
    }

    @Test
    void tabCompletesAnEnvironmentCreatedByAnotherProcessAfterTheShellStarted() {
        Tmux.Pane shell = startShell();

        // before it exists, TAB has nothing to offer: the typed word stays as it is
        shell.type("env show late");
        shell.press("Tab");
        shell.type("Q");
        shell.waitForInput("env show lateQ");
        shell.press("C-u");
        shell.waitForInput("");

        Amlsh.Result created = oneShot("env", "create", "late-arrival", "--conda-file", conda.toString());
        assertThat(created.code()).as(created.err()).isZero();

        shell.type("env show late");
        shell.press("Tab");
        shell.waitForInput("env show late-arrival");
        shell.press("Enter");
        shell.waitForPrompts(2);
        String screen = shell.screen();
        assertThat(screen).doesNotContain("error:");
        assertThat(screen.substring(screen.indexOf("]> env show late-arrival"))).contains("late-arrival", "numpy");

        // issue 9: a line's global options before the command hold for that line only
        shell.type("-o json env list");
        shell.press("Enter");
        shell.waitFor("the JSON list", s -> s.contains("\"name\": \"late-arrival\"") && Tmux.prompts(s) >= 3);
        shell.type("env list");
        shell.press("Enter");
        shell.waitFor(
                "the text list after it", s -> s.lines().anyMatch(l -> l.startsWith("NAME")) && Tmux.prompts(s) >= 4);
        assertThat(shell.screen()).doesNotContain("error:");

        shell.type("exit");
        shell.press("Enter");
        assertThat(shell.waitForExit()).isZero();
    }

    @Test
    void ctrlCDropsAHalfTypedRegisterWithoutRunningIt() {
        Amlsh.Result created = oneShot("env", "create", "x", "--conda-file", conda.toString());
        assertThat(created.code()).as(created.err()).isZero();
        Tmux.Pane shell = startShell();

        shell.type("env register x");
        shell.waitForInput("env register x");
        shell.press("C-c");
        // the shell is still there, on a fresh empty line (JLine handles Ctrl-C as a signal, so
        // wait for the new prompt before typing on)
        shell.waitForPrompts(2);
        shell.waitForInput("");
        shell.type("echo after-ctrl-c");
        shell.waitForInput("echo after-ctrl-c");
        shell.press("Enter");
        shell.waitFor(
                "the echo's output", s -> s.lines().anyMatch(l -> l.strip().equals("after-ctrl-c")));
        shell.type("exit");
        shell.press("Enter");
        assertThat(shell.waitForExit()).isZero();
        assertThat(shell.screen()).doesNotContain("registered").doesNotContain("error:");

        Amlsh.Result versions = oneShot("env", "versions", "x");
        assertThat(versions.code())
                .as("env versions x after Ctrl-C: %s%s", versions.out(), versions.err())
                .isEqualTo(1);
        assertThat(versions.err()).contains("no registered versions of 'x'");
        // and the first registration really is the first: version 1
        Amlsh.Result registered = oneShot("env", "register", "x");
        assertThat(registered.code()).as(registered.err()).isZero();
        assertThat(registered.out()).contains("x:1");
    }

    @Test
    void historyIsKeptUnderAmlshHomeAcrossSessions() throws IOException {
        Tmux.Pane first = startShell();
        first.type("echo remembered-line");
        first.press("Enter");
        first.waitFor(
                "the echo's output", s -> s.lines().anyMatch(l -> l.strip().equals("remembered-line")));
        first.type("exit");
        first.press("Enter");
        assertThat(first.waitForExit()).isZero();

        assertThat(home.resolve("history")).content(StandardCharsets.UTF_8).contains("echo remembered-line");
        try (Stream<Path> files = Files.list(cwd)) {
            assertThat(files.toList())
                    .as("files the shell left in its working directory")
                    .isEmpty();
        }

        Tmux.Pane second = startShell();
        second.press("Up");
        second.waitForInput("exit");
        second.press("Up");
        second.waitForInput("echo remembered-line");
        second.press("Enter");
        second.waitFor(
                "the recalled line's output",
                s -> s.lines().filter(l -> l.strip().equals("remembered-line")).count() >= 1 && Tmux.prompts(s) >= 2);
        second.type("history");
        second.press("Enter");
        List<String> lines = second.waitFor("the history listing", s -> Tmux.prompts(s) >= 3)
                .lines()
                .toList();
        assertThat(lines).anyMatch(l -> l.contains("echo remembered-line") && !Tmux.isPrompt(l));
        second.type("exit");
        second.press("Enter");
        assertThat(second.waitForExit()).isZero();
    }

    /** Issue 12, the first hour: where a command writes is always on the screen; a new user learns how to ask. */
    @Test
    void thePromptNamesTheWorkspaceAndANewUsersFirstPromptSaysHowToGetHelp() throws IOException {
        Files.createDirectories(cwd.resolve("class"));
        Amlsh.Result created = oneShot("workspace", "create", "./class/course.amlsh");
        assertThat(created.code()).as(created.err()).isZero();

        Tmux.Pane shell = startShell();
        List<String> first = shell.lines();
        assertThat(first)
                .contains("New to amlsh? Type 'help' for the commands, 'COMMAND --help' for one of them, TAB to"
                        + " complete; 'exit' or Ctrl-D leaves.");
        assertThat(Tmux.lastLine(shell.screen())).isEqualTo("amlsh [default]>");

        // TAB completes a workspace file's path as well as the names
        shell.type("workspace use ./class/co");
        shell.press("Tab");
        shell.waitForInput("workspace use ./class/course.amlsh");
        shell.press("C-u");
        shell.waitForInput("");
        run(shell, "workspace use ./class/course.amlsh", 2);
        assertThat(Tmux.lastLine(shell.screen())).isEqualTo("amlsh [course.amlsh]>");
        run(shell, "set workspace :temp:", 3);
        assertThat(Tmux.lastLine(shell.screen())).isEqualTo("amlsh [:temp:]>");
        // a line's own --workspace holds for that line only: the prompt stays
        run(shell, "env list --workspace default", 4);
        assertThat(Tmux.lastLine(shell.screen())).isEqualTo("amlsh [:temp:]>");
        exit(shell);

        // the next start: history exists, so no hint; 'workspace use' was remembered, 'set workspace' was not
        Tmux.Pane again = startShell();
        String screen = again.screen();
        assertThat(screen).doesNotContain("New to amlsh?");
        assertThat(Tmux.lastLine(screen)).isEqualTo("amlsh [course.amlsh]>");
        exit(again);

        Tmux.Pane reading = start("--read-only");
        reading.waitForPrompts(1);
        assertThat(Tmux.lastLine(reading.screen())).isEqualTo("amlsh [course.amlsh, read-only]>");
        exit(reading);
    }

    /** Help shows 'amlsh env dockerfile REF > Dockerfile' for the system shell; typed here, it is explained. */
    @Test
    void aRedirectionAtThePromptSaysItBelongsToTheSystemShell() throws IOException {
        Amlsh.Result created = oneShot("env", "create", "x", "--conda-file", conda.toString());
        assertThat(created.code()).as(created.err()).isZero();
        Tmux.Pane shell = startShell();
        run(shell, "env dockerfile x > Dockerfile", 2);
        run(shell, "env add-pip x numpy>=1.2", 3);
        String screen = shell.screen();
        exit(shell);
        assertThat(screen)
                .contains(
                        "error: '>' is an output redirection of the system shell, and amlsh has none; run the line"
                                + " from your system shell as one command:",
                        "  amlsh env dockerfile x > Dockerfile")
                .doesNotContain("FROM ");
        assertThat(cwd.resolve("Dockerfile")).doesNotExist();
        assertThat(oneShot("env", "show", "x", "-o", "json").out()).contains("numpy>=1.2");
    }
}

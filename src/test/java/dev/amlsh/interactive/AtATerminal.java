package dev.amlsh.interactive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every test of amlsh at a real terminal shares: a private tmux server ({@link Tmux}), a fresh {@code
 * AMLSH_HOME}, history folder and working folder per test, no colour, and the moves a person makes at the prompt (type
 * a line and wait for the next prompt, leave with {@code exit}). What the shell did is checked afterwards by one-shot
 * runs of the same jar ({@link #oneShot}). tmux comes from Debian's {@code tmux} package ({@code scripts/run-tests}
 * installs it).
 */
abstract class AtATerminal {

    @TempDir
    Path temp;

    Path home;
    Path cwd;
    Map<String, String> env;
    Tmux tmux;

    /**
     * Without tmux these tests fail rather than skip, so a green build always means the prompt was driven
     * (scripts/run-tests installs tmux); {@code -Damlsh.skipInteractive=true} skips them on purpose.
     */
    @BeforeAll
    static void needsTmux() {
        Assumptions.assumeFalse(
                Boolean.getBoolean("amlsh.skipInteractive"), "skipped on request (-Damlsh.skipInteractive)");
        if (!Tmux.available()) {
            throw new AssertionError("tmux is not installed, so the interactive tests cannot drive a terminal:"
                    + " apt-get install -y tmux (scripts/run-tests does), or -Damlsh.skipInteractive=true");
        }
    }

    @BeforeEach
    void startTmux() throws IOException {
        home = Files.createDirectories(temp.resolve("home"));
        cwd = Files.createDirectories(temp.resolve("work"));
        env = new HashMap<>();
        env.put("AMLSH_HOME", home.toString());
        env.put("XDG_STATE_HOME", temp.resolve("state").toString());
        env.put("NO_COLOR", "1");
        tmux = new Tmux(temp);
    }

    @AfterEach
    void stopTmux() {
        tmux.close();
    }

    /** The prompt, once it shows. */
    Tmux.Pane startShell() {
        Tmux.Pane pane = tmux.start(cwd, env, Amlsh.command());
        pane.waitForPrompts(1);
        return pane;
    }

    /** amlsh with these arguments in a new terminal (a script, a one-shot command), not waiting for anything. */
    Tmux.Pane start(String... args) {
        return tmux.start(cwd, env, Amlsh.command(args));
    }

    /** Any program in a new terminal, with the tests' environment. */
    Tmux.Pane startProgram(List<String> command) {
        return tmux.start(cwd, env, command);
    }

    /** Types {@code line}, presses Enter, and waits until the screen has shown {@code prompts} prompts in all. */
    static void run(Tmux.Pane shell, String line, int prompts) {
        shell.type(line);
        shell.waitForInput(line);
        shell.press("Enter");
        shell.waitForPrompts(prompts);
    }

    /** Leaves the prompt with {@code exit}: amlsh ends with 0. */
    static void exit(Tmux.Pane shell) {
        shell.type("exit");
        shell.press("Enter");
        assertThat(shell.waitForExit()).isZero();
    }

    Amlsh.Result oneShot(String... args) {
        return Amlsh.run(env, cwd, args);
    }
}

package dev.amlsh.interactive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, the first hour: the README's completion install lines work on a fresh account. Each shell's lines are
 * read from the README's {@code ```sh} block and run as written in a new {@code HOME} holding only what Debian gives a
 * new account ({@code /etc/skel}); then a new interactive shell of that kind, at a terminal, completes amlsh's commands
 * and the environment names of the workspace. bash needs Debian's {@code bash-completion} package (its loader reads
 * {@code ~/.local/share/bash-completion/completions}), zsh the {@code zsh} package; {@code scripts/run-tests} installs
 * both, and without them these tests fail rather than skip ({@code -Damlsh.skipInteractive=true} skips on purpose).
 */
class CompletionInstallIT extends AtATerminal {

    private Path freshHome;

    @BeforeEach
    void freshAccount() throws IOException {
        freshHome = Files.createDirectories(temp.resolve("fresh-home"));
        Path skel = Path.of("/etc/skel");
        if (Files.isDirectory(skel)) {
            try (Stream<Path> files = Files.list(skel)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(f, freshHome.resolve(f.getFileName()));
                }
            }
        }
        // 'amlsh' on the PATH, as the README asks (a link to scripts/amlsh); here the packaged jar
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path amlsh = bin.resolve("amlsh");
        StringBuilder wrapper = new StringBuilder("#!/bin/sh\nexec");
        for (String word : Amlsh.command()) {
            wrapper.append(" '").append(word.replace("'", "'\\''")).append('\'');
        }
        Files.writeString(amlsh, wrapper.append(" \"$@\"\n").toString(), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(amlsh, PosixFilePermissions.fromString("rwxr-xr-x"));
        env.put("HOME", freshHome.toString());
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        env.remove("XDG_STATE_HOME");
        Files.writeString(cwd.resolve("env.yml"), "dependencies:\n  - python=3.10\n", StandardCharsets.UTF_8);
        Amlsh.Result created = oneShot("env", "create", "bench", "--conda-file", "env.yml");
        assertThat(created.code()).as(created.err()).isZero();
    }

    /** The README's install lines for one shell: the lines under its {@code # SHELL} comment, up to a blank line. */
    static List<String> readmeLines(String shell) throws IOException {
        List<String> readme = Files.readAllLines(Amlsh.PROJECT.resolve("README.md"), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        boolean inSh = false;
        boolean inShell = false;
        for (String line : readme) {
            if (line.equals("```sh")) {
                inSh = true;
            } else if (line.startsWith("```")) {
                inSh = false;
                inShell = false;
            } else if (inSh && line.startsWith("# ")) {
                inShell = line.startsWith("# " + shell + ":") || line.equals("# " + shell);
            } else if (inSh && line.isBlank()) {
                inShell = false;
            } else if (inShell) {
                lines.add(line);
            }
        }
        assertThat(lines).as("README.md's install lines for " + shell).isNotEmpty();
        assertThat(String.join("\n", lines)).contains("amlsh completion " + shell);
        return lines;
    }

    private void install(String shell) throws IOException {
        String script = "set -e\n" + String.join("\n", readmeLines(shell)) + "\n";
        Amlsh.Result r = Amlsh.exec(List.of("sh", "-c", script), env, cwd);
        assertThat(r.code())
                .as("the README's %s install lines: %s", shell, r.err())
                .isZero();
    }

    private static void requireInstalled(String what, String check, String pkg) {
        Amlsh.Result r = Amlsh.exec(List.of("sh", "-c", check), Map.of(), Path.of("."));
        if (r.code() != 0) {
            throw new AssertionError(what + " is not installed, so the README's install lines cannot be checked:"
                    + " apt-get install -y " + pkg + " (scripts/run-tests does), or -Damlsh.skipInteractive=true");
        }
    }

    /** Types {@code typed}, presses TAB, and waits for the line to read {@code completed}. */
    private static void completes(Tmux.Pane shell, String prompt, String typed, String completed) {
        shell.type(typed);
        shell.press("Tab");
        shell.waitFor(
                "'" + typed + "' completed to '" + completed + "'",
                s -> Tmux.lastLine(s).equals(prompt + completed.stripTrailing()));
        shell.press("C-u");
    }

    @Test
    void bashCompletesAfterTheReadmesLinesWithBashCompletionInstalled() throws IOException {
        requireInstalled("bash-completion", "test -f /usr/share/bash-completion/bash_completion", "bash-completion");
        install("bash");
        assertThat(freshHome.resolve(".local/share/bash-completion/completions/amlsh"))
                .isRegularFile();

        Tmux.Pane bash = startProgram(List.of("bash", "-i"));
        bash.waitFor("the first bash prompt", s -> !Tmux.lastLine(s).isEmpty());
        bash.type("PS1='bash> '"); // skel's .bashrc sets its own prompt; this one is easy to find
        bash.press("Enter");
        bash.waitFor("the bash prompt", s -> Tmux.lastLine(s).equals("bash>"));
        completes(bash, "bash> ", "amlsh env dock", "amlsh env dockerfile ");
        completes(bash, "bash> ", "amlsh env show be", "amlsh env show bench ");
        leave(bash); // bash writes ~/.bash_history as it ends: before the folder is deleted, not during
    }

    /** fish is optional here, as in CompletionScriptsIT: checked when installed (Debian package {@code fish}). */
    @Test
    void fishCompletesAfterTheReadmesLines() throws IOException {
        Amlsh.Result fish = Amlsh.exec(List.of("sh", "-c", "command -v fish"), Map.of(), Path.of("."));
        Assumptions.assumeTrue(fish.code() == 0, "fish is not installed (apt-get install -y fish): not checked");
        install("fish");
        assertThat(freshHome.resolve(".config/fish/completions/amlsh.fish")).isRegularFile();
        // a new fish loads ~/.config/fish/completions/amlsh.fish on its own when amlsh is completed
        Amlsh.Result r = Amlsh.exec(List.of("fish", "-c", "complete -C'amlsh env show be'"), env, cwd);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().map(l -> l.split("\t")[0])).contains("bench");
    }

    private static void leave(Tmux.Pane shell) {
        shell.type("exit");
        shell.press("Enter");
        assertThat(shell.waitForExit()).isZero();
    }

    @Test
    void zshCompletesAfterTheReadmesLines() throws IOException {
        requireInstalled("zsh", "command -v zsh", "zsh");
        install("zsh");
        assertThat(freshHome.resolve(".zfunc/_amlsh")).isRegularFile();
        assertThat(freshHome.resolve(".zshrc")).content().contains("compinit");

        env.put("PS1", "zsh> ");
        Tmux.Pane zsh = startProgram(List.of("zsh", "-i"));
        zsh.waitFor("the zsh prompt", s -> Tmux.lastLine(s).equals("zsh>"));
        completes(zsh, "zsh> ", "amlsh env dock", "amlsh env dockerfile");
        completes(zsh, "zsh> ", "amlsh env show be", "amlsh env show bench");
        leave(zsh);
    }
}

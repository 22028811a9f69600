package dev.amlsh.interactive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The completion scripts in completions/ against the packaged jar: bash through its completion
 * function ({@code COMP_LINE}/{@code COMP_POINT} as bash sets them), fish through
 * {@code complete -C}, zsh at a real terminal in tmux. Environment names and versions come from a
 * workspace filled by one-shot runs. fish and zsh are checked when installed (Debian packages
 * {@code fish}, {@code zsh}); bash always.
 */
class CompletionScriptsIT {

    @TempDir
    Path temp;

    private Map<String, String> env;
    private Path work;

    @BeforeEach
    void workspace() throws IOException {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path amlsh = bin.resolve("amlsh");
        StringBuilder wrapper = new StringBuilder("#!/bin/sh\nexec");
        for (String word : Amlsh.command()) {
            wrapper.append(" '").append(word).append('\'');
        }
        Files.writeString(amlsh, wrapper.append(" \"$@\"\n").toString(), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(amlsh, PosixFilePermissions.fromString("rwxr-xr-x"));
        work = Files.createDirectories(temp.resolve("work"));
        Files.writeString(work.resolve("env.yml"), "dependencies:\n  - python=3.10\n", StandardCharsets.UTF_8);
        env = new HashMap<>();
        env.put("AMLSH_HOME", temp.resolve("home").toString());
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        env.put("NO_COLOR", "1");
        for (String[] command : List.of(
                new String[] {"env", "create", "bench", "--conda-file", "env.yml"},
                new String[] {"env", "register", "bench"},
                new String[] {"env", "create", "other", "--conda-file", "env.yml"})) {
            Amlsh.Result r = Amlsh.run(env, work, command);
            assertThat(r.code()).as(String.join(" ", command) + ": " + r.err()).isZero();
        }
    }

    private List<String> bash(String line) {
        String script = "source "
                + quote(Amlsh.PROJECT.resolve("completions/bash/amlsh").toString()) + "\n"
                + "complete -p amlsh >&2\n"
                + "COMP_LINE=" + quote(line) + "; COMP_POINT=${#COMP_LINE}; COMPREPLY=()\n"
                + "_amlsh\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Amlsh.Result r = Amlsh.exec(List.of("bash", "--norc", "--noprofile", "-c", script), env, work);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("complete -F _amlsh amlsh");
        return r.out().lines().filter(l -> !l.isEmpty()).sorted().toList();
    }

    @Test
    void bashCompletesCommandsOptionsAndWorkspaceNames() {
        assertThat(bash("amlsh ")).contains("env", "workspace", "curated", "help", "script", "echo", "version");
        assertThat(bash("amlsh env var ")).containsExactly("set", "unset");
        assertThat(bash("amlsh env dock")).containsExactly("dockerfile");
        assertThat(bash("amlsh env dockerfile ")).containsExactly("bench", "other");
        assertThat(bash("amlsh env dockerfile be")).containsExactly("bench");
        // bash splits words at ':', so the candidate is what follows the colon
        assertThat(bash("amlsh env show bench:")).containsExactly("1");
        assertThat(bash("amlsh --workspace default env show o")).containsExactly("other");
        assertThat(bash("amlsh env create x --"))
                .contains("--conda-file", "--base-image", "--python", "--output", "--help");
        assertThat(bash("amlsh env create x --conda-file e")).containsExactly("env.yml");
        assertThat(bash("amlsh -o ")).containsExactly("json", "text", "yaml");
        assertThat(bash("amlsh completion ")).containsExactly("bash", "fish", "zsh");
        assertThat(bash("amlsh env show bench -o ")).containsExactly("json", "text", "yaml");
        assertThat(bash("amlsh --no")).containsExactly("--no-color");
        assertThat(bash("amlsh env register bench --as ")).containsExactly("bench", "other");
        assertThat(bash("amlsh env label bench:1 ")).isEmpty(); // labels are free text
        // issue 9: global options of every line after the command too, and 'help' completes command names
        assertThat(bash("amlsh env show bench --wo")).containsExactly("--workspace");
        assertThat(bash("amlsh env list --workspace ")).contains("default", ":temp:");
        assertThat(bash("amlsh env show --workspace default ")).containsExactly("bench", "other");
        assertThat(bash("amlsh env show bench --read-only -o ")).containsExactly("json", "text", "yaml");
        assertThat(bash("amlsh help env v")).containsExactly("var", "versions");
        assertThat(bash("amlsh help env var ")).containsExactly("set", "unset");
        assertThat(bash("amlsh env --")).contains("--help", "--output").doesNotContain("--file");
    }

    @Test
    void theJarPrintsTheRepositoryScriptsItBundles() throws IOException {
        for (String[] shell : List.of(
                new String[] {"bash", "completions/bash/amlsh"},
                new String[] {"zsh", "completions/zsh/_amlsh"},
                new String[] {"fish", "completions/fish/amlsh.fish"})) {
            Amlsh.Result r = Amlsh.run(env, work, "completion", shell[0]);
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.err()).isEmpty();
            assertThat(r.out()).isEqualTo(Files.readString(Amlsh.PROJECT.resolve(shell[1]), StandardCharsets.UTF_8));
        }
        Amlsh.Result tcsh = Amlsh.run(env, work, "completion", "tcsh");
        assertThat(tcsh.code()).isEqualTo(2);
        assertThat(tcsh.out()).isEmpty();
    }

    private List<String> fish(String line) {
        String script = "source "
                + quote(Amlsh.PROJECT.resolve("completions/fish/amlsh.fish").toString()) + "; complete -C"
                + quote(line);
        Amlsh.Result r = Amlsh.exec(List.of("fish", "--no-config", "-c", script), env, work);
        assertThat(r.code()).as(r.err()).isZero();
        return r.out().lines().map(l -> l.split("\t")[0]).sorted().toList();
    }

    @Test
    void fishCompletesCommandsOptionsAndWorkspaceNames() {
        Assumptions.assumeTrue(
                installed("fish"), "fish is not installed (apt-get install -y fish): its completion is not checked");
        assertThat(fish("amlsh env var ")).containsExactly("set", "unset");
        assertThat(fish("amlsh env dockerfile ")).containsExactly("bench", "other");
        assertThat(fish("amlsh env show bench:")).containsExactly("bench:1");
        assertThat(fish("amlsh env create x --conda-file e")).containsExactly("env.yml");
        assertThat(fish("amlsh -o ")).containsExactly("json", "text", "yaml");
        assertThat(fish("amlsh completion ")).containsExactly("bash", "fish", "zsh");
        assertThat(fish("amlsh --no")).containsExactly("--no-color");
        assertThat(fish("amlsh env show bench --wo")).containsExactly("--workspace");
        assertThat(fish("amlsh env show --workspace default ")).containsExactly("bench", "other");
        assertThat(fish("amlsh help env var ")).containsExactly("set", "unset");
    }

    @Test
    void zshCompletesCommandsAndWorkspaceNamesAtATerminal() {
        Assumptions.assumeTrue(
                installed("zsh") && Tmux.available(),
                "zsh or tmux is not installed (apt-get install -y zsh tmux): zsh completion is not checked");
        Map<String, String> zshEnv = new HashMap<>(env);
        zshEnv.put("PS1", "zsh> ");
        String setup =
                "fpath=(" + Amlsh.PROJECT.resolve("completions/zsh") + " $fpath); autoload -U compinit; compinit -u -D";
        try (Tmux tmux = new Tmux(temp)) {
            for (String[] c : List.of(
                    new String[] {"amlsh env var ", "set", "unset"},
                    new String[] {"amlsh env dockerfile ", "bench", "other"},
                    new String[] {"amlsh env show bench:", "zsh> amlsh env show bench:1"},
                    new String[] {"amlsh env create x --conda-file e", "zsh> amlsh env create x --conda-file env.yml"},
                    new String[] {"amlsh help env var ", "set", "unset"},
                    new String[] {"amlsh env show bench --wo", "zsh> amlsh env show bench --workspace"})) {
                Tmux.Pane zsh = tmux.start(work, zshEnv, List.of("zsh", "-f"));
                zsh.waitFor("the zsh prompt", s -> s.contains("zsh>"));
                zsh.type(setup);
                zsh.press("Enter");
                zsh.waitFor(
                        "compinit",
                        s -> s.lines().filter(l -> l.startsWith("zsh>")).count() >= 2);
                zsh.type(c[0]);
                zsh.press("Tab");
                List<String> expected = Arrays.asList(c).subList(1, c.length);
                zsh.waitFor(
                        "completion of '" + c[0] + "' to " + expected,
                        s -> expected.stream().allMatch(e -> s.lines().anyMatch(l -> l.contains(e))));
            }
        }
    }

    private static boolean installed(String program) {
        Amlsh.Result r = Amlsh.exec(List.of("sh", "-c", "command -v " + program), Map.of(), Path.of("."));
        return r.code() == 0;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}

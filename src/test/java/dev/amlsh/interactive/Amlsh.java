package dev.amlsh.interactive;

import dev.amlsh.PackagedJar;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The packaged jar run as its own process ({@link PackagedJar}), and other programs the same way. */
final class Amlsh {

    static final Path PROJECT = PackagedJar.PROJECT;

    record Result(int code, String out, String err) {}

    private Amlsh() {}

    /** The command line that starts the shell (for tmux and for wrapper scripts). */
    static List<String> command(String... args) {
        return PackagedJar.command(List.of(), List.of(args));
    }

    /** Runs one command with this environment and working directory; stdin is empty. */
    static Result run(Map<String, String> env, Path cwd, String... args) {
        return exec(command(args), env, cwd);
    }

    /** Runs any program (the launcher, bash, fish) under the same rules: environment, time limit, empty stdin. */
    static Result exec(List<String> command, Map<String, String> env, Path cwd) {
        PackagedJar.Result r = PackagedJar.start(command, env, cwd, "", false).await();
        return new Result(r.code(), r.out(), r.err());
    }
}

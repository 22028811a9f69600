package dev.amlsh.shell.api;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * The streams and surroundings of one amlsh run, injected so that tests run commands over
 * {@code StringWriter}s. Only {@code main} builds one from {@code System.in/out/err}.
 */
public record ShellIO(
        InputStream in,
        PrintWriter out,
        PrintWriter err,
        Map<String, String> env,
        Path workingDirectory,
        boolean stdinIsTerminal,
        boolean stdoutIsTerminal) {

    public ShellIO {
        env = Map.copyOf(env);
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    /** {@code NO_COLOR} set to anything non-empty turns colour off (https://no-color.org). */
    public boolean noColorRequested() {
        String value = env.get("NO_COLOR");
        return value != null && !value.isEmpty();
    }
}

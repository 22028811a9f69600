package dev.amlsh.shell.cli;

import dev.amlsh.shell.api.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The shell completion scripts of completions/ as the jar carries them: the build copies
 * completions/bash/amlsh, completions/zsh/_amlsh and completions/fish/amlsh.fish under
 * {@code dev/amlsh/shell/completions/} (pom.xml), so the repository's files are the only copy.
 */
public final class CompletionScript {

    /** The shells there is a script for, in the order help and errors name them. */
    public static final List<String> SHELLS = List.of("bash", "zsh", "fish");

    private static final String FOLDER = "/dev/amlsh/shell/completions/";

    private CompletionScript() {}

    /** The script for {@code shell}, exactly as in completions/; another shell is a usage error (exit 2). */
    public static String text(String shell) {
        String file = switch (shell) {
            case "bash" -> "bash/amlsh";
            case "zsh" -> "zsh/_amlsh";
            case "fish" -> "fish/amlsh.fish";
            default ->
                throw new UsageException(
                        "'" + shell + "' is not a shell amlsh has completion for: use bash, zsh or fish", "completion");
        };
        try (InputStream in = CompletionScript.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("the " + shell + " completion script is missing from the jar ("
                        + FOLDER.substring(1) + file + "; pom.xml bundles completions/)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + shell + " completion script", e);
        }
    }
}

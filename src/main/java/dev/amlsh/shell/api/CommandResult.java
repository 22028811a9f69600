package dev.amlsh.shell.api;

import java.io.PrintWriter;
import java.util.Optional;

/**
 * What a command returns: a record (in the command's package) whose components are its JSON and YAML
 * shape, rendered through Jackson by the output layer, and which prints itself as text for people.
 * The shapes are documented in docs/COMMANDS.md and pinned by golden files.
 */
public interface CommandResult {

    /** A command that prints nothing in any format ({@code set output}, {@code clear}, {@code exit}). */
    CommandResult NONE = new PlainText("");

    /** The text for people ({@code -o text}, the default). */
    void printText(PrintWriter out);

    /**
     * A failure reported after the result is printed: the result is what the user asked to see, the
     * failure decides the exit code ({@code env lint} with failing findings, {@code env diff --exit-code}).
     */
    default Optional<RuntimeException> failure() {
        return Optional.empty();
    }
}

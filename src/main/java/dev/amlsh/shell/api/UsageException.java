package dev.amlsh.shell.api;

/**
 * A command line rejected before the domain ran (exit 2): unknown command, unknown or repeated
 * option, missing value or argument, a value outside a fixed set or shape. Values the domain has
 * rules for (names, versions, labels, references) are its to refuse, with exit 1.
 * {@code command} names the command whose synopsis helps, if any.
 */
public class UsageException extends RuntimeException {

    private final String command;

    public UsageException(String message) {
        this(message, null);
    }

    public UsageException(String message, String command) {
        super(message);
        this.command = command;
    }

    /** The command whose {@code --help} the error points to, or null. */
    public String command() {
        return command;
    }
}

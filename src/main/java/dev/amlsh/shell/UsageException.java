package dev.amlsh.shell;

/**
 * A command line rejected before the domain ran (exit 2): unknown command, unknown or malformed
 * option or value, missing argument. {@code usage} names the command whose synopsis helps, if any.
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

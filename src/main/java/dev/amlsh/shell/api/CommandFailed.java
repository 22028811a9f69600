package dev.amlsh.shell.api;

/**
 * A command failed and has already said why on stderr (a nested script stopped at a line): the
 * runner exits with {@code code} without printing another error.
 */
public class CommandFailed extends RuntimeException {

    private final ExitCode code;

    public CommandFailed(ExitCode code) {
        super(null, null, false, false);
        this.code = code;
    }

    public ExitCode code() {
        return code;
    }
}

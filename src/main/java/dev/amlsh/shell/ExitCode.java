package dev.amlsh.shell;

/**
 * amlsh's exit codes, the whole closed set. Documented in docs/COMMANDS.md and the README.
 * A script exits with the code of its first failing line.
 */
public enum ExitCode {
    /** The command did what was asked. */
    OK(0),
    /** The command ran and failed: not found, conflict, invalid input ({@code AmlshException}). */
    FAILED(1),
    /** Rejected before the domain ran: unknown command, unknown or malformed option or value, missing argument. */
    USAGE(2),
    /** The workspace cannot be used: busy, corrupt, foreign, or read-only for a write. */
    WORKSPACE_UNAVAILABLE(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The worse of two outcomes is the first failure; OK never wins over a failure. */
    public boolean failed() {
        return this != OK;
    }
}

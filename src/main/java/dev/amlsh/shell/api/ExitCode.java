package dev.amlsh.shell.api;

/**
 * amlsh's exit codes, the whole closed set. Documented in docs/COMMANDS.md and the README.
 * A script exits with the code of its first failing line.
 */
public enum ExitCode {
    /** The command did what was asked. */
    OK(0),
    /**
     * The command ran and the domain refused or failed ({@code AmlshException}): not found, conflict,
     * a broken or missing file, and invalid names, versions, labels and references (the domain's rules).
     */
    FAILED(1),
    /**
     * The command line itself is wrong, before the domain runs: unknown command, unknown or repeated
     * option, missing option value or argument, a value outside a fixed set or shape ({@code -o xml},
     * a boolean, {@code KEY=VALUE}, a pip version), excluded option pairs, unbalanced quotes.
     */
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

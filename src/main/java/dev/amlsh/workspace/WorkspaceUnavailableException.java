package dev.amlsh.workspace;

/**
 * The workspace cannot be used: busy past the timeout, corrupt, not an amlsh workspace, from a
 * newer amlsh, or read-only for a write. The shell maps it to exit code 3.
 */
public class WorkspaceUnavailableException extends RuntimeException {

    public WorkspaceUnavailableException(String message) {
        super(message);
    }

    public WorkspaceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

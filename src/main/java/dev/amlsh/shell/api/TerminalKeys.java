package dev.amlsh.shell.api;

import java.util.Optional;

/**
 * The user's terminal, for pacing a demo ({@code --step}, {@code pause}): it is asked even when the
 * script itself comes from a file or a pipe, and is absent when there is no one to wait for (CI, a
 * pipe at both ends), so a paced script runs straight through there.
 */
public interface TerminalKeys {

    /** No terminal: nothing waits. */
    TerminalKeys NONE = prompt -> Optional.empty();

    /**
     * Shows {@code prompt} on the terminal and reads one line typed there; empty when there is no terminal (or it
     * closed).
     */
    Optional<String> readLine(String prompt);

    /** Whether there is a terminal to wait on. */
    default boolean present() {
        return true;
    }
}

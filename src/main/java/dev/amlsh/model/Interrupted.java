package dev.amlsh.model;

/**
 * The user pressed Ctrl-C while a command ran at the prompt: the work stops at a safe point (between
 * script lines, before a commit), the unfinished write is rolled back, and the prompt comes back.
 * Not an {@link AmlshException}: it is no problem of the input, and prints as {@code interrupted}.
 */
public class Interrupted extends RuntimeException {

    public Interrupted() {
        super("interrupted");
    }

    /** Throws when the current thread was interrupted (the flag the prompt's Ctrl-C handler sets). */
    public static void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new Interrupted();
        }
    }
}

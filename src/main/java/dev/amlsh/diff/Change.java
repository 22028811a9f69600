package dev.amlsh.diff;

/**
 * One difference between two environments, on one field. {@code field} is a stable path such
 * as {@code conda.numpy}, {@code pip.torch}, {@code docker.baseImage}, {@code variables.KEY}.
 */
public sealed interface Change permits Change.Added, Change.Removed, Change.Changed {

    String field();

    /** Present only in the second environment. */
    record Added(String field, String value) implements Change {}

    /** Present only in the first environment. */
    record Removed(String field, String value) implements Change {}

    /** Present in both, with another value. */
    record Changed(String field, String before, String after) implements Change {}
}

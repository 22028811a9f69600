package dev.amlsh.model;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The one exception the domain throws for anything a user can get wrong or ask for in vain:
 * a bad file, an unknown environment, a broken rule, a version conflict. When the problem
 * sits in a file, {@link #location()} says where, so the edge can print a compiler-like
 * message with the source line and a caret.
 */
public class AmlshException extends RuntimeException {

    private final SourceLocation location;

    public AmlshException(String message) {
        this(message, null, null);
    }

    public AmlshException(String message, SourceLocation location) {
        this(message, location, null);
    }

    public AmlshException(String message, SourceLocation location, Throwable cause) {
        super(message, cause);
        this.location = location;
    }

    /** A problem with a whole file (missing, unreadable, empty), without a line. */
    public static AmlshException inFile(Path file, String message) {
        return new AmlshException(message, SourceLocation.of(file));
    }

    public Optional<SourceLocation> location() {
        return Optional.ofNullable(location);
    }

    /** The message without the location, as it appears after {@code FILE:LINE:COL: }. */
    public String problem() {
        return super.getMessage();
    }

    /** {@code file:line:column: problem}, or the bare problem when there is no place. */
    @Override
    public String getMessage() {
        return location == null ? problem() : location.describe() + ": " + problem();
    }
}

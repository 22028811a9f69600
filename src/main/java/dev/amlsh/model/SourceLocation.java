package dev.amlsh.model;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a problem sits in a user's file. Line and column are 1-based; 0 means "not known"
 * (a problem with the whole file). {@code sourceLine} is the text of that line, for a caret.
 */
public record SourceLocation(Path file, int line, int column, String sourceLine) {

    public SourceLocation {
        Objects.requireNonNull(file, "file");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column are 1-based, or 0 when unknown");
        }
    }

    public static SourceLocation of(Path file) {
        return new SourceLocation(file, 0, 0, null);
    }

    public static SourceLocation of(Path file, int line, int column, String sourceLine) {
        return new SourceLocation(file, line, column, sourceLine);
    }

    public boolean hasLine() {
        return line > 0;
    }

    /** {@code file}, {@code file:line} or {@code file:line:column}. */
    public String describe() {
        if (line == 0) {
            return file.toString();
        }
        return column == 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }
}

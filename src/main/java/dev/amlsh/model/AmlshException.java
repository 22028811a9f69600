package dev.amlsh.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The one exception the domain throws for anything a user can get wrong or ask for in vain:
 * a bad file, an unknown environment, a broken rule, a version conflict. When the problem
 * sits in a file, {@link #location()} says where, so the edge can print a compiler-like
 * message with the source line and a caret. A file with several problems gives one exception
 * that carries each of them ({@link #problems()}), as Azure ML's schema validation reports all
 * of a file's problems at once.
 */
public class AmlshException extends RuntimeException {

    private final SourceLocation location;
    private final List<AmlshException> problems;

    public AmlshException(String message) {
        this(message, null, null);
    }

    public AmlshException(String message, SourceLocation location) {
        this(message, location, null);
    }

    public AmlshException(String message, SourceLocation location, Throwable cause) {
        super(message, cause);
        this.location = location;
        this.problems = List.of();
    }

    private AmlshException(List<AmlshException> problems) {
        super(
                problems.size() + " problems: "
                        + String.join(
                                "; ",
                                problems.stream()
                                        .map(AmlshException::getMessage)
                                        .toList()),
                null);
        this.location = null;
        this.problems = List.copyOf(problems);
    }

    /**
     * The problems found together, as one exception: the problem itself when there is one, one
     * that carries each (in the order found) when there are several.
     */
    public static AmlshException all(List<AmlshException> found) {
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no problem to report");
        }
        return found.size() == 1 ? found.get(0) : new AmlshException(found);
    }

    /** Each problem this exception reports: itself, or the several it carries. */
    public List<AmlshException> problems() {
        return problems.isEmpty() ? List.of(this) : problems;
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

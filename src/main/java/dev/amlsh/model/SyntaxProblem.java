package dev.amlsh.model;

/**
 * A piece of text that breaks its grammar (a conda match spec, a pip requirement, an image
 * reference), with the 0-based offset of the character at fault. The grammars know nothing of
 * files: a reader that found the text at a line and column adds the offset to that column, so
 * the caret lands on the character at fault.
 */
public class SyntaxProblem extends AmlshException {

    private final String text;
    private final int offset;

    public SyntaxProblem(String text, int offset, String problem) {
        super(problem);
        this.text = text;
        this.offset = Math.max(0, Math.min(offset, text.length()));
    }

    /** The whole text that was checked, as given. */
    public String text() {
        return text;
    }

    /** Where in {@link #text()} the problem starts (0-based). */
    public int offset() {
        return offset;
    }

    /**
     * The message for an edit or option value, where there is no file to point at:
     * {@code 'TEXT' is not WHAT: problem}, with the text escaped; {@code what} has its article
     * ("a conda package", "an image reference").
     */
    public AmlshException as(String what) {
        return new AmlshException("'" + ControlCharacters.quoted(text.strip()) + "' is not " + what + ": " + problem());
    }

    /** The same message placed in a file: the caret goes to {@code column + offset}. */
    public AmlshException at(SourceLocation start, String what) {
        return placed(SourceLocation.of(start.file(), start.line(), start.column() + offset, start.sourceLine()), what);
    }

    /** The same message at a place the reader worked out itself (a problem on a continuation line). */
    public AmlshException placed(SourceLocation place, String what) {
        return new AmlshException(
                "'" + ControlCharacters.quoted(text.strip()) + "' is not " + what + ": " + problem(), place, this);
    }
}

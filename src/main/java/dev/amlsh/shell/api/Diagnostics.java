package dev.amlsh.shell.api;

import dev.amlsh.model.AmlshException;
import dev.amlsh.model.ControlCharacters;
import dev.amlsh.model.SourceLocation;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Writes errors, warnings and notes to stderr the one way amlsh does: {@code error: ...} first
 * ({@code SCRIPT:LINE: error: ...} in a script). A problem with a whole file (no line) names the
 * file on that first line, {@code error: FILE: problem}; a problem at a line of a file adds its
 * place, source line and a caret below, like a compiler. {@code --debug} adds the stack trace.
 * Colour only when the session has it. Every message is written with its control characters
 * escaped ({@link ControlCharacters#escapeLines}): a name, file or line from user input that
 * held an escape sequence is shown as {@code \x1b[...}, never sent raw to the terminal.
 */
public final class Diagnostics {

    private static final String RED = "\u001b[1;31m";
    private static final String YELLOW = "\u001b[1;33m";
    private static final String CYAN = "\u001b[36m";
    private static final String RESET = "\u001b[0m";
    /** The most of a source line shown under an error. */
    private static final int WINDOW = 160;

    private Diagnostics() {}

    public static void warning(Session session, String message) {
        session.out().flush(); // what the command printed so far comes first, as it happened
        session.err()
                .println(label(session, "warning:", YELLOW) + " "
                        + ControlCharacters.escapeLines(temporaryShown(session, message)));
        session.err().flush();
    }

    public static void note(Session session, String message) {
        session.out().flush();
        session.err()
                .println(label(session, "note:", CYAN) + " "
                        + ControlCharacters.escapeLines(temporaryShown(session, message)));
        session.err().flush();
    }

    /**
     * {@code where} is {@code FILE:LINE} in a script, else null. An exception that carries several
     * problems prints each, with its own place and caret.
     */
    public static void error(Session session, String where, Throwable problem, boolean debug) {
        PrintWriter err = session.err();
        if (problem instanceof AmlshException a) {
            for (AmlshException one : a.problems()) {
                located(session, where, one);
            }
        } else {
            String message = problem.getMessage();
            if (!(problem instanceof UsageException)
                    && !(problem instanceof dev.amlsh.workspace.WorkspaceUnavailableException)) {
                message = "internal error: " + problem.getClass().getName() + (message == null ? "" : ": " + message)
                        + (debug ? "" : " (--debug shows the stack trace)");
            }
            err.println(prefix(where) + label(session, "error:", RED) + " "
                    + ControlCharacters.escapeLines(temporaryShown(session, message)));
        }
        if (debug) {
            problem.printStackTrace(err);
        }
        err.flush();
    }

    /** One domain problem: {@code error: ...}, then its place, source line and caret when it has a line. */
    private static void located(Session session, String where, AmlshException problem) {
        PrintWriter err = session.err();
        String message = problem.problem();
        SourceLocation at = problem.location().orElse(null);
        Path cwd = session.io().workingDirectory();
        if (at != null && !at.hasLine()) {
            message = shown(cwd, at.file()) + ": " + message;
        }
        err.println(prefix(where) + label(session, "error:", RED) + " "
                + ControlCharacters.escapeLines(temporaryShown(session, message)));
        if (at != null && at.hasLine()) {
            printLocation(err, cwd, at, session.temporaryFolderIfMade());
        }
    }

    /**
     * A file in the session's temporary folder is named as the script named it, {@code :temp:/NAME}, not by the
     * folder's random absolute path: the output is the same on every run, and says which file was meant.
     */
    private static String temporaryShown(Session session, String text) {
        Path folder = session.temporaryFolderIfMade();
        return text == null || folder == null ? text : temporaryShown(folder, text);
    }

    private static String temporaryShown(Path folder, String text) {
        return text.replace(folder + "/", Call.TEMPORARY_PREFIX).replace(folder.toString(), ":temp:");
    }

    private static String prefix(String where) {
        return where == null ? "" : ControlCharacters.escape(where) + ": ";
    }

    /** {@code --> FILE:LINE:COL}, then the source line and a caret under the column. */
    static void printLocation(PrintWriter err, Path workingDirectory, SourceLocation at, Path temporaryFolder) {
        String place = new SourceLocation(
                        Path.of(shown(workingDirectory, at.file())), at.line(), at.column(), at.sourceLine())
                .describe();
        if (temporaryFolder != null) {
            place = temporaryShown(temporaryFolder, place);
        }
        err.println("  --> " + ControlCharacters.escape(place));
        if (at.sourceLine() != null) {
            String number = Integer.toString(at.line());
            String gutter = " ".repeat(number.length() + 1);
            // an overlong line is shown as a window around the column, so the caret stays in view
            String line = at.sourceLine();
            int column = at.column();
            if (line.length() > WINDOW) {
                int from = Math.max(0, Math.min(column - 1 - WINDOW / 2, line.length() - WINDOW));
                int to = Math.min(line.length(), from + WINDOW);
                String head = from > 0 ? "..." : "";
                line = head + line.substring(from, to) + (to < at.sourceLine().length() ? "..." : "");
                column = column > 0 ? column - from + head.length() : 0;
            }
            err.println(gutter + " |");
            err.println(" " + number + " | " + shownLine(line));
            if (column > 0) {
                err.println(gutter + " | " + caretPad(line, column) + "^");
            }
        }
    }

    /**
     * A file as the user would type it: relative to the working folder when under it, and
     * {@code .} for the working folder itself (relativizing it gives an empty path).
     */
    static String shown(Path workingDirectory, Path file) {
        if (file.isAbsolute() && file.normalize().startsWith(workingDirectory)) {
            file = workingDirectory.relativize(file.normalize());
        }
        String text = file.toString();
        return text.isEmpty() ? "." : text;
    }

    /** The source line as printed: tabs kept (the caret pads with them), other control characters escaped. */
    private static String shownLine(String line) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            s.append(c == '\t' ? "\t" : ControlCharacters.escape(String.valueOf(c)));
        }
        return s.toString();
    }

    /**
     * Spaces up to the column, keeping tabs so the caret lines up under the character as {@link #shownLine} shows it.
     */
    private static String caretPad(String line, int column) {
        StringBuilder pad = new StringBuilder();
        for (int i = 0; i < column - 1 && i < line.length(); i++) {
            char c = line.charAt(i);
            pad.append(
                    c == '\t'
                            ? "\t"
                            : " "
                                    .repeat(ControlCharacters.escape(String.valueOf(c))
                                            .length()));
        }
        return pad.toString();
    }

    private static String label(Session session, String text, String colour) {
        return session.color() ? colour + text + RESET : text;
    }
}

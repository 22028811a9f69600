package dev.amlsh.shell.interactive;

import dev.amlsh.model.AmlshException;
import dev.amlsh.model.ControlCharacters;
import dev.amlsh.shell.api.Session;
import dev.amlsh.workspace.WorkspaceCatalog;
import dev.amlsh.workspace.WorkspaceUnavailableException;
import dev.amlsh.workspace.postgres.PostgresLocation;
import java.nio.file.Path;

/**
 * What the prompt says: {@code amlsh [WORKSPACE]> }, so a class always sees where a command will write. A
 * workspace is shown by its name, {@code :temp:}, a file's name ({@code course.amlsh}), or a server's host,
 * database and schema (never its user: the prompt may be on a projector); {@code --read-only} adds {@code , read-only}.
 */
final class Prompt {

    /** The one line a new user's first prompt gets (no history yet). */
    static final String FIRST_HINT =
            "New to amlsh? Type 'help' for the commands, 'COMMAND --help' for one of them, TAB to complete;"
                    + " 'exit' or Ctrl-D leaves.";

    private Prompt() {}

    /** The prompt for the session's workspace now (after {@code workspace use} or {@code set workspace} too). */
    static String of(Session session) {
        String selector = session.sessionWorkspace();
        try {
            return text(selector != null ? selector : session.catalog().current(), session.readOnly());
        } catch (WorkspaceUnavailableException | AmlshException e) {
            return "amlsh> "; // the config is unreadable: the next command says why
        }
    }

    static String text(String selector) {
        return text(selector, false);
    }

    /** With {@code --read-only} the prompt says so: a student sees why a write is refused before trying one. */
    static String text(String selector, boolean readOnly) {
        return "amlsh [" + ControlCharacters.escape(label(selector)) + (readOnly ? ", read-only" : "") + "]> ";
    }

    /** The workspace as the prompt shows it. */
    static String label(String selector) {
        String s = selector.strip();
        if (s.equals(WorkspaceCatalog.TEMPORARY)) {
            return s;
        }
        if (PostgresLocation.isUrl(s)) {
            try {
                PostgresLocation at = PostgresLocation.parse(s);
                return at.host() + (at.port() == null ? "" : ":" + at.port()) + "/" + at.database()
                        + (at.schema().equals("public") ? "" : "/" + at.schema());
            } catch (AmlshException e) {
                return "server";
            }
        }
        if (s.indexOf('/') >= 0) {
            Path name = Path.of(s).getFileName();
            return name == null ? s : name.toString();
        }
        return s;
    }
}

package dev.amlsh.shell.interactive;

import dev.amlsh.shell.api.ExitCode;
import dev.amlsh.shell.api.Session;
import dev.amlsh.shell.cli.CommandRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jline.reader.EndOfFileException;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp;

/**
 * The prompt. amlsh drives JLine directly rather than through Spring Shell 4.0.1's
 * {@code JLineShellRunner}, which exits on Ctrl-C, writes history to the working directory and
 * returns no exit codes. Here the prompt names the workspace ({@link Prompt}), Ctrl-C drops the half-typed
 * line, Ctrl-D and {@code exit} leave,
 * history lives under {@code $AMLSH_HOME} (else {@code $XDG_STATE_HOME/amlsh}), and lines are
 * split by the same tokenizer scripts use.
 */
public final class InteractiveShell {

    /** Held so that the setting stays: JLine logs through java.util.logging, which prints to stderr. */
    private static final Logger JLINE_LOG = Logger.getLogger("org.jline");

    private final CommandRunner commands;

    public InteractiveShell(CommandRunner commands) {
        this.commands = commands;
    }

    public ExitCode run(Session session) {
        JLINE_LOG.setLevel(Level.OFF);
        try (Terminal terminal =
                TerminalBuilder.builder().system(true).encoding("UTF-8").build()) {
            Path history = historyFile(session.io().env());
            boolean newUser = isEmpty(history); // read now: JLine loads and writes it later
            DefaultParser parser = new DefaultParser();
            parser.setEscapeChars(new char[] {'\\'});
            parser.setEofOnEscapedNewLine(true); // a trailing \ continues on a second prompt line, as in scripts
            parser.setEofOnUnclosedQuote(true);
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("amlsh")
                    .parser(parser)
                    .completer(new AmlshCompleter(commands.table(), session))
                    .variable(LineReader.HISTORY_FILE, history)
                    .variable(LineReader.HISTORY_SIZE, 1000)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .build();
            session.setHistory(() -> lines(reader.getHistory()));
            // While a command runs JLine is not reading, so Ctrl-C comes here: it interrupts the shell's
            // thread, and the command stops at its next safe point (between script lines, before a commit).
            Thread shell = Thread.currentThread();
            terminal.handle(Terminal.Signal.INT, signal -> shell.interrupt());
            session.setClearScreen(() -> {
                terminal.puts(InfoCmp.Capability.clear_screen);
                terminal.flush();
            });
            if (newUser) {
                // a new user (no history yet): one line on how to get help, before the first prompt
                terminal.writer().println(Prompt.FIRST_HINT);
                terminal.flush();
            }
            while (!session.exitRequested()) {
                String line;
                try {
                    line = reader.readLine(Prompt.of(session)); // read each time: 'workspace use' changes it
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C: the half-typed line is dropped, nothing runs
                } catch (EndOfFileException e) {
                    break; // Ctrl-D
                }
                commands.runLine(session, line, null);
                Thread.interrupted(); // a Ctrl-C that came after the command's last safe point is spent
            }
            reader.getHistory().save();
            return ExitCode.OK; // leaving the prompt is a success; each command's failure was shown as it happened
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isEmpty(Path file) {
        try {
            return !Files.exists(file) || Files.size(file) == 0;
        } catch (IOException e) {
            return false; // unreadable: not a sign of a new user
        }
    }

    private static List<String> lines(History history) {
        List<String> result = new ArrayList<>();
        history.forEach(entry -> result.add(entry.line()));
        return result;
    }

    /**
     * {@code $AMLSH_HOME/history}, else {@code $XDG_STATE_HOME/amlsh/history}, else {@code
     * $HOME/.local/state/amlsh/history}.
     */
    public static Path historyFile(Map<String, String> env) {
        Path file = historyPath(env);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            // history is a convenience: without a folder JLine keeps it in memory
        }
        return file;
    }

    static Path historyPath(Map<String, String> env) {
        Path dir;
        String home = env.get("AMLSH_HOME");
        String state = env.get("XDG_STATE_HOME");
        if (home != null && !home.isEmpty()) {
            dir = Path.of(home);
        } else if (state != null && !state.isEmpty()) {
            dir = Path.of(state, "amlsh");
        } else {
            // $HOME, as the shell and the workspaces read it; the JVM's user.home only when it is unset
            String user = env.get("HOME");
            dir = Path.of(
                    user != null && !user.isEmpty() ? user : System.getProperty("user.home"),
                    ".local",
                    "state",
                    "amlsh");
        }
        return dir.resolve("history");
    }
}

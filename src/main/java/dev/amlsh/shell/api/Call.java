package dev.amlsh.shell.api;

import dev.amlsh.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a handler sees while it runs: its command's words as the one parse step checked them against
 * its {@link CommandSpec} (positional words, and the options given, by long name as declared), and the
 * session (workspace, streams, output format, base folder) with the line's global options in force.
 */
public final class Call {

    private final CommandSpec spec;
    private final List<String> positionals;
    private final Map<String, String> options;
    private final Session session;

    public Call(CommandSpec spec, List<String> positionals, Map<String, String> options, Session session) {
        this.spec = spec;
        this.positionals = List.copyOf(positionals);
        this.options = Map.copyOf(options);
        this.session = session;
    }

    public CommandSpec command() {
        return spec;
    }

    public String arg(int index) {
        if (index >= positionals.size()) {
            throw new IllegalStateException(spec.name() + " has no argument " + index);
        }
        return positionals.get(index);
    }

    /** The words from {@code index} on (a variadic argument). */
    public List<String> rest(int index) {
        return index >= positionals.size() ? List.of() : positionals.subList(index, positionals.size());
    }

    /** The value of an option of this command ({@code "--conda-file"}), if given. */
    public Optional<String> option(String longName) {
        return Optional.ofNullable(options.get(declared(longName)));
    }

    public boolean flag(String longName) {
        return options.containsKey(declared(longName));
    }

    /** Whether any of the command's own options was given (global options such as {@code -o} do not count). */
    public boolean anyOption() {
        return !options.isEmpty();
    }

    /** A handler asks only for options its spec declares: a typo is a bug, not an absent option. */
    private String declared(String longName) {
        if (spec.options().stream().noneMatch(o -> o.longName().equals(longName))) {
            throw new IllegalStateException(spec.name() + " declares no option " + longName);
        }
        return longName;
    }

    public Session session() {
        return session;
    }

    public Workspace workspace() {
        return session.workspace();
    }

    public OutputFormat format() {
        return session.format();
    }

    /** The command's output: the session's stdout. */
    public PrintWriter out() {
        return session.out();
    }

    public PrintWriter err() {
        return session.err();
    }

    /**
     * A path as the user wrote it, resolved against the script's folder or the working directory; one
     * starting with {@code :temp:/} names a file in the session's temporary folder.
     */
    public Path path(String text) {
        return resolvePath(session, text);
    }

    /** {@link #path} for code that has a session but no call. */
    public static Path resolvePath(Session session, String text) {
        if (text.startsWith(TEMPORARY_PREFIX)) {
            Path folder = session.temporaryFolder();
            Path file =
                    folder.resolve(text.substring(TEMPORARY_PREFIX.length())).normalize();
            if (!file.startsWith(folder)) {
                throw new UsageException("'" + text + "' leaves the session's temporary folder");
            }
            return file;
        }
        return session.baseDirectory().resolve(text).normalize();
    }

    /**
     * How a written file is named back to the user: relative to the folder paths resolve against, or
     * {@code :temp:/NAME} in the session's temporary folder, so a script's output is the same on every run.
     */
    public String displayPath(Path file) {
        Path temporary = session.temporaryFolderIfMade();
        if (temporary != null && file.startsWith(temporary)) {
            return TEMPORARY_PREFIX + temporary.relativize(file).toString().replace('\\', '/');
        }
        Path base = session.baseDirectory();
        return (file.startsWith(base) ? base.relativize(file) : file).toString();
    }

    /** {@code :temp:/NAME}: a file in the session's temporary folder. */
    public static final String TEMPORARY_PREFIX = ":temp:/";

    public void warn(String message) {
        Diagnostics.warning(session, message);
    }

    public void note(String message) {
        Diagnostics.note(session, message);
    }
}

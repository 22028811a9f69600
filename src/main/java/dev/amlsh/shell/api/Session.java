package dev.amlsh.shell.api;

import dev.amlsh.model.AmlshException;
import dev.amlsh.workspace.Workspace;
import dev.amlsh.workspace.WorkspaceCatalog;
import dev.amlsh.workspace.WorkspaceStore;
import dev.amlsh.workspace.postgres.PostgresLocation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The state of one amlsh run: the session's options (given when amlsh started, changed by
 * {@code set output} and {@code workspace use}), the options of the line running now (they hold for
 * that line only), the workspace (opened on first use), and the folder relative paths resolve against
 * (a script's own folder while it runs). Drafts are not here: they live in the workspace, so one-shot
 * commands compose.
 */
public final class Session implements AutoCloseable {

    private final ShellIO io;
    private final Supplier<WorkspaceCatalog> catalogs;
    private WorkspaceCatalog catalog;
    private LineOptions options;
    private LineOptions line = LineOptions.NONE;
    private Path baseDirectory;
    private Workspace workspace;
    private Opened lineWorkspace;
    private final List<String> ranLines = new java.util.ArrayList<>();
    private Supplier<List<String>> history = () -> List.copyOf(ranLines);
    /** The script files running now, outermost first: a script that runs one of them runs itself. */
    private final java.util.Deque<Path> scripts = new java.util.ArrayDeque<>();

    private boolean exitRequested;
    private Runnable clearScreen = () -> {};
    private TerminalKeys keys = TerminalKeys.NONE;
    private Path temporaryFolder;
    private int scriptDepth;
    private boolean scriptsStopped;
    /** The session's workspace before each running script's {@code set workspace}, by script depth. */
    private final Map<Integer, String> workspaceBeforeScript = new HashMap<>();

    public Session(ShellIO io, Supplier<WorkspaceCatalog> catalogs, LineOptions options) {
        this.io = io;
        this.catalogs = catalogs;
        this.baseDirectory = io.workingDirectory();
        this.options = withWorkspacePath(options);
    }

    /**
     * A workspace given as a relative path ({@code --workspace ./course.amlsh}) is a file in the folder paths resolve
     * against (the working directory, or a running script's folder), fixed when given.
     */
    private LineOptions withWorkspacePath(LineOptions given) {
        String selector = given.workspace();
        return selector == null ? given : given.withWorkspace(workspacePath(selector));
    }

    /**
     * A selector with {@code /} that is not a server URL is a file, resolved as any path ({@code :temp:/NAME} too);
     * names, {@code :temp:} and URLs are kept as given.
     */
    public String workspacePath(String selector) {
        String s = selector.strip();
        if (s.indexOf('/') < 0 || PostgresLocation.isUrl(s) || s.equals(WorkspaceCatalog.TEMPORARY)) {
            return selector;
        }
        return Call.resolvePath(this, s).toString();
    }

    public ShellIO io() {
        return io;
    }

    public PrintWriter out() {
        return io.out();
    }

    public PrintWriter err() {
        return io.err();
    }

    public WorkspaceCatalog catalog() {
        if (catalog == null) {
            catalog = catalogs.get();
        }
        return catalog;
    }

    /**
     * Runs the next command with this line's options over those in force (the session's, or those of
     * the {@code script} line a nested script runs in); closing the returned scope ends the line: a
     * workspace only this line named is closed (a {@code :temp:} one thrown away) and what held before
     * holds again.
     */
    public LineScope startLine(LineOptions given) {
        LineOptions previous = line;
        Opened previousWorkspace = lineWorkspace;
        line = withWorkspacePath(given).over(previous);
        return () -> {
            if (lineWorkspace != previousWorkspace) {
                lineWorkspace.workspace().store().close();
            }
            line = previous;
            lineWorkspace = previousWorkspace;
        };
    }

    /** The end of a line, as a scope that closes without checked exceptions. */
    @FunctionalInterface
    public interface LineScope extends AutoCloseable {
        @Override
        void close();
    }

    /** A workspace a line opened, and how. */
    private record Opened(String selector, boolean readOnly, Workspace workspace) {}

    /** What holds for the command running now: the line's options over the session's. */
    private LineOptions effective() {
        return line.over(options);
    }

    /**
     * The workspace the running command works in, opened on first use (so help and echo need none):
     * the session's, unless this line named another one or asked for it read-only.
     */
    public Workspace workspace() {
        LineOptions now = effective();
        if (Objects.equals(now.workspace(), options.workspace()) && now.readOnly() == options.readOnly()) {
            if (workspace == null) {
                workspace = new Workspace(catalog().open(options.workspace(), options.readOnly()));
            }
            return workspace;
        }
        if (lineWorkspace == null
                || !Objects.equals(lineWorkspace.selector(), now.workspace())
                || lineWorkspace.readOnly() != now.readOnly()) {
            // a nested line (a script run by a line that named a workspace) may name yet another one
            lineWorkspace = new Opened(
                    now.workspace(), now.readOnly(), new Workspace(catalog().open(now.workspace(), now.readOnly())));
        }
        return lineWorkspace.workspace();
    }

    /** Makes {@code selector} the session's workspace ({@code workspace use}); the open one is closed. */
    public void useWorkspace(String selector) {
        closeWorkspace();
        options = options.withWorkspace(selector);
    }

    /**
     * Closes the session's workspace file, if open (before {@code workspace delete} removes a file); reopened on use.
     */
    public void closeWorkspace() {
        if (workspace != null) {
            WorkspaceStore store = workspace.store();
            workspace = null;
            store.close();
        }
    }

    /**
     * What {@code --workspace} or {@code workspace use} chose for the running command; null means the catalog's current
     * one.
     */
    public String workspaceSelector() {
        return effective().workspace();
    }

    public boolean readOnly() {
        return effective().readOnly();
    }

    /** The output format of the running command: the line's {@code -o}, else the session's. */
    public OutputFormat format() {
        OutputFormat format = effective().output();
        return format == null ? OutputFormat.TEXT : format;
    }

    /** {@code set output}: the format of the following commands. */
    public void setFormat(OutputFormat value) {
        options = options.withOutput(value);
    }

    /** Colour only on a terminal, and never with {@code NO_COLOR} set or {@code --no-color}. */
    public boolean color() {
        return !effective().noColor() && !io.noColorRequested() && io.stdoutIsTerminal();
    }

    public boolean debug() {
        return effective().debug();
    }

    public Path baseDirectory() {
        return baseDirectory;
    }

    /** Sets the folder relative paths resolve against; returns the previous one to restore. */
    public Path enterDirectory(Path directory) {
        Path previous = baseDirectory;
        baseDirectory = directory;
        return previous;
    }

    /**
     * The commands of this run: the prompt's history at the prompt, else the lines this script
     * or one-shot command ran (never the user's personal prompt history).
     */
    public List<String> history() {
        return history.get();
    }

    /** Notes a line this run ran, for {@code history} in a script or one-shot command. */
    public void recordLine(String line) {
        ranLines.add(line);
    }

    /**
     * Enters a script file for the session (the guard is the session's, not one runner's: each
     * {@code script} command makes a new runner); throws when that file is already running.
     */
    public void enterScriptFile(Path file, String shown) {
        Path key = file.toAbsolutePath().normalize();
        if (scripts.contains(key)) {
            StringBuilder chain = new StringBuilder();
            for (Path running : scripts) {
                chain.append(shownScript(running)).append(" \u2192 ");
            }
            throw new dev.amlsh.model.AmlshException("script runs itself (" + chain + shown + ")");
        }
        scripts.addLast(key);
    }

    public void leaveScriptFile() {
        scripts.pollLast();
    }

    /** How many script files are running inside each other now. */
    public int scriptFileDepth() {
        return scripts.size();
    }

    private String shownScript(Path file) {
        Path cwd = io.workingDirectory();
        return file.startsWith(cwd) ? cwd.relativize(file).toString() : file.toString();
    }

    public void setHistory(Supplier<List<String>> value) {
        this.history = value;
    }

    public void setClearScreen(Runnable value) {
        this.clearScreen = value;
    }

    public void clearScreen() {
        clearScreen.run();
    }

    /** The terminal {@code --step} and {@code pause} wait on. */
    public TerminalKeys keys() {
        return keys;
    }

    public void setKeys(TerminalKeys value) {
        this.keys = value;
    }

    /**
     * The session's temporary folder, where {@code :temp:/} paths point: made on first use, removed
     * with everything in it when the session ends.
     */
    public Path temporaryFolder() {
        if (temporaryFolder == null) {
            try {
                temporaryFolder = Files.createTempDirectory("amlsh-session-");
            } catch (IOException e) {
                throw new AmlshException("cannot create the session's temporary folder: " + e.getMessage());
            }
        }
        return temporaryFolder;
    }

    /** The temporary folder if a {@code :temp:/} path made it, else null. */
    public Path temporaryFolderIfMade() {
        return temporaryFolder;
    }

    /**
     * The workspace the session works in ({@code --workspace}, {@code workspace use}, {@code set workspace}); null: the
     * catalog's current one.
     */
    public String sessionWorkspace() {
        return options.workspace();
    }

    /** The demo settings of a running script, which the scripts it runs ({@code script FILE}) inherit. */
    public record DemoMode(boolean narrate, boolean step) {
        public static final DemoMode NONE = new DemoMode(false, false);

        /** This script's own settings with those of the script that runs it. */
        public DemoMode with(DemoMode outer) {
            return new DemoMode(narrate || outer.narrate, step || outer.step);
        }
    }

    private final java.util.Deque<DemoMode> demoModes = new java.util.ArrayDeque<>();

    /** {@code --narrate}/{@code --step} of the innermost running script, or none. */
    public DemoMode demoMode() {
        return demoModes.isEmpty() ? DemoMode.NONE : demoModes.peekLast();
    }

    /** A script runs with {@code mode} (its own settings with its caller's) until {@link #leaveDemoMode}. */
    public void enterDemoMode(DemoMode mode) {
        demoModes.addLast(mode);
    }

    public void leaveDemoMode() {
        demoModes.pollLast();
    }

    /** A script starts: returns how deep scripts now nest (1 for one run from the prompt or the command line). */
    public int enterScript() {
        if (scriptDepth == 0) {
            scriptsStopped = false;
        }
        return ++scriptDepth;
    }

    /**
     * A script ends: a workspace its {@code set workspace} chose is closed (a {@code :temp:} one thrown away) and the
     * one before holds again.
     */
    public void leaveScript() {
        if (workspaceBeforeScript.containsKey(scriptDepth)) {
            useWorkspace(workspaceBeforeScript.remove(scriptDepth));
        }
        scriptDepth--;
    }

    /**
     * {@code set workspace}: the session works in {@code selector} for the rest of the running script
     * (at the prompt, for the rest of the session), and it is not remembered as the current workspace.
     */
    public void setWorkspace(String selector) {
        String before = options.workspace();
        useWorkspace(selector);
        try {
            workspace(); // opened now, so a missing workspace is this line's error
        } catch (RuntimeException e) {
            useWorkspace(before);
            throw e;
        }
        if (scriptDepth > 0) {
            workspaceBeforeScript.putIfAbsent(scriptDepth, before);
        }
    }

    /** q at a {@code --step} or {@code pause} wait: every running script stops (exit 0), the prompt goes on. */
    public void stopScripts() {
        scriptsStopped = true;
    }

    public boolean scriptsStopped() {
        return scriptsStopped;
    }

    public boolean exitRequested() {
        return exitRequested;
    }

    public void requestExit() {
        exitRequested = true;
    }

    @Override
    public void close() {
        try {
            closeWorkspace();
        } finally {
            deleteTemporaryFolder();
        }
    }

    private void deleteTemporaryFolder() {
        if (temporaryFolder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(temporaryFolder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            err().println("warning: cannot delete the session's temporary folder " + temporaryFolder + ": "
                    + e.getMessage());
        }
        temporaryFolder = null;
    }
}

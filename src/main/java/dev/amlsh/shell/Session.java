package dev.amlsh.shell;

import dev.amlsh.workspace.Workspace;
import dev.amlsh.workspace.WorkspaceCatalog;
import dev.amlsh.workspace.WorkspaceStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The state of one amlsh run: the workspace (opened on first use), the output format, colour and
 * debug settings, and the folder relative paths resolve against (a script's own folder while it
 * runs). Drafts are not here: they live in the workspace, so one-shot commands compose.
 */
public final class Session implements AutoCloseable {

    private final ShellIO io;
    private final Supplier<WorkspaceCatalog> catalogs;
    private WorkspaceCatalog catalog;
    private String workspaceSelector;
    private final boolean readOnly;
    private final boolean color;
    private OutputFormat format;
    private boolean debug;
    private Path baseDirectory;
    private WorkspaceStore store;
    private Workspace workspace;
    private Supplier<List<String>> history = List::of;
    private boolean exitRequested;
    private Runnable clearScreen = () -> {};

    public Session(ShellIO io, Supplier<WorkspaceCatalog> catalogs, LaunchOptions options, boolean color) {
        this.io = io;
        this.catalogs = catalogs;
        this.workspaceSelector = options.workspace();
        this.readOnly = options.readOnly();
        this.format = options.output();
        this.debug = options.debug();
        this.color = color;
        this.baseDirectory = io.workingDirectory();
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

    /** The workspace this run works in, opened on first use (so help and echo need none). */
    public Workspace workspace() {
        if (workspace == null) {
            store = catalog().open(workspaceSelector, readOnly);
            workspace = new Workspace(store);
        }
        return workspace;
    }

    /** Switches to another workspace for the rest of the run. */
    public void switchWorkspace(String selector) {
        closeStore();
        this.workspaceSelector = selector;
    }

    /** What {@code --workspace} or {@code workspace use} chose; null means the catalog's current one. */
    public String workspaceSelector() {
        return workspaceSelector;
    }

    public boolean readOnly() {
        return readOnly;
    }

    public OutputFormat format() {
        return format;
    }

    public void setFormat(OutputFormat value) {
        this.format = value;
    }

    public boolean color() {
        return color;
    }

    public boolean debug() {
        return debug;
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

    public List<String> history() {
        return history.get();
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

    public boolean exitRequested() {
        return exitRequested;
    }

    public void requestExit() {
        exitRequested = true;
    }

    private void closeStore() {
        if (store != null) {
            store.close();
        }
        store = null;
        workspace = null;
    }

    @Override
    public void close() {
        closeStore();
    }
}

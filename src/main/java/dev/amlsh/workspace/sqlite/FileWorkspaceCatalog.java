package dev.amlsh.workspace.sqlite;

import dev.amlsh.formats.AtomicFiles;
import dev.amlsh.model.AmlshException;
import dev.amlsh.model.EnvironmentName;
import dev.amlsh.workspace.WorkspaceCatalog;
import dev.amlsh.workspace.WorkspaceContent;
import dev.amlsh.workspace.WorkspaceStore;
import dev.amlsh.workspace.WorkspaceUnavailableException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The workspaces in {@code $AMLSH_HOME}: each is one SQLite file
 * {@code $AMLSH_HOME/workspaces/NAME.amlsh}; the current one is remembered as
 * {@code workspace=NAME} in {@code $AMLSH_HOME/config} (a properties file, replaced atomically).
 * {@code default} is created on first use.
 *
 * <p>Selectors: a workspace name (the environment-name rules), a path (any value with {@code /};
 * it must exist), or {@code :temp:}, a new workspace in a temporary folder that is deleted when
 * the store is closed.
 */
public final class FileWorkspaceCatalog implements WorkspaceCatalog {

    public static final String DEFAULT = "default";
    public static final String EXTENSION = ".amlsh";
    static final String CURRENT_KEY = "workspace";

    private final Path home;
    private final Clock clock;
    private final int busyTimeoutMillis;

    public FileWorkspaceCatalog(Path home, Clock clock) {
        this(home, clock, SqliteWorkspaceStore.DEFAULT_BUSY_TIMEOUT_MILLIS);
    }

    public FileWorkspaceCatalog(Path home, Clock clock, int busyTimeoutMillis) {
        this.home = home.toAbsolutePath().normalize();
        this.clock = clock;
        this.busyTimeoutMillis = busyTimeoutMillis;
    }

    public Path workspacesDir() {
        return home.resolve("workspaces");
    }

    public Path configFile() {
        return home.resolve("config");
    }

    /** The file of a named workspace (whether or not it exists). */
    public Path fileOf(String name) {
        return workspacesDir().resolve(requireValidName(name) + EXTENSION);
    }

    @Override
    public WorkspaceStore open(String selector, boolean readOnly) {
        String s = selector == null ? current() : selector.strip();
        if (s.equals(TEMPORARY)) {
            return openTemporary(readOnly);
        }
        if (isPath(s)) {
            Path file = Path.of(s);
            if (!Files.exists(file)) {
                throw new WorkspaceUnavailableException("no workspace file " + file
                        + " (a --workspace value with '/' is a path; create it with 'workspace create " + s + "')");
            }
            return SqliteWorkspaceStore.open(file, displayName(file), readOnly, clock, busyTimeoutMillis);
        }
        Path file = fileOf(s);
        if (!Files.exists(file)) {
            if (!s.equals(DEFAULT)) {
                throw new WorkspaceUnavailableException("no workspace named " + s
                        + " (create it with 'workspace create " + s + "'; 'workspace list' shows those there are)");
            }
            createIfMissing(file, s);
        }
        return SqliteWorkspaceStore.open(file, s, readOnly, clock, busyTimeoutMillis);
    }

    private WorkspaceStore openTemporary(boolean readOnly) {
        Path dir;
        try {
            dir = Files.createTempDirectory("amlsh-temp-");
        } catch (IOException e) {
            throw new WorkspaceUnavailableException("cannot create a temporary workspace: " + e.getMessage(), e);
        }
        Path file = dir.resolve("temp" + EXTENSION);
        SqliteWorkspaceStore store;
        try {
            SqliteWorkspaceStore.create(file, TEMPORARY);
            store = SqliteWorkspaceStore.open(file, TEMPORARY, readOnly, clock, busyTimeoutMillis);
        } catch (RuntimeException e) {
            deleteTree(dir);
            throw e;
        }
        store.onClose(() -> deleteTree(dir));
        return store;
    }

    @Override
    public String current() {
        Properties config = readConfig();
        String name = config.getProperty(CURRENT_KEY);
        if (name == null || name.isBlank()) {
            return DEFAULT;
        }
        return name.strip();
    }

    /** A name, or a workspace file's path (remembered absolute; it must open, so a wrong file is said now). */
    @Override
    public void use(String name) {
        if (isPath(name)) {
            Path file = Path.of(name).toAbsolutePath().normalize();
            open(file.toString(), false).close();
            remember(file.toString());
            return;
        }
        Path file = fileOf(name);
        if (!Files.exists(file)) {
            if (!name.equals(DEFAULT)) {
                throw new AmlshException(
                        "no workspace named " + name + " (create it with 'workspace create " + name + "')");
            }
            createIfMissing(file, name);
        }
        Properties config = readConfig();
        config.setProperty(CURRENT_KEY, name);
        writeConfig(config);
    }

    /**
     * Remembers a workspace that is not a file here (a server URL) as the current one; the caller
     * has checked that it opens.
     */
    public void remember(String selector) {
        Properties config = readConfig();
        config.setProperty(CURRENT_KEY, selector);
        writeConfig(config);
    }

    @Override
    public List<WorkspaceInfo> list() {
        if (current().equals(DEFAULT)) {
            createIfMissing(fileOf(DEFAULT), DEFAULT);
        }
        String current = current();
        List<WorkspaceInfo> out = new ArrayList<>();
        if (!Files.isDirectory(workspacesDir())) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(workspacesDir(), "*" + EXTENSION)) {
            for (Path f : files) {
                String fileName = f.getFileName().toString();
                String name = fileName.substring(0, fileName.length() - EXTENSION.length());
                if (isValidName(name) && Files.isRegularFile(f)) {
                    out.add(new WorkspaceInfo(name, f, name.equals(current), size(f)));
                }
            }
        } catch (IOException e) {
            throw new WorkspaceUnavailableException("cannot list " + workspacesDir() + ": " + e.getMessage(), e);
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    /** Creates a named workspace, or a workspace file at a path (a value with {@code /}); refuses an existing one. */
    @Override
    public WorkspaceInfo create(String name) {
        if (isPath(name)) {
            Path file = Path.of(name).toAbsolutePath();
            SqliteWorkspaceStore.create(file, displayName(file));
            return new WorkspaceInfo(displayName(file), file, false, size(file));
        }
        if (name.equals(TEMPORARY)) {
            throw new AmlshException(TEMPORARY + " is made afresh for each run; it cannot be created");
        }
        Path file = fileOf(name);
        SqliteWorkspaceStore.create(file, name);
        return new WorkspaceInfo(name, file, name.equals(current()), size(file));
    }

    @Override
    public void delete(String name) {
        Path file = fileOf(name);
        if (!Files.exists(file)) {
            throw new AmlshException("no workspace named " + name);
        }
        // the file is ours by its place; it is deleted even when damaged (that is often why)
        try {
            Files.delete(file);
            Files.deleteIfExists(Path.of(file + "-wal"));
            Files.deleteIfExists(Path.of(file + "-shm"));
        } catch (IOException e) {
            throw new WorkspaceUnavailableException("cannot delete workspace " + name + ": " + e.getMessage(), e);
        }
        if (name.equals(current()) && !name.equals(DEFAULT)) {
            Properties config = readConfig();
            config.remove(CURRENT_KEY);
            writeConfig(config);
        }
    }

    @Override
    public WorkspaceContent export(String selector, Path file) {
        if (Files.exists(file)) {
            throw new AmlshException("cannot export: " + file + " already exists");
        }
        try (WorkspaceStore store = open(selector, true)) {
            // the copy is made beside the target and renamed into place: a full disk leaves no half file
            AtomicFiles.REAL.produce(file, false, tmp -> ((SqliteWorkspaceStore) store).exportTo(tmp));
            return store.content();
        }
    }

    /** The content of a workspace file that is to be imported; the file is not changed. */
    public WorkspaceContent readImport(Path file) {
        if (!Files.exists(file)) {
            throw AmlshException.inFile(file, "does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw AmlshException.inFile(file, "is not a file");
        }
        return SqliteWorkspaceStore.readContent(file, displayName(file), clock);
    }

    /**
     * The name a file is imported under when no {@code --into} is given: its name without
     * {@code .amlsh} ({@code course.amlsh} becomes {@code course}).
     */
    public static String importName(Path file) {
        String name = displayName(file);
        if (!isValidName(name)) {
            throw new AmlshException(
                    "'" + name + "' (from " + file + ") is not a valid workspace name: name one" + " with --into NAME");
        }
        return name;
    }

    @Override
    public Imported importFile(Path file, String into) {
        Path source = file.toAbsolutePath().normalize();
        String target = into == null ? importName(source) : into.strip();
        if (target.equals(TEMPORARY)) {
            throw new AmlshException(TEMPORARY + " is made afresh for each run; import into a name or a file");
        }
        Path targetFile = isPath(target) ? Path.of(target).toAbsolutePath().normalize() : fileOf(target);
        String targetName = isPath(target) ? displayName(targetFile) : target;
        if (targetFile.equals(source)) {
            throw new AmlshException("cannot import " + file + " into itself");
        }
        if (Files.exists(targetFile)) {
            throw new AmlshException("workspace " + targetName + " already exists (" + targetFile
                    + "): import into a new one with --into NAME");
        }
        WorkspaceContent content = readImport(file);
        try {
            Files.createDirectories(targetFile.getParent());
        } catch (IOException e) {
            throw new WorkspaceUnavailableException(
                    "cannot create " + targetFile.getParent() + ": " + e.getMessage(), e);
        }
        SqliteWorkspaceStore.createWith(targetFile, targetName, content, clock);
        return new Imported(targetName, targetFile, content);
    }

    // names and files

    private static boolean isPath(String selector) {
        return selector.indexOf('/') >= 0;
    }

    /** The name of a workspace file: its name without {@code .amlsh}. */
    public static String displayName(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(EXTENSION) ? name.substring(0, name.length() - EXTENSION.length()) : name;
    }

    static String requireValidName(String name) {
        if (!isValidName(name)) {
            throw new AmlshException("'" + name + "' is not a valid workspace name: it must start with a letter or"
                    + " digit and hold only letters, digits, '-', '_' and '.' (at most 255 characters)");
        }
        return name;
    }

    private static boolean isValidName(String name) {
        try {
            EnvironmentName.requireValid(name);
            return true;
        } catch (AmlshException e) {
            return false;
        }
    }

    private void createIfMissing(Path file, String name) {
        if (Files.exists(file)) {
            return;
        }
        try {
            SqliteWorkspaceStore.create(file, name);
        } catch (AmlshException raced) {
            // another amlsh created it at the same moment: fine, it exists now
            if (!Files.exists(file)) {
                throw raced;
            }
        }
    }

    private static long size(Path file) {
        try {
            long size = Files.size(file);
            Path wal = Path.of(file + "-wal");
            return Files.exists(wal) ? size + Files.size(wal) : size;
        } catch (IOException e) {
            return 0;
        }
    }

    // config

    private Properties readConfig() {
        Properties p = new Properties();
        Path config = configFile();
        if (Files.exists(config)) {
            try (Reader in = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException e) {
                throw new WorkspaceUnavailableException("cannot read " + config + ": " + e.getMessage(), e);
            }
        }
        return p;
    }

    private void writeConfig(Properties config) {
        Path target = configFile();
        try {
            Files.createDirectories(home);
            Path tmp = Files.createTempFile(home, ".config-", ".tmp");
            try {
                try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    out.write("# amlsh settings; 'workspace' is the current workspace\n");
                    for (String key :
                            config.stringPropertyNames().stream().sorted().toList()) {
                        out.write(escape(key) + "=" + escape(config.getProperty(key)) + "\n");
                    }
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new WorkspaceUnavailableException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Properties escaping for the few characters that matter; values here are workspace names. */
    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("\\=:#! ".indexOf(c) >= 0) {
                out.append('\\');
            }
            if (c == '\n') {
                out.append("\\n");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            for (Path p :
                    walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the temporary workspace " + dir, e);
        }
    }
}

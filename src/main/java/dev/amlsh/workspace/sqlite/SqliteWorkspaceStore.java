package dev.amlsh.workspace.sqlite;

import dev.amlsh.formats.AtomicFiles;
import dev.amlsh.model.AmlshException;
import dev.amlsh.workspace.RegistrationRules;
import dev.amlsh.workspace.WorkspaceContent;
import dev.amlsh.workspace.WorkspaceUnavailableException;
import dev.amlsh.workspace.sql.SqlWorkspaceStore;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * A workspace in one SQLite database file, the embedded default store: the SQLite dialect of
 * {@link SqlWorkspaceStore}, which holds the SQL, the rules and the transactions both dialects
 * share. Here: opening and checking a file, migrating it, beginning transactions, error codes.
 *
 * <p>One connection per store, WAL journal, {@code synchronous=NORMAL}, a busy timeout (5 s by
 * default). Every write is one {@code BEGIN IMMEDIATE} transaction that re-reads what it changes
 * and applies {@link RegistrationRules} inside it, so two processes registering into one name never
 * lose a version or give two definitions one number; SQLite's atomic commit means a killed
 * process leaves no half-written row. A writer that waits past the busy timeout gets a
 * {@link WorkspaceUnavailableException}.
 *
 * <p>Opening checks the file before anything can write to it: the header must be SQLite's with
 * amlsh's {@code application_id}, the schema not newer than this amlsh's, its tables present,
 * and {@code PRAGMA quick_check} must pass on a read-only connection (for files up to
 * {@link #QUICK_CHECK_MAX_BYTES}). Only then is the file opened for writing (and migrated from an
 * older schema). A refused file is left byte for byte as it was.
 *
 */
public final class SqliteWorkspaceStore extends SqlWorkspaceStore {

    public static final int DEFAULT_BUSY_TIMEOUT_MILLIS = 5000;

    /**
     * Files up to this size (about 12,000 versions) get {@code PRAGMA quick_check} when opened,
     * which reads the whole file (about 5 ms per MiB). A larger file is not scanned on every
     * open; damage found later by SQLite fails that command with a "corrupt" error (exit 3) and,
     * the journal being a WAL, leaves the file as it was. {@link #integrityCheck()} checks in full.
     */
    public static final long QUICK_CHECK_MAX_BYTES = 16L << 20;

    private final Path file;
    private final int busyTimeoutMillis;
    private Runnable onClose = () -> {};

    private SqliteWorkspaceStore(
            String name, Path file, boolean readOnly, Clock clock, int busyTimeoutMillis, Connection connection) {
        super(name, readOnly, clock, null, connection);
        this.file = file;
        this.busyTimeoutMillis = busyTimeoutMillis;
    }

    /** Opens an existing workspace file with the default busy timeout. */
    public static SqliteWorkspaceStore open(Path file, String name, boolean readOnly, Clock clock) {
        return open(file, name, readOnly, clock, DEFAULT_BUSY_TIMEOUT_MILLIS);
    }

    /**
     * Opens an existing workspace file. It is opened read-only when asked, or when the file or its
     * folder cannot be written. An older schema is migrated (in one transaction) unless read-only.
     */
    public static SqliteWorkspaceStore open(
            Path file, String name, boolean readOnly, Clock clock, int busyTimeoutMillis) {
        return open(file, name, readOnly, clock, busyTimeoutMillis, QUICK_CHECK_MAX_BYTES);
    }

    /** As above; {@code quickCheckMaxBytes} bounds the files that get {@code PRAGMA quick_check} on opening. */
    static SqliteWorkspaceStore open(
            Path file, String name, boolean readOnly, Clock clock, int busyTimeoutMillis, long quickCheckMaxBytes) {
        if (!Files.isRegularFile(file)) {
            throw new WorkspaceUnavailableException(
                    Files.exists(file)
                            ? "workspace " + name + ": " + file + " is not a file"
                            : "workspace " + name + " does not exist: no file " + file);
        }
        SqliteSchema.checkHeader(file, name);
        Path dir = file.toAbsolutePath().getParent();
        boolean effectiveReadOnly = readOnly || !Files.isWritable(file) || !Files.isWritable(dir);

        // 1. inspect on a read-only connection: nothing below can write to a refused file
        Connection inspector = connect(file, true, busyTimeoutMillis, name);
        SqliteSchema.Header header;
        try {
            header = SqliteSchema.pragmas(inspector);
            SqliteSchema.requireAmlsh(header, file, name);
            SqliteSchema.requireTables(inspector, header.userVersion(), file, name);
            List<String> problems = sizeOf(file) <= quickCheckMaxBytes ? SqliteSchema.quickCheck(inspector) : List.of();
            if (!problems.isEmpty()) {
                throw new WorkspaceUnavailableException("workspace " + name + " (" + file + ") is corrupt: "
                        + String.join("; ", problems.subList(0, Math.min(3, problems.size())))
                        + "; it was left unchanged");
            }
            if (header.userVersion() < SqliteSchema.CURRENT && effectiveReadOnly) {
                throw new WorkspaceUnavailableException("workspace " + name + " (" + file + ") has schema "
                        + header.userVersion() + " from an older amlsh and is open read-only, so it cannot be"
                        + " upgraded to schema " + SqliteSchema.CURRENT + "; open it once for writing");
            }
        } catch (SQLException e) {
            closeQuietly(inspector);
            throw translate(e, name, file, busyTimeoutMillis, "open");
        } catch (RuntimeException e) {
            closeQuietly(inspector);
            throw e;
        }
        boolean canWrite = Files.isWritable(file) && Files.isWritable(dir);
        if (effectiveReadOnly && !canWrite) {
            return new SqliteWorkspaceStore(name, file, true, clock, busyTimeoutMillis, inspector);
        }
        closeQuietly(inspector);
        if (effectiveReadOnly) {
            return openQueryOnly(file, name, clock, busyTimeoutMillis);
        }

        // 2. the file is an amlsh workspace this amlsh can read: open it for writing
        Connection writer = connect(file, false, busyTimeoutMillis, name);
        SqliteWorkspaceStore store = new SqliteWorkspaceStore(name, file, false, clock, busyTimeoutMillis, writer);
        try {
            try (Statement s = writer.createStatement()) {
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = NORMAL");
                s.execute("PRAGMA foreign_keys = ON");
            }
            if (header.userVersion() < SqliteSchema.CURRENT) {
                store.migrate();
            }
            return store;
        } catch (SQLException e) {
            store.close();
            throw translate(e, name, file, busyTimeoutMillis, "open");
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * {@code --read-only} on a file amlsh may write: a read-write connection that SQLite keeps from writing ({@code
     * PRAGMA query_only}), and the store refuses writes before they reach it. Reading a WAL file makes SQLite create
     * its {@code -wal} and {@code -shm} beside it; a read-only connection cannot remove them, but this one, closing as
     * the file's last connection, does, as every writer's close does. So reading a handed-out file leaves its folder as
     * it was. (A file exported by {@code workspace export} is in rollback-journal mode and gets neither.)
     */
    private static SqliteWorkspaceStore openQueryOnly(Path file, String name, Clock clock, int busyTimeoutMillis) {
        Connection reader = connect(file, false, busyTimeoutMillis, name);
        try (Statement s = reader.createStatement()) {
            s.execute("PRAGMA query_only = ON");
        } catch (SQLException e) {
            closeQuietly(reader);
            throw translate(e, name, file, busyTimeoutMillis, "open");
        }
        return new SqliteWorkspaceStore(name, file, true, clock, busyTimeoutMillis, reader);
    }

    /**
     * Creates a new, empty workspace file (current schema, WAL journal). The file appears
     * complete or not at all: it is built under a temporary name beside it and linked into place,
     * which fails if {@code file} exists meanwhile.
     */
    public static void create(Path file, String name) {
        Path target = file.toAbsolutePath();
        if (Files.exists(target)) {
            throw new AmlshException("workspace " + name + " already exists: " + file);
        }
        Path tmp = target.resolveSibling("." + target.getFileName() + ".creating-" + UUID.randomUUID());
        try {
            Files.createDirectories(target.getParent());
            Connection c = connect(tmp, false, DEFAULT_BUSY_TIMEOUT_MILLIS, name);
            try (Statement s = c.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                SqliteSchema.create(c);
                s.execute("COMMIT");
                s.execute("PRAGMA journal_mode = WAL");
            } finally {
                c.close();
            }
            Files.createLink(target, tmp);
        } catch (FileAlreadyExistsException e) {
            throw new AmlshException("workspace " + name + " already exists: " + file);
        } catch (IOException e) {
            throw new WorkspaceUnavailableException(
                    "workspace " + name + " cannot be created at " + file + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw translate(e, name, file, DEFAULT_BUSY_TIMEOUT_MILLIS, "create");
        } finally {
            deleteQuietly(tmp);
            deleteQuietly(Path.of(tmp + "-wal"));
            deleteQuietly(Path.of(tmp + "-shm"));
            deleteQuietly(Path.of(tmp + "-journal"));
        }
    }

    private static Connection connect(Path file, boolean readOnly, int busyTimeoutMillis, String name) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(busyTimeoutMillis);
        config.setGetGeneratedKeys(false); // else the driver keeps a "last_insert_rowid()" query open after INSERTs
        if (readOnly) {
            config.setReadOnly(true);
        } else {
            config.setOpenMode(SQLiteOpenMode.READWRITE);
            config.setOpenMode(SQLiteOpenMode.CREATE);
        }
        try {
            return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        } catch (SQLException e) {
            throw translate(e, name, file, busyTimeoutMillis, "open");
        }
    }

    // identity

    public Path file() {
        return file;
    }

    /** The schema number of the open file (always {@link SqliteSchema#CURRENT} once opened). */
    public synchronized int schemaVersion() {
        return read(() -> SqliteSchema.pragmas(connection).userVersion());
    }

    /** {@code PRAGMA integrity_check}: the problems found, empty when sound. */
    public synchronized List<String> integrityCheck() {
        ensureOpen();
        try { // one statement: its own read transaction
            return SqliteSchema.integrityCheck(connection);
        } catch (SQLException e) {
            throw translate(e, "check the workspace");
        }
    }

    /** Package-private: the catalog deletes a {@code :temp:} workspace's file when it is closed. */
    void onClose(Runnable action) {
        this.onClose = action;
    }

    // the dialect

    @Override
    protected void beginWrite(String lockedName) throws SQLException {
        ps("BEGIN IMMEDIATE").execute(); // one writer per file: the name needs no lock of its own
    }

    @Override
    protected void beginRead() throws SQLException {
        ps("BEGIN").execute();
    }

    @Override
    protected WorkspaceUnavailableException translate(SQLException e, String what) {
        return translate(e, name(), file, busyTimeoutMillis, what);
    }

    /** INSERT OR REPLACE deletes the old row: the label gets a new rowid, its place in the order it was set. */
    @Override
    protected String labelUpsertSql() {
        return "INSERT OR REPLACE INTO labels (name, label, version_id) VALUES (?, ?, ?)";
    }

    @Override
    protected String labelOrder() {
        return "rowid";
    }

    // moving a workspace

    /**
     * The content of a workspace file, read without changing the file: one of an older schema is
     * migrated in a temporary copy. Refuses what opening refuses (not a workspace, a newer schema).
     */
    public static WorkspaceContent readContent(Path file, String name, Clock clock) {
        SqliteSchema.Header header = SqliteSchema.checkHeader(file, name);
        if (header.userVersion() >= SqliteSchema.CURRENT) {
            try (SqliteWorkspaceStore store = open(file, name, true, clock)) {
                return store.content();
            }
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("amlsh-upgrade-");
            Path copy = dir.resolve("workspace" + FileWorkspaceCatalog.EXTENSION);
            Files.copy(file, copy);
            Path wal = Path.of(file + "-wal");
            if (Files.exists(wal)) {
                Files.copy(wal, Path.of(copy + "-wal"));
            }
            try (SqliteWorkspaceStore store = open(copy, name, false, clock)) {
                return store.content();
            }
        } catch (IOException e) {
            throw new WorkspaceUnavailableException(
                    "workspace " + name + " (" + file + ") cannot be copied to upgrade it: " + e.getMessage(), e);
        } finally {
            if (dir != null) {
                try (var files = Files.list(dir)) {
                    files.forEach(SqliteWorkspaceStore::deleteQuietly);
                } catch (IOException ignored) {
                    // a leftover temporary copy is harmless
                }
                deleteQuietly(dir);
            }
        }
    }

    /**
     * Writes {@code content} into a new workspace file, which appears complete or not at all
     * ({@code file} must not exist).
     */
    public static void createWith(Path file, String name, WorkspaceContent content, Clock clock) {
        if (Files.exists(file)) {
            throw new AmlshException("workspace " + name + " already exists: " + file);
        }
        AtomicFiles.REAL.produce(file, false, tmp -> {
            create(tmp, name);
            try (SqliteWorkspaceStore store = open(tmp, name, false, clock)) {
                store.load(content);
            }
            rollbackJournal(tmp, name);
        });
    }

    /**
     * A file to hand out is left in rollback-journal mode, as {@code VACUUM INTO} leaves an export: reading it needs
     * no {@code -wal}/{@code -shm} beside it, so it opens even in a folder the reader cannot write. The first open for
     * writing puts it back in WAL mode.
     */
    private static void rollbackJournal(Path file, String name) {
        try (Connection c = connect(file, false, DEFAULT_BUSY_TIMEOUT_MILLIS, name);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = DELETE");
        } catch (SQLException e) {
            throw translate(e, name, file, DEFAULT_BUSY_TIMEOUT_MILLIS, "create");
        }
    }

    // export

    /**
     * A consistent copy of this workspace into {@code target} ({@code VACUUM INTO}), which must not
     * exist. Works on a read-only store too.
     */
    public synchronized void exportTo(Path target) {
        if (Files.exists(target)) {
            throw new AmlshException("cannot export workspace " + name() + ": " + target + " already exists");
        }
        ensureOpen();
        try {
            // VACUUM INTO writes only the new file, yet query_only (a --read-only open) refuses it
            boolean queryOnly = queryOnly();
            setQueryOnly(false);
            try (PreparedStatement ps = connection.prepareStatement("VACUUM INTO ?")) {
                ps.setString(1, target.toAbsolutePath().toString());
                ps.executeUpdate();
            } finally {
                setQueryOnly(queryOnly);
            }
        } catch (SQLException e) {
            throw translate(e, "export");
        }
    }

    private boolean queryOnly() throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA query_only")) {
            return rs.next() && rs.getInt(1) != 0;
        }
    }

    private void setQueryOnly(boolean on) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA query_only = " + (on ? "ON" : "OFF"));
        }
    }

    private void migrate() {
        transaction(() -> ps("BEGIN IMMEDIATE").execute(), "upgrade the schema", () -> {
            int now = SqliteSchema.pragmas(connection).userVersion();
            if (now < SqliteSchema.CURRENT) { // another process may have upgraded it meanwhile
                SqliteSchema.migrate(connection, now);
            }
            return null;
        });
    }

    static WorkspaceUnavailableException translate(
            SQLException e, String name, Path file, int busyTimeoutMillis, String what) {
        int code = e.getErrorCode() & 0xff;
        String message = switch (code) {
            case 5, 6 ->
                "workspace " + name + " is busy: another amlsh is writing to it (waited " + busyTimeoutMillis
                        + " ms); cannot " + what + ", try again";
            case 8 -> "workspace " + name + " is open read-only: cannot " + what;
            case 11, 26 ->
                "workspace " + name + " (" + file + ") is corrupt or not an amlsh workspace: " + e.getMessage();
            case 13 -> "workspace " + name + ": the disk is full; cannot " + what;
            case 14 -> "workspace " + name + ": cannot open " + file + ": " + e.getMessage();
            default -> "workspace " + name + ": cannot " + what + ": " + e.getMessage();
        };
        return new WorkspaceUnavailableException(message, e);
    }

    @Override
    protected void afterClose() {
        onClose.run();
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover temporary file is harmless
        }
    }
}

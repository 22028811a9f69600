package dev.amlsh.workspace.sqlite;

import dev.amlsh.conda.roundtrip.CondaDocument;
import dev.amlsh.formats.AtomicFiles;
import dev.amlsh.image.EnvironmentHashes;
import dev.amlsh.model.AmlshException;
import dev.amlsh.model.Environment;
import dev.amlsh.model.EnvironmentName;
import dev.amlsh.model.SdkRelease;
import dev.amlsh.workspace.Labels;
import dev.amlsh.workspace.RegisteredVersion;
import dev.amlsh.workspace.Registration;
import dev.amlsh.workspace.RegistrationRules;
import dev.amlsh.workspace.WorkspaceContent;
import dev.amlsh.workspace.WorkspaceStore;
import dev.amlsh.workspace.WorkspaceUnavailableException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * A workspace in one SQLite database file: the embedded default store.
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
 * <p>Registry passwords are never stored: a set password is kept as {@code "***"} (the SDK's own
 * mask), and that is what reads back.
 */
public final class SqliteWorkspaceStore implements WorkspaceStore {

    public static final int DEFAULT_BUSY_TIMEOUT_MILLIS = 5000;

    /**
     * Files up to this size (about 12,000 versions) get {@code PRAGMA quick_check} when opened,
     * which reads the whole file (about 5 ms per MiB). A larger file is not scanned on every
     * open; damage found later by SQLite fails that command with a "corrupt" error (exit 3) and,
     * the journal being a WAL, leaves the file as it was. {@link #integrityCheck()} checks in full.
     */
    public static final long QUICK_CHECK_MAX_BYTES = 16L << 20;

    private static final String DEFAULT_BASE_IMAGE_KEY = "default_base_image";

    private final String name;
    private final Path file;
    private final boolean readOnly;
    private final Clock clock;
    private final int busyTimeoutMillis;
    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    /**
     * Parsed definitions by version row id. A version's definition never changes and ids are
     * never reused (AUTOINCREMENT), so an entry never goes stale, whoever writes the file.
     */
    private final Map<Long, Environment> definitions = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Environment> eldest) {
            return size() > 1024;
        }
    };

    private Runnable onClose = () -> {};
    /** True while a read transaction runs: reads inside it (a {@link #snapshot}) join it. */
    private boolean inSnapshot;

    private boolean closed;

    private SqliteWorkspaceStore(
            String name, Path file, boolean readOnly, Clock clock, int busyTimeoutMillis, Connection connection) {
        this.name = name;
        this.file = file;
        this.readOnly = readOnly;
        this.clock = clock;
        this.busyTimeoutMillis = busyTimeoutMillis;
        this.connection = connection;
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

    @Override
    public String name() {
        return name;
    }

    public Path file() {
        return file;
    }

    public boolean isReadOnly() {
        return readOnly;
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
            throw translate(e, name, file, busyTimeoutMillis, "check the workspace");
        }
    }

    /** Package-private: the catalog deletes a {@code :temp:} workspace's file when it is closed. */
    void onClose(Runnable action) {
        this.onClose = action;
    }

    // settings

    @Override
    public synchronized <T> T snapshot(Function<WorkspaceStore, T> reads) {
        return read(() -> reads.apply(this));
    }

    @Override
    public synchronized String defaultBaseImage() {
        return read(() -> {
            PreparedStatement ps = ps("SELECT value FROM meta WHERE key = ?");
            ps.setString(1, DEFAULT_BASE_IMAGE_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : SdkRelease.DEFAULT_BASE_IMAGE;
            }
        });
    }

    @Override
    public synchronized void setDefaultBaseImage(String image) {
        if (image == null || image.isBlank()) {
            throw new AmlshException("a default base image cannot be empty");
        }
        write("set the default base image", () -> {
            PreparedStatement ps = ps("INSERT INTO meta (key, value) VALUES (?, ?)"
                    + " ON CONFLICT (key) DO UPDATE SET value = excluded.value");
            ps.setString(1, DEFAULT_BASE_IMAGE_KEY);
            ps.setString(2, image.strip());
            ps.executeUpdate();
            return null;
        });
    }

    // drafts

    @Override
    public synchronized Optional<Environment> draft(String draftName) {
        return read(() -> readDraft(draftName));
    }

    private Optional<Environment> readDraft(String draftName) throws SQLException {
        PreparedStatement ps = ps("SELECT definition, conda_file FROM drafts WHERE name = ?");
        ps.setString(1, draftName);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(draft(draftName, rs.getString(1), rs.getString(2))) : Optional.empty();
        }
    }

    /** A stored draft: its definition, with its conda file's written form when it has one. */
    private Environment draft(String draftName, String json, String condaFile) {
        Environment env = parse(json, "draft " + draftName);
        if (condaFile == null) {
            return env;
        }
        try {
            return env.withCondaFile(
                    CondaDocument.fromStored(Path.of("draft " + draftName + " conda file"), condaFile));
        } catch (RuntimeException e) {
            throw new WorkspaceUnavailableException(
                    "workspace " + name + " is damaged: the stored conda file of draft " + draftName
                            + " cannot be read: " + e.getMessage(),
                    e);
        }
    }

    private static String condaFile(Environment env) {
        return env.condaFile() == null ? null : env.condaFile().storedForm();
    }

    @Override
    public synchronized List<Environment> drafts() {
        return read(() -> {
            List<Environment> out = new ArrayList<>();
            try (ResultSet rs = ps("SELECT name, definition, conda_file FROM drafts ORDER BY name")
                    .executeQuery()) {
                while (rs.next()) {
                    out.add(draft(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        });
    }

    @Override
    public synchronized Optional<Environment> saveDraft(Environment draft) {
        EnvironmentName.requireValid(draft.name());
        String json = DefinitionJson.write(DefinitionJson.withoutSecrets(draft));
        return write("save the draft " + draft.name(), () -> {
            Optional<Environment> previous = readDraft(draft.name());
            PreparedStatement ps =
                    ps("INSERT INTO drafts (name, definition, updated_at, conda_file) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT (name) DO UPDATE SET definition = excluded.definition,"
                            + " updated_at = excluded.updated_at, conda_file = excluded.conda_file");
            ps.setString(1, draft.name());
            ps.setString(2, json);
            ps.setString(3, clock.instant().toString());
            ps.setString(4, condaFile(draft));
            ps.executeUpdate();
            return previous;
        });
    }

    @Override
    public synchronized Environment updateDraft(String draftName, DraftEdit edit) {
        return write("edit the draft " + draftName, () -> {
            Optional<Environment> draft = readDraft(draftName);
            RegisteredVersion fromLatest = null;
            Environment current;
            if (draft.isPresent()) {
                current = draft.get();
            } else {
                fromLatest = latestVersion(draftName)
                        .orElseThrow(() -> new AmlshException(
                                "no environment named '" + draftName + "' (no draft and no registered version)"));
                current = fromLatest.environment().withVersion(null);
            }
            Environment edited = edit.apply(fromLatest, current);
            if (!edited.name().equals(draftName)) {
                throw new IllegalArgumentException("an edit of draft " + draftName + " cannot rename it");
            }
            PreparedStatement ps =
                    ps("INSERT INTO drafts (name, definition, updated_at, conda_file) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT (name) DO UPDATE SET definition = excluded.definition,"
                            + " updated_at = excluded.updated_at, conda_file = excluded.conda_file");
            ps.setString(1, draftName);
            ps.setString(2, DefinitionJson.write(DefinitionJson.withoutSecrets(edited)));
            ps.setString(3, clock.instant().toString());
            ps.setString(4, condaFile(edited));
            ps.executeUpdate();
            return edited;
        });
    }

    @Override
    public synchronized boolean discardDraft(String draftName) {
        return write("discard the draft " + draftName, () -> {
            PreparedStatement ps = ps("DELETE FROM drafts WHERE name = ?");
            ps.setString(1, draftName);
            return ps.executeUpdate() > 0;
        });
    }

    // registration

    @Override
    public synchronized Registration register(Environment env, String explicitVersion) {
        String envName = EnvironmentName.requireRegistrable(env.name());
        Environment candidate = DefinitionJson.withoutSecrets(env).withCondaFile(null); // the service form
        return write("register " + envName, () -> {
            List<RegisteredVersion> relevant = relevantVersions(envName, explicitVersion);
            RegistrationRules.Decision decision =
                    RegistrationRules.decide(envName, candidate, explicitVersion, relevant);
            if (!decision.creates()) {
                return new Registration(decision.existing().orElseThrow(), false);
            }
            Environment stored = candidate.withVersion(decision.version());
            boolean archived = nameArchived(envName);
            Instant createdAt = clock.instant();
            PreparedStatement addName = ps("INSERT OR IGNORE INTO names (name, archived) VALUES (?, 0)");
            addName.setString(1, envName);
            addName.executeUpdate();
            long id = insertVersion(stored, createdAt, archived);
            return new Registration(new RegisteredVersion(stored, id, createdAt, archived, List.of()), true);
        });
    }

    /** Inserts a version row (its name's row exists); returns its id. */
    private long insertVersion(Environment stored, Instant createdAt, boolean archived) throws SQLException {
        PreparedStatement insert = ps("INSERT INTO versions"
                + " (name, version, created_at, archived, definition, conda_hash, image_hash, number)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
        insert.setString(1, stored.name());
        insert.setString(2, stored.version());
        insert.setString(3, createdAt.toString());
        insert.setInt(4, archived ? 1 : 0);
        insert.setString(5, DefinitionJson.write(stored));
        insert.setString(
                6, stored.hasCondaDependencies() ? EnvironmentHashes.condaEnvironmentName(stored.condaSpec()) : null);
        insert.setString(7, EnvironmentHashes.imageName(stored));
        Long number = SqliteSchema.number(stored.version());
        if (number == null) {
            insert.setNull(8, Types.INTEGER);
        } else {
            insert.setLong(8, number);
        }
        long id;
        try (ResultSet rs = insert.executeQuery()) {
            rs.next();
            id = rs.getLong(1);
        }
        definitions.put(id, stored);
        return id;
    }

    /**
     * The versions {@link RegistrationRules#decide} looks at, read inside the write transaction:
     * the one with the explicit version, the latest, and the one with the largest integer version
     * (the {@code number} column holds each version as {@link RegistrationRules#nextVersion} reads it).
     * Deciding over these gives the same answer as over all versions (the rules look at nothing
     * else), with three index lookups instead of reading every version of a long-lived name.
     */
    private List<RegisteredVersion> relevantVersions(String envName, String explicitVersion) throws SQLException {
        Map<Long, RegisteredVersion> found = new LinkedHashMap<>();
        if (explicitVersion != null) {
            PreparedStatement ps =
                    ps("SELECT " + VERSION_COLUMNS + " FROM versions v WHERE v.name = ? AND v.version = ?");
            ps.setString(1, envName);
            ps.setString(2, explicitVersion);
            one(ps).ifPresent(v -> found.put(v.sequence(), v));
        }
        latestVersion(envName).ifPresent(v -> found.putIfAbsent(v.sequence(), v));
        PreparedStatement largest = ps("SELECT " + VERSION_COLUMNS + " FROM versions v"
                + " WHERE v.name = ? AND v.number IS NOT NULL ORDER BY v.number DESC LIMIT 1");
        largest.setString(1, envName);
        one(largest).ifPresent(v -> found.putIfAbsent(v.sequence(), v));
        return new ArrayList<>(found.values());
    }

    private boolean nameArchived(String envName) throws SQLException {
        PreparedStatement ps = ps("SELECT archived FROM names WHERE name = ?");
        ps.setString(1, envName);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getInt(1) != 0;
        }
    }

    // reading versions

    private static final String VERSION_COLUMNS = "v.id, v.name, v.version, v.created_at, v.archived, v.definition";

    @Override
    public synchronized List<String> names(boolean includeArchived) {
        return read(() -> {
            PreparedStatement ps = ps(
                    includeArchived
                            ? "SELECT name FROM names ORDER BY name"
                            : "SELECT n.name FROM names n WHERE EXISTS"
                                    + " (SELECT 1 FROM versions v WHERE v.name = n.name AND v.archived = 0) "
                                    + "ORDER BY n.name");
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    @Override
    public synchronized List<RegisteredVersion> versions(String envName) {
        return read(() -> {
            PreparedStatement labels = ps("SELECT version_id, label FROM labels WHERE name = ? ORDER BY rowid");
            labels.setString(1, envName);
            Map<Long, List<String>> byVersion = new HashMap<>();
            try (ResultSet rs = labels.executeQuery()) {
                while (rs.next()) {
                    byVersion
                            .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(rs.getString(2));
                }
            }
            PreparedStatement ps = ps("SELECT " + VERSION_COLUMNS + " FROM versions v WHERE v.name = ? ORDER BY v.id");
            ps.setString(1, envName);
            List<RegisteredVersion> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(version(rs, byVersion.getOrDefault(rs.getLong(1), List.of())));
                }
            }
            return out;
        });
    }

    @Override
    public synchronized Optional<RegisteredVersion> version(String envName, String version) {
        return read(() -> {
            PreparedStatement ps =
                    ps("SELECT " + VERSION_COLUMNS + " FROM versions v WHERE v.name = ? AND v.version = ?");
            ps.setString(1, envName);
            ps.setString(2, version);
            return one(ps);
        });
    }

    @Override
    public synchronized Optional<RegisteredVersion> latest(String envName) {
        return read(() -> latestVersion(envName));
    }

    private Optional<RegisteredVersion> latestVersion(String envName) throws SQLException {
        PreparedStatement ps = ps("SELECT " + VERSION_COLUMNS
                + " FROM versions v WHERE v.name = ? AND v.archived = 0 ORDER BY v.id DESC LIMIT 1");
        ps.setString(1, envName);
        return one(ps);
    }

    /** The version holding a user label; {@code latest} (never stored) gives {@link #latest}. */
    @Override
    public synchronized Optional<RegisteredVersion> labelled(String envName, String label) {
        return read(() -> {
            if (label.equals(Labels.LATEST)) {
                return latestVersion(envName);
            }
            PreparedStatement ps = ps("SELECT " + VERSION_COLUMNS
                    + " FROM labels l JOIN versions v ON v.id = l.version_id WHERE l.name = ? AND l.label = ?");
            ps.setString(1, envName);
            ps.setString(2, label);
            return one(ps);
        });
    }

    private RegisteredVersion byId(long id) throws SQLException {
        PreparedStatement ps = ps("SELECT " + VERSION_COLUMNS + " FROM versions v WHERE v.id = ?");
        ps.setLong(1, id);
        return one(ps).orElseThrow(() -> new IllegalStateException("version row " + id + " vanished"));
    }

    private Optional<RegisteredVersion> one(PreparedStatement ps) throws SQLException {
        long id;
        String envName;
        String version;
        String createdAt;
        boolean archived;
        String definition;
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            id = rs.getLong(1);
            envName = rs.getString(2);
            version = rs.getString(3);
            createdAt = rs.getString(4);
            archived = rs.getInt(5) != 0;
            definition = definitions.containsKey(id) ? null : rs.getString(6);
        }
        return Optional.of(version(id, envName, version, createdAt, archived, definition, labelsOf(id)));
    }

    private List<String> labelsOf(long versionId) throws SQLException {
        PreparedStatement ps = ps("SELECT label FROM labels WHERE version_id = ? ORDER BY rowid");
        ps.setLong(1, versionId);
        List<String> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private RegisteredVersion version(ResultSet rs, List<String> labels) throws SQLException {
        long id = rs.getLong(1);
        return version(
                id,
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getInt(5) != 0,
                definitions.containsKey(id) ? null : rs.getString(6),
                labels);
    }

    /** A version from its row; {@code definition} may be null when the parsed one is cached. */
    private RegisteredVersion version(
            long id,
            String envName,
            String version,
            String createdAt,
            boolean archived,
            String definition,
            List<String> labels) {
        String what = envName + ":" + version;
        Environment env = definitions.get(id);
        if (env == null || definition != null) {
            env = parse(definition, what);
            definitions.put(id, env);
        }
        if (!envName.equals(env.name()) || !version.equals(env.version())) {
            throw new WorkspaceUnavailableException("workspace " + name + " is damaged: the row of " + what
                    + " holds the definition of " + env.name() + ":" + env.version());
        }
        Instant created;
        try {
            created = Instant.parse(createdAt);
        } catch (RuntimeException e) {
            throw new WorkspaceUnavailableException(
                    "workspace " + name + " is damaged: " + what + " has no valid creation time ('" + createdAt + "')",
                    e);
        }
        return new RegisteredVersion(env, id, created, archived, labels);
    }

    private Environment parse(String json, String what) {
        try {
            return DefinitionJson.read("workspace " + name + ", " + what, json);
        } catch (RuntimeException e) {
            throw new WorkspaceUnavailableException(
                    "workspace " + name + " is damaged: the stored definition of " + what + " cannot be read: "
                            + e.getMessage(),
                    e);
        }
    }

    // labels and archiving

    @Override
    public synchronized RegisteredVersion label(String envName, String version, List<String> labels) {
        Labels.requireValid(labels);
        return write("label " + envName + ":" + version, () -> {
            long id = requireVersionId(envName, version);
            PreparedStatement ps = ps("INSERT OR REPLACE INTO labels (name, label, version_id) VALUES (?, ?, ?)");
            for (String label : labels) {
                ps.setString(1, envName);
                ps.setString(2, label);
                ps.setLong(3, id);
                ps.executeUpdate();
            }
            return byId(id);
        });
    }

    @Override
    public synchronized void archive(String envName, String version) {
        setArchived(envName, version, true);
    }

    @Override
    public synchronized void restore(String envName, String version) {
        setArchived(envName, version, false);
    }

    private void setArchived(String envName, String version, boolean archived) {
        String what = (archived ? "archive " : "restore ") + envName + (version == null ? "" : ":" + version);
        write(what, () -> {
            if (version == null) {
                PreparedStatement n = ps("UPDATE names SET archived = ? WHERE name = ?");
                n.setInt(1, archived ? 1 : 0);
                n.setString(2, envName);
                if (n.executeUpdate() == 0) {
                    throw new AmlshException("environment " + envName + " is not registered");
                }
                PreparedStatement v = ps("UPDATE versions SET archived = ? WHERE name = ?");
                v.setInt(1, archived ? 1 : 0);
                v.setString(2, envName);
                v.executeUpdate();
                return null;
            }
            PreparedStatement known = ps("SELECT 1 FROM names WHERE name = ?");
            known.setString(1, envName);
            try (ResultSet rs = known.executeQuery()) {
                if (!rs.next()) {
                    throw new AmlshException("environment " + envName + " is not registered");
                }
            }
            long id = requireVersionId(envName, version);
            PreparedStatement v = ps("UPDATE versions SET archived = ? WHERE id = ?");
            v.setInt(1, archived ? 1 : 0);
            v.setLong(2, id);
            v.executeUpdate();
            if (!archived) { // a restored version makes its name visible again: new versions are not archived
                PreparedStatement n = ps("UPDATE names SET archived = 0 WHERE name = ?");
                n.setString(1, envName);
                n.executeUpdate();
            }
            return null;
        });
    }

    private long requireVersionId(String envName, String version) throws SQLException {
        PreparedStatement ps = ps("SELECT id FROM versions WHERE name = ? AND version = ?");
        ps.setString(1, envName);
        ps.setString(2, version);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new AmlshException("environment " + envName + ":" + version + " is not registered");
            }
            return rs.getLong(1);
        }
    }

    // moving a workspace

    @Override
    public synchronized WorkspaceContent content() {
        return read(() -> {
            List<WorkspaceContent.Name> names = new ArrayList<>();
            Map<String, Boolean> archivedNames = new LinkedHashMap<>();
            try (ResultSet rs =
                    ps("SELECT name, archived FROM names ORDER BY name").executeQuery()) {
                while (rs.next()) {
                    archivedNames.put(rs.getString(1), rs.getInt(2) != 0);
                }
            }
            for (Map.Entry<String, Boolean> n : archivedNames.entrySet()) {
                names.add(new WorkspaceContent.Name(n.getKey(), n.getValue(), versions(n.getKey())));
            }
            return new WorkspaceContent(defaultBaseImage(), drafts(), names);
        });
    }

    @Override
    public synchronized void load(WorkspaceContent content) {
        write("load a workspace into " + name, () -> {
            try (ResultSet rs = ps("SELECT (SELECT count(*) FROM names) + (SELECT count(*) FROM drafts)")
                    .executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new AmlshException(WorkspaceContent.notEmpty(name));
                }
            }
            PreparedStatement setting = ps("INSERT INTO meta (key, value) VALUES (?, ?)"
                    + " ON CONFLICT (key) DO UPDATE SET value = excluded.value");
            setting.setString(1, DEFAULT_BASE_IMAGE_KEY);
            setting.setString(2, content.defaultBaseImage());
            setting.executeUpdate();
            for (Environment draft : content.drafts()) {
                PreparedStatement ps =
                        ps("INSERT INTO drafts (name, definition, updated_at, conda_file)" + " VALUES (?, ?, ?, ?)");
                ps.setString(1, draft.name());
                ps.setString(2, DefinitionJson.write(DefinitionJson.withoutSecrets(draft)));
                ps.setString(3, clock.instant().toString());
                ps.setString(4, condaFile(draft));
                ps.executeUpdate();
            }
            PreparedStatement addName = ps("INSERT INTO names (name, archived) VALUES (?, ?)");
            PreparedStatement label = ps("INSERT INTO labels (name, label, version_id) VALUES (?, ?, ?)");
            for (WorkspaceContent.Name n : content.names()) {
                addName.setString(1, n.name());
                addName.setInt(2, n.archived() ? 1 : 0);
                addName.executeUpdate();
                for (RegisteredVersion v : n.versions()) {
                    Environment stored = DefinitionJson.withoutSecrets(v.environment());
                    long id = insertVersion(stored, v.createdAt(), v.archived());
                    for (String l : v.labels()) {
                        label.setString(1, n.name());
                        label.setString(2, l);
                        label.setLong(3, id);
                        label.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

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
            throw new AmlshException("cannot export workspace " + name + ": " + target + " already exists");
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
            throw translate(e, name, file, busyTimeoutMillis, "export");
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

    // transactions

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    private <T> T write(String what, Work<T> work) {
        ensureOpen();
        if (readOnly) {
            throw new WorkspaceUnavailableException("workspace " + name + " is open read-only: cannot " + what);
        }
        return transaction("BEGIN IMMEDIATE", what, work);
    }

    private <T> T read(Work<T> work) {
        ensureOpen();
        return transaction("BEGIN", "read", work);
    }

    private <T> T transaction(String begin, String what, Work<T> work) {
        if (inSnapshot) {
            if (!begin.equals("BEGIN")) {
                throw new IllegalStateException("a snapshot only reads: cannot " + what);
            }
            return runInside(work, what); // the snapshot's read transaction holds
        }
        inSnapshot = begin.equals("BEGIN");
        try {
            return transactionOnce(begin, what, work);
        } finally {
            inSnapshot = false;
        }
    }

    private <T> T runInside(Work<T> work, String what) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw translate(e, name, file, busyTimeoutMillis, what);
        }
    }

    private <T> T transactionOnce(String begin, String what, Work<T> work) {
        try {
            ps(begin).executeUpdate();
        } catch (SQLException e) {
            throw translate(e, name, file, busyTimeoutMillis, what);
        }
        boolean done = false;
        try {
            T result = work.run();
            // Ctrl-C at the prompt interrupts the thread; sqlite-jdbc's native calls ignore that, so
            // the flag is checked here: an interrupted write is rolled back (finally), never committed
            dev.amlsh.model.Interrupted.check();
            ps("COMMIT").executeUpdate();
            done = true;
            return result;
        } catch (SQLException e) {
            throw translate(e, name, file, busyTimeoutMillis, what);
        } finally {
            if (!done) {
                try {
                    ps("ROLLBACK").executeUpdate();
                } catch (SQLException ignored) {
                    // no transaction left to roll back (SQLite ended it), or the connection is gone
                }
            }
        }
    }

    private void migrate() throws SQLException {
        transaction("BEGIN IMMEDIATE", "upgrade the schema", () -> {
            int now = SqliteSchema.pragmas(connection).userVersion();
            if (now < SqliteSchema.CURRENT) { // another process may have upgraded it meanwhile
                SqliteSchema.migrate(connection, now);
            }
            return null;
        });
    }

    private PreparedStatement ps(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("workspace " + name + " is closed");
        }
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
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (PreparedStatement ps : statements.values()) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        statements.clear();
        closeQuietly(connection);
        onClose.run();
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing to do: the connection is gone
        }
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

package dev.amlsh.workspace.postgres;

import dev.amlsh.conda.roundtrip.CondaDocument;
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
import dev.amlsh.workspace.sqlite.DefinitionJson;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A workspace in a PostgreSQL schema: a team's shared registry. Same contract and versioning as
 * the SQLite file ({@link RegistrationRules} applied inside the writing transaction), with two
 * differences a server brings: drafts belong to a user ({@code owner}: the database user, or
 * {@code --as-user}), and writers are other machines, so every write to a name first takes a
 * transaction-scoped advisory lock on that name ({@code pg_advisory_xact_lock}), which makes
 * read-decide-insert one step per name: two concurrent registrations never give two definitions
 * one number, and unrelated names never wait for each other.
 *
 * <p>One connection per store. A lost server (stopped, restarted, network gone) fails the
 * command with a {@link WorkspaceUnavailableException} (exit 3); the open transaction is rolled
 * back by the server, so nothing half-written remains.
 */
public final class PostgresWorkspaceStore implements WorkspaceStore {

    private static final String DEFAULT_BASE_IMAGE_KEY = "default_base_image";
    private static final String VERSION_COLUMNS = "v.id, v.name, v.version, v.created_at, v.archived, v.definition";

    private final String name;
    private final PostgresLocation location;
    private final String owner;
    private final boolean readOnly;
    private final Clock clock;
    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    /** Parsed definitions by version id: a version never changes and ids are never reused. */
    private final Map<Long, Environment> definitions = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Environment> eldest) {
            return size() > 1024;
        }
    };
    /** True while a read transaction runs: reads inside it (a {@link #snapshot}) join it. */
    private boolean inSnapshot;

    private boolean closed;

    private PostgresWorkspaceStore(
            PostgresLocation location, String owner, boolean readOnly, Clock clock, Connection connection) {
        this.name = location.display();
        this.location = location;
        this.owner = owner;
        this.readOnly = readOnly;
        this.clock = clock;
        this.connection = connection;
    }

    /**
     * Opens the workspace at {@code location}; {@code asUser} (or, when null, the database user)
     * owns the drafts this store sees. An older schema is migrated unless read-only; a newer one
     * or a schema without amlsh's tables is refused.
     */
    public static PostgresWorkspaceStore open(
            PostgresConnector connector, String asUser, boolean readOnly, Clock clock) {
        Connection c = connector.connect();
        PostgresWorkspaceStore store = null;
        try {
            int schema = PostgresSchema.check(c, connector);
            if (schema < PostgresSchema.CURRENT) {
                if (readOnly) {
                    throw new WorkspaceUnavailableException("workspace "
                            + connector.location().display() + " has schema "
                            + schema + " from an older amlsh and is open read-only, so it cannot be upgraded to schema "
                            + PostgresSchema.CURRENT + "; open it once for writing");
                }
                PostgresSchema.upgrade(c);
            }
            String owner = asUser;
            if (owner == null) {
                try (PreparedStatement ps = c.prepareStatement("SELECT current_user");
                        ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    owner = rs.getString(1);
                }
            }
            if (readOnly) {
                c.setReadOnly(true);
            }
            store = new PostgresWorkspaceStore(connector.location(), owner, readOnly, clock, c);
            return store;
        } catch (SQLException e) {
            closeQuietly(c);
            throw connector.translate(e, "open the workspace");
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /** Creates the workspace's tables in the URL's schema (made if missing); refused if they exist. */
    public static void create(PostgresConnector connector) {
        Connection c = connector.connect();
        try {
            PostgresSchema.create(c, connector);
        } finally {
            closeQuietly(c);
        }
    }

    /** Whether the URL's schema holds a workspace (of any schema version); the server must answer. */
    public static boolean exists(PostgresConnector connector) {
        Connection c = connector.connect();
        try {
            return PostgresSchema.hasMeta(c);
        } catch (SQLException e) {
            throw connector.translate(e, "open the workspace");
        } finally {
            closeQuietly(c);
        }
    }

    @Override
    public String name() {
        return name;
    }

    public PostgresLocation location() {
        return location;
    }

    /** Whose drafts this store reads and writes. */
    public String owner() {
        return owner;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    public synchronized int schemaVersion() {
        return read(() -> PostgresSchema.version(connection));
    }

    @Override
    public synchronized <T> T snapshot(Function<WorkspaceStore, T> reads) {
        return read(() -> reads.apply(this));
    }

    // settings

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
        write("set the default base image", null, () -> {
            PreparedStatement ps = ps("INSERT INTO meta (key, value) VALUES (?, ?)"
                    + " ON CONFLICT (key) DO UPDATE SET value = excluded.value");
            ps.setString(1, DEFAULT_BASE_IMAGE_KEY);
            ps.setString(2, image.strip());
            ps.executeUpdate();
            return null;
        });
    }

    // drafts (this user's)

    @Override
    public synchronized Optional<Environment> draft(String draftName) {
        return read(() -> readDraft(draftName));
    }

    private Optional<Environment> readDraft(String draftName) throws SQLException {
        PreparedStatement ps = ps("SELECT definition, conda_file FROM drafts WHERE owner = ? AND name = ?");
        ps.setString(1, owner);
        ps.setString(2, draftName);
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
                    "the stored conda file of draft " + draftName + " cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<Environment> drafts() {
        return read(() -> {
            PreparedStatement ps = ps("SELECT name, definition, conda_file FROM drafts WHERE owner = ? ORDER BY name");
            ps.setString(1, owner);
            List<Environment> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
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
        return write("save the draft " + draft.name(), draft.name(), () -> {
            Optional<Environment> previous = readDraft(draft.name());
            upsertDraft(draft);
            return previous;
        });
    }

    private void upsertDraft(Environment draft) throws SQLException {
        PreparedStatement ps = ps("INSERT INTO drafts (owner, name, definition, updated_at, conda_file)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (owner, name) DO UPDATE SET definition = excluded.definition,"
                + " updated_at = excluded.updated_at, conda_file = excluded.conda_file");
        ps.setString(1, owner);
        ps.setString(2, draft.name());
        ps.setString(3, DefinitionJson.write(DefinitionJson.withoutSecrets(draft)));
        ps.setString(4, now().toString());
        ps.setString(5, draft.condaFile() == null ? null : draft.condaFile().storedForm());
        ps.executeUpdate();
    }

    @Override
    public synchronized Environment updateDraft(String draftName, DraftEdit edit) {
        return write("edit the draft " + draftName, draftName, () -> {
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
            upsertDraft(edited);
            return edited;
        });
    }

    @Override
    public synchronized boolean discardDraft(String draftName) {
        return write("discard the draft " + draftName, draftName, () -> {
            PreparedStatement ps = ps("DELETE FROM drafts WHERE owner = ? AND name = ?");
            ps.setString(1, owner);
            ps.setString(2, draftName);
            return ps.executeUpdate() > 0;
        });
    }

    // registration

    @Override
    public synchronized Registration register(Environment env, String explicitVersion) {
        String envName = EnvironmentName.requireRegistrable(env.name());
        Environment candidate = DefinitionJson.withoutSecrets(env).withCondaFile(null); // the service form
        return write("register " + envName, envName, () -> {
            List<RegisteredVersion> relevant = relevantVersions(envName, explicitVersion);
            RegistrationRules.Decision decision =
                    RegistrationRules.decide(envName, candidate, explicitVersion, relevant);
            if (!decision.creates()) {
                return new Registration(decision.existing().orElseThrow(), false);
            }
            Environment stored = candidate.withVersion(decision.version());
            PreparedStatement addName =
                    ps("INSERT INTO names (name, archived) VALUES (?, FALSE)" + " ON CONFLICT (name) DO NOTHING");
            addName.setString(1, envName);
            addName.executeUpdate();
            boolean archived = nameArchived(envName);
            Instant createdAt = now();
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
        insert.setBoolean(4, archived);
        insert.setString(5, DefinitionJson.write(stored));
        insert.setString(6, EnvironmentHashes.condaEnvironmentName(stored.condaSpec()));
        insert.setString(7, EnvironmentHashes.imageName(stored));
        Long number = number(stored.version());
        if (number == null) {
            insert.setNull(8, Types.BIGINT);
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

    /** As the SQLite store: the explicit version, the latest, and the largest integer version (three index lookups). */
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
            return rs.next() && rs.getBoolean(1);
        }
    }

    static Long number(String version) {
        try {
            return Long.parseLong(version);
        } catch (NumberFormatException notAnInteger) {
            return null;
        }
    }

    // reading versions

    @Override
    public synchronized List<String> names(boolean includeArchived) {
        return read(() -> {
            PreparedStatement ps = ps(
                    includeArchived
                            ? "SELECT name FROM names ORDER BY name"
                            : "SELECT n.name FROM names n WHERE EXISTS"
                                    + " (SELECT 1 FROM versions v WHERE v.name = n.name AND NOT v.archived) "
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
            PreparedStatement labels = ps("SELECT version_id, label FROM labels WHERE name = ? ORDER BY seq");
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
                    long id = rs.getLong(1);
                    out.add(version(
                            id,
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getBoolean(5),
                            definitions.containsKey(id) ? null : rs.getString(6),
                            byVersion.getOrDefault(id, List.of())));
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
                + " FROM versions v WHERE v.name = ? AND NOT v.archived ORDER BY v.id DESC LIMIT 1");
        ps.setString(1, envName);
        return one(ps);
    }

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
            archived = rs.getBoolean(5);
            definition = definitions.containsKey(id) ? null : rs.getString(6);
        }
        return Optional.of(version(id, envName, version, createdAt, archived, definition, labelsOf(id)));
    }

    private List<String> labelsOf(long versionId) throws SQLException {
        PreparedStatement ps = ps("SELECT label FROM labels WHERE version_id = ? ORDER BY seq");
        ps.setLong(1, versionId);
        List<String> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

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
        return write("label " + envName + ":" + version, envName, () -> {
            long id = requireVersionId(envName, version);
            PreparedStatement ps = ps("INSERT INTO labels (name, label, version_id) VALUES (?, ?, ?)"
                    + " ON CONFLICT (name, label) DO UPDATE SET version_id = excluded.version_id, seq = excluded.seq");
            for (String label : labels) {
                ps.setString(1, envName);
                ps.setString(2, label);
                ps.setLong(3, id);
                ps.executeUpdate();
            }
            PreparedStatement byId = ps("SELECT " + VERSION_COLUMNS + " FROM versions v WHERE v.id = ?");
            byId.setLong(1, id);
            return one(byId).orElseThrow(() -> new IllegalStateException("version row " + id + " vanished"));
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
        write(what, envName, () -> {
            if (version == null) {
                PreparedStatement n = ps("UPDATE names SET archived = ? WHERE name = ?");
                n.setBoolean(1, archived);
                n.setString(2, envName);
                if (n.executeUpdate() == 0) {
                    throw new AmlshException("environment " + envName + " is not registered");
                }
                PreparedStatement v = ps("UPDATE versions SET archived = ? WHERE name = ?");
                v.setBoolean(1, archived);
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
            v.setBoolean(1, archived);
            v.setLong(2, id);
            v.executeUpdate();
            if (!archived) { // a restored version makes its name visible again
                PreparedStatement n = ps("UPDATE names SET archived = FALSE WHERE name = ?");
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
            Map<String, Boolean> archivedNames = new LinkedHashMap<>();
            try (ResultSet rs =
                    ps("SELECT name, archived FROM names ORDER BY name").executeQuery()) {
                while (rs.next()) {
                    archivedNames.put(rs.getString(1), rs.getBoolean(2));
                }
            }
            List<WorkspaceContent.Name> names = new ArrayList<>();
            for (Map.Entry<String, Boolean> n : archivedNames.entrySet()) {
                names.add(new WorkspaceContent.Name(n.getKey(), n.getValue(), versions(n.getKey())));
            }
            return new WorkspaceContent(defaultBaseImage(), drafts(), names);
        });
    }

    @Override
    public synchronized void load(WorkspaceContent content) {
        write("load a workspace into " + name, null, () -> {
            // nobody registers meanwhile: the check and the load are one step
            ps("LOCK TABLE names, versions, labels, drafts IN EXCLUSIVE MODE").execute();
            PreparedStatement empty =
                    ps("SELECT (SELECT count(*) FROM names) + (SELECT count(*) FROM drafts WHERE owner = ?)");
            empty.setString(1, owner);
            try (ResultSet rs = empty.executeQuery()) {
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
                upsertDraft(draft);
            }
            PreparedStatement addName = ps("INSERT INTO names (name, archived) VALUES (?, ?)");
            PreparedStatement label = ps("INSERT INTO labels (name, label, version_id) VALUES (?, ?, ?)");
            for (WorkspaceContent.Name n : content.names()) {
                addName.setString(1, n.name());
                addName.setBoolean(2, n.archived());
                addName.executeUpdate();
                for (RegisteredVersion v : n.versions()) {
                    long id =
                            insertVersion(DefinitionJson.withoutSecrets(v.environment()), v.createdAt(), v.archived());
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

    // transactions

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    /** Creation and edit times: amlsh's clock in milliseconds (a moved workspace compares equal). */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * One write transaction; with {@code lockedName}, it first takes the advisory lock of that name
     * in this schema, held until commit or rollback.
     */
    private <T> T write(String what, String lockedName, Work<T> work) {
        ensureOpen();
        if (readOnly) {
            throw new WorkspaceUnavailableException("workspace " + name + " is open read-only: cannot " + what);
        }
        return transaction("BEGIN", what, () -> {
            if (lockedName != null) {
                PreparedStatement lock =
                        ps("SELECT pg_advisory_xact_lock(hashtextextended(current_schema() || '/' || ?, 0))");
                lock.setString(1, lockedName);
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                }
            }
            return work.run();
        });
    }

    /** Reads see one snapshot: a read of labels and versions cannot straddle another's commit. */
    private <T> T read(Work<T> work) {
        ensureOpen();
        return transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", "read", work);
    }

    private <T> T transaction(String begin, String what, Work<T> work) {
        boolean read = begin.startsWith("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        if (inSnapshot) {
            if (!read) {
                throw new IllegalStateException("a snapshot only reads: cannot " + what);
            }
            try { // the snapshot's read transaction holds
                return work.run();
            } catch (SQLException e) {
                throw PostgresConnector.translate(e, location, what);
            }
        }
        inSnapshot = read;
        try {
            return transactionOnce(begin, what, work);
        } finally {
            inSnapshot = false;
        }
    }

    private <T> T transactionOnce(String begin, String what, Work<T> work) {
        boolean done = false;
        try {
            ps(begin).execute();
            T result = work.run();
            ps("COMMIT").execute();
            done = true;
            return result;
        } catch (SQLException e) {
            throw PostgresConnector.translate(e, location, what);
        } finally {
            if (!done) {
                try {
                    ps("ROLLBACK").execute();
                } catch (SQLException ignored) {
                    // the connection is gone: the server rolled the transaction back
                }
            }
        }
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
    }

    static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing to do: the connection is gone
        }
    }
}

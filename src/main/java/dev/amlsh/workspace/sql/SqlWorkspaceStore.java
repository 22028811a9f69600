package dev.amlsh.workspace.sql;

import dev.amlsh.conda.roundtrip.CondaDocument;
import dev.amlsh.image.EnvironmentHashes;
import dev.amlsh.model.AmlshException;
import dev.amlsh.model.Environment;
import dev.amlsh.model.EnvironmentName;
import dev.amlsh.model.SdkRelease;
import dev.amlsh.workspace.EnvironmentSummary;
import dev.amlsh.workspace.Labels;
import dev.amlsh.workspace.RegisteredVersion;
import dev.amlsh.workspace.Registration;
import dev.amlsh.workspace.RegistrationRules;
import dev.amlsh.workspace.VersionSummary;
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
 * A workspace in a SQL database: the store contract once, for both dialects. Here are the SQL
 * both databases share (drafts, registration, versions, labels, archiving, listing, moving a
 * workspace), the mapping of rows to definitions, the transactions (a read is one snapshot, a
 * write is one transaction that re-reads what it changes), and the rules no store may disagree
 * on: registry passwords are kept as {@code "***"}, names and labels are validated, an edit cannot
 * rename its draft, a label names one version and moves, creation times are amlsh's clock in
 * milliseconds. A dialect ({@code SqliteWorkspaceStore}, {@code PostgresWorkspaceStore}) opens
 * its database, migrates it, begins its transactions (how it locks) and translates its errors.
 *
 * <p>One connection per store; methods are synchronized, so one store serves one thread at a time.
 * Drafts belong to {@link #owner()} where the dialect keeps owners (a server), else to the file.
 */
public abstract class SqlWorkspaceStore implements WorkspaceStore {

    private static final String DEFAULT_BASE_IMAGE_KEY = "default_base_image";
    private static final String VERSION_COLUMNS = "v.id, v.name, v.version, v.created_at, v.archived, v.definition";

    private final String name;
    private final boolean readOnly;
    private final Clock clock;
    /** Whose drafts: null where drafts have no owner (a workspace file is one person's). */
    private final String owner;

    protected final Connection connection;
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

    protected SqlWorkspaceStore(String name, boolean readOnly, Clock clock, String owner, Connection connection) {
        this.name = name;
        this.readOnly = readOnly;
        this.clock = clock;
        this.owner = owner;
        this.connection = connection;
    }

    // what a dialect says

    /** Begins a write transaction; with {@code lockedName}, writers of that name wait for each other. */
    protected abstract void beginWrite(String lockedName) throws SQLException;

    /** Begins a read transaction that sees one state of the workspace. */
    protected abstract void beginRead() throws SQLException;

    /** A database error as the user reads it (exit 3). */
    protected abstract WorkspaceUnavailableException translate(SQLException e, String what);

    /** Sets a label on a version, moving it from another one, and renewing its place in the labels' order. */
    protected abstract String labelUpsertSql();

    /** The labels' column that orders them as they were set. */
    protected abstract String labelOrder();

    /** Keeps other writers out while a whole workspace is loaded (a no-op where a write already does). */
    protected void lockForLoad() throws SQLException {}

    // identity

    @Override
    public String name() {
        return name;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    /** Whose drafts this store reads and writes; null where drafts have no owner. */
    public String owner() {
        return owner;
    }

    /** Creation and edit times: amlsh's clock in milliseconds, so a moved workspace compares equal. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
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
        write("set the default base image", null, () -> {
            writeDefaultBaseImage(image.strip());
            return null;
        });
    }

    private void writeDefaultBaseImage(String image) throws SQLException {
        PreparedStatement ps = ps("INSERT INTO meta (key, value) VALUES (?, ?)"
                + " ON CONFLICT (key) DO UPDATE SET value = excluded.value");
        ps.setString(1, DEFAULT_BASE_IMAGE_KEY);
        ps.setString(2, image);
        ps.executeUpdate();
    }

    // drafts

    /** The drafts table's rows of this store's owner: {@code WHERE} text, with parameters from 1. */
    private String draftScope() {
        return owner == null ? "" : "owner = ? AND ";
    }

    /** Binds the owner (when drafts have one); returns the next parameter index. */
    private int bindOwner(PreparedStatement ps) throws SQLException {
        if (owner == null) {
            return 1;
        }
        ps.setString(1, owner);
        return 2;
    }

    @Override
    public synchronized Optional<Environment> draft(String draftName) {
        return read(() -> readDraft(draftName));
    }

    private Optional<Environment> readDraft(String draftName) throws SQLException {
        PreparedStatement ps = ps("SELECT definition, conda_file FROM drafts WHERE " + draftScope() + "name = ?");
        ps.setString(bindOwner(ps), draftName);
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

    @Override
    public synchronized List<Environment> drafts() {
        return read(() -> {
            PreparedStatement ps = ps("SELECT name, definition, conda_file FROM drafts"
                    + (owner == null ? "" : " WHERE owner = ?") + " ORDER BY name");
            bindOwner(ps);
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

    /** Writes a draft as the store keeps it: no password, with its conda file's text and its digest. */
    private void upsertDraft(Environment draft) throws SQLException {
        Environment stored = DefinitionJson.withoutSecrets(draft);
        String key = owner == null ? "name" : "owner, name";
        PreparedStatement ps = ps("INSERT INTO drafts (" + key + ", definition, updated_at, conda_file, digest)"
                + " VALUES (" + (owner == null ? "" : "?, ") + "?, ?, ?, ?, ?) ON CONFLICT (" + key + ")"
                + " DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at,"
                + " conda_file = excluded.conda_file, digest = excluded.digest");
        int i = bindOwner(ps);
        ps.setString(i, draft.name());
        ps.setString(i + 1, DefinitionJson.write(stored));
        ps.setString(i + 2, now().toString());
        ps.setString(i + 3, draft.condaFile() == null ? null : draft.condaFile().storedForm());
        ps.setString(i + 4, DefinitionJson.digest(stored));
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
            PreparedStatement ps = ps("DELETE FROM drafts WHERE " + draftScope() + "name = ?");
            ps.setString(bindOwner(ps), draftName);
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
                    ps("INSERT INTO names (name, archived) VALUES (?, FALSE) ON CONFLICT (name) DO NOTHING");
            addName.setString(1, envName);
            addName.executeUpdate();
            boolean archived = nameArchived(envName);
            Instant createdAt = now();
            long id = insertVersion(stored, createdAt, archived);
            return new Registration(new RegisteredVersion(stored, id, createdAt, archived, List.of()), true);
        });
    }

    /** Inserts a version row (its name's row exists) with its hashes, number and digest; returns its id. */
    private long insertVersion(Environment stored, Instant createdAt, boolean archived) throws SQLException {
        PreparedStatement insert = ps("INSERT INTO versions"
                + " (name, version, created_at, archived, definition, conda_hash, image_hash, number, digest)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
        insert.setString(1, stored.name());
        insert.setString(2, stored.version());
        insert.setString(3, createdAt.toString());
        insert.setBoolean(4, archived);
        insert.setString(5, DefinitionJson.write(stored));
        insert.setString(
                6, stored.hasCondaDependencies() ? EnvironmentHashes.condaEnvironmentName(stored.condaSpec()) : null);
        insert.setString(7, EnvironmentHashes.imageName(stored));
        Long number = number(stored.version());
        if (number == null) {
            insert.setNull(8, Types.BIGINT);
        } else {
            insert.setLong(8, number);
        }
        insert.setString(9, DefinitionJson.digest(stored));
        long id;
        try (ResultSet rs = insert.executeQuery()) {
            rs.next();
            id = rs.getLong(1);
        }
        definitions.put(id, stored);
        return id;
    }

    /** A version as {@link RegistrationRules#nextVersion} counts it: a long, or null. */
    public static Long number(String version) {
        try {
            return Long.parseLong(version);
        } catch (NumberFormatException notAnInteger) {
            return null;
        }
    }

    /**
     * The versions {@link RegistrationRules#decide} looks at, read inside the write transaction:
     * the one with the explicit version, the latest, and the one with the largest integer version
     * (the {@code number} column). Deciding over these gives the same answer as over all versions
     * (the rules look at nothing else), with three index lookups however long a name's history.
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
            return rs.next() && rs.getBoolean(1);
        }
    }

    // listing

    @Override
    public synchronized List<String> names(boolean includeArchived) {
        return read(() -> {
            PreparedStatement ps = ps(
                    includeArchived
                            ? "SELECT name FROM names ORDER BY name"
                            : "SELECT n.name FROM names n WHERE EXISTS"
                                    + " (SELECT 1 FROM versions v WHERE v.name = n.name AND v.archived = FALSE)"
                                    + " ORDER BY n.name");
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
    public synchronized List<EnvironmentSummary> summaries(boolean includeArchived) {
        return read(() -> {
            PreparedStatement ps = ps(SummaryQueries.summarySql(owner != null));
            if (owner != null) {
                ps.setString(1, owner);
                ps.setString(2, owner);
            }
            return SummaryQueries.summaries(ps, includeArchived);
        });
    }

    @Override
    public synchronized List<VersionSummary> versionSummaries(String envName) {
        return read(() -> {
            PreparedStatement ps = ps(SummaryQueries.versionsSql(envName != null, "l." + labelOrder()));
            if (envName != null) {
                ps.setString(1, envName);
            }
            return SummaryQueries.versions(ps, name);
        });
    }

    // reading versions

    @Override
    public synchronized List<RegisteredVersion> versions(String envName) {
        return read(() -> {
            PreparedStatement labels =
                    ps("SELECT version_id, label FROM labels WHERE name = ? ORDER BY " + labelOrder());
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
                + " FROM versions v WHERE v.name = ? AND v.archived = FALSE ORDER BY v.id DESC LIMIT 1");
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
            archived = rs.getBoolean(5);
            definition = definitions.containsKey(id) ? null : rs.getString(6);
        }
        return Optional.of(version(id, envName, version, createdAt, archived, definition, labelsOf(id)));
    }

    private List<String> labelsOf(long versionId) throws SQLException {
        PreparedStatement ps = ps("SELECT label FROM labels WHERE version_id = ? ORDER BY " + labelOrder());
        ps.setLong(1, versionId);
        List<String> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
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
        return write("label " + envName + ":" + version, envName, () -> {
            long id = requireVersionId(envName, version);
            PreparedStatement ps = ps(labelUpsertSql());
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
            if (!archived) { // a restored version makes its name visible again: new versions are not archived
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
            lockForLoad(); // nobody registers meanwhile: the check and the load are one step
            PreparedStatement empty = ps("SELECT (SELECT count(*) FROM names) + (SELECT count(*) FROM drafts"
                    + (owner == null ? "" : " WHERE owner = ?") + ")");
            bindOwner(empty);
            try (ResultSet rs = empty.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new AmlshException(WorkspaceContent.notEmpty(name));
                }
            }
            writeDefaultBaseImage(content.defaultBaseImage());
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

    /** A unit of work inside a transaction. */
    @FunctionalInterface
    protected interface Work<T> {
        T run() throws SQLException;
    }

    /** How a dialect begins a transaction. */
    @FunctionalInterface
    protected interface Begin {
        void run() throws SQLException;
    }

    private <T> T write(String what, String lockedName, Work<T> work) {
        ensureOpen();
        if (readOnly) {
            throw new WorkspaceUnavailableException("workspace " + name + " is open read-only: cannot " + what);
        }
        if (inSnapshot) {
            throw new IllegalStateException("a snapshot only reads: cannot " + what);
        }
        return transaction(() -> beginWrite(lockedName), what, work);
    }

    /** Runs {@code work} in one read transaction, or in the snapshot's that is open. */
    protected final <T> T read(Work<T> work) {
        ensureOpen();
        if (inSnapshot) {
            try { // the snapshot's read transaction holds
                return work.run();
            } catch (SQLException e) {
                throw translate(e, "read");
            }
        }
        inSnapshot = true;
        try {
            return transaction(this::beginRead, "read", work);
        } finally {
            inSnapshot = false;
        }
    }

    /** Runs {@code work} in a write transaction the dialect begins (a migration, say). */
    protected final <T> T transaction(Begin begin, String what, Work<T> work) {
        boolean done = false;
        try {
            begin.run();
            T result = work.run();
            // Ctrl-C at the prompt interrupts the thread; the drivers' calls ignore that, so the flag
            // is checked here: an interrupted write is rolled back (finally), never committed
            dev.amlsh.model.Interrupted.check();
            ps("COMMIT").execute();
            done = true;
            return result;
        } catch (SQLException e) {
            throw translate(e, what);
        } finally {
            if (!done) {
                try {
                    ps("ROLLBACK").execute();
                } catch (SQLException ignored) {
                    // no transaction left to roll back (the database ended it), or the connection is gone
                }
            }
        }
    }

    /** A prepared statement of this connection, prepared once. */
    protected final PreparedStatement ps(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    protected final void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("workspace " + name + " is closed");
        }
    }

    /** Runs when the store is closed, after its connection is (a dialect's clean-up). */
    protected void afterClose() {}

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
        afterClose();
    }

    protected static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing to do: the connection is gone
        }
    }
}

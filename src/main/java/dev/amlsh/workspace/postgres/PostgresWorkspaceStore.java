package dev.amlsh.workspace.postgres;

import dev.amlsh.workspace.RegistrationRules;
import dev.amlsh.workspace.WorkspaceUnavailableException;
import dev.amlsh.workspace.sql.SqlWorkspaceStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;

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
public final class PostgresWorkspaceStore extends SqlWorkspaceStore {

    private final PostgresLocation location;

    private PostgresWorkspaceStore(
            PostgresLocation location, String owner, boolean readOnly, Clock clock, Connection connection) {
        super(location.display(), readOnly, clock, owner, connection);
        this.location = location;
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

    public PostgresLocation location() {
        return location;
    }

    public synchronized int schemaVersion() {
        return read(() -> PostgresSchema.version(connection));
    }

    // the dialect

    /** A write to a name first takes that name's advisory lock in this schema, held until commit or rollback. */
    @Override
    protected void beginWrite(String lockedName) throws SQLException {
        ps("BEGIN").execute();
        if (lockedName != null) {
            PreparedStatement lock =
                    ps("SELECT pg_advisory_xact_lock(hashtextextended(current_schema() || '/' || ?, 0))");
            lock.setString(1, lockedName);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
            }
        }
    }

    /** Reads see one snapshot: a read of labels and versions cannot straddle another's commit. */
    @Override
    protected void beginRead() throws SQLException {
        ps("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY").execute();
    }

    @Override
    protected WorkspaceUnavailableException translate(SQLException e, String what) {
        return PostgresConnector.translate(e, location, what);
    }

    /** A moved label takes a new seq: its place in the order labels were set, as in SQLite. */
    @Override
    protected String labelUpsertSql() {
        return "INSERT INTO labels (name, label, version_id) VALUES (?, ?, ?)"
                + " ON CONFLICT (name, label) DO UPDATE SET version_id = excluded.version_id, seq = excluded.seq";
    }

    @Override
    protected String labelOrder() {
        return "seq";
    }

    @Override
    protected void lockForLoad() throws SQLException {
        ps("LOCK TABLE names, versions, labels, drafts IN EXCLUSIVE MODE").execute();
    }
}

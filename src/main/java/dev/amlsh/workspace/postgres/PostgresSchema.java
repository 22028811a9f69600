package dev.amlsh.workspace.postgres;

import dev.amlsh.model.AmlshException;
import dev.amlsh.workspace.WorkspaceUnavailableException;
import dev.amlsh.workspace.sql.DigestMigration;
import dev.amlsh.workspace.sqlite.SqlScript;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The workspace's tables in a PostgreSQL schema: made at schema {@link #FIRST} (the SQLite
 * format's schema of the same number, see {@code schema.sql}), brought to {@link #CURRENT} by the
 * same numbered migrations as the file. {@code meta.schema_version} holds the number.
 */
final class PostgresSchema {

    /** The schema a new PostgreSQL workspace is made at. */
    static final int FIRST = 2;

    /** What this amlsh writes: the SQLite file format's current schema. */
    static final int CURRENT = 4;

    private PostgresSchema() {}

    /** Makes the tables (and the schema, when missing) in one transaction; refused when they exist. */
    static void create(Connection c, PostgresConnector connector) {
        String ws = "workspace " + connector.location().display();
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN");
            try {
                // one creator at a time in this database: a second one finds the tables and stops
                s.execute("SELECT pg_advisory_xact_lock(hashtextextended('amlsh-create/' || "
                        + quoteLiteral(connector.location().schema()) + ", 0))");
                s.execute(
                        "CREATE SCHEMA IF NOT EXISTS \"" + connector.location().schema() + "\"");
                s.execute("SET LOCAL search_path TO \"" + connector.location().schema() + "\"");
                if (hasMeta(c)) {
                    throw new AmlshException(ws + " already exists");
                }
                for (String sql : script("schema.sql")) {
                    s.execute(sql);
                }
                migrate(c, FIRST);
                s.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        } catch (SQLException e) {
            throw connector.translate(e, "create the workspace");
        }
    }

    /**
     * The schema number of the workspace in the connection's schema; refuses a schema without
     * amlsh's tables, another application's tables, or a schema newer than {@link #CURRENT}.
     */
    static int check(Connection c, PostgresConnector connector) throws SQLException {
        String ws = "workspace " + connector.location().display();
        if (!hasMeta(c)) {
            throw new WorkspaceUnavailableException(
                    "no amlsh workspace at " + connector.location().display()
                            + " (schema " + connector.location().schema() + " has no amlsh tables; create it with"
                            + " 'workspace create " + connector.location().display() + "')");
        }
        String application = null;
        Integer version = null;
        try (Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT key, value FROM meta WHERE key IN ('application', 'schema_version')")) {
            while (rs.next()) {
                if (rs.getString(1).equals("application")) {
                    application = rs.getString(2);
                } else {
                    version = parse(rs.getString(2));
                }
            }
        }
        if (!"amlsh workspace".equals(application) || version == null) {
            throw new WorkspaceUnavailableException(ws + ": schema "
                    + connector.location().schema() + " has a meta table that is not amlsh's; it was left unchanged");
        }
        if (version > CURRENT) {
            throw new WorkspaceUnavailableException(
                    ws + " was written by a newer amlsh: its schema is " + version + ", this amlsh reads schemas up to "
                            + CURRENT + "; upgrade amlsh. The workspace was left unchanged");
        }
        return version;
    }

    static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT value FROM meta WHERE key = 'schema_version'")) {
            rs.next();
            return parse(rs.getString(1));
        }
    }

    /**
     * Brings an older workspace to {@link #CURRENT} in one transaction; the number is read again
     * under a lock on {@code meta}, since another amlsh may have upgraded it meanwhile.
     */
    static void upgrade(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN");
            try {
                s.execute("LOCK TABLE meta IN EXCLUSIVE MODE");
                migrate(c, version(c));
                s.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        }
    }

    /** The migrations after {@code from}, in the caller's transaction; each script sets meta.schema_version. */
    private static void migrate(Connection c, int from) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (int target = from + 1; target <= CURRENT; target++) {
                for (String sql : script("migrate-to-v" + target + ".sql")) {
                    s.execute(sql);
                }
                if (target == 4) {
                    DigestMigration.fill(c, List.of("owner", "name"));
                }
            }
        }
    }

    static boolean hasMeta(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass('meta') IS NOT NULL");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static Integer parse(String number) {
        try {
            return Integer.parseInt(number.strip());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String quoteLiteral(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static List<String> script(String name) {
        try (InputStream in = PostgresSchema.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing SQL resource " + name);
            }
            return SqlScript.split(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

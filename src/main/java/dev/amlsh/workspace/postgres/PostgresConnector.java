package dev.amlsh.workspace.postgres;

import dev.amlsh.workspace.WorkspaceUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * Opens connections to the server a {@link PostgresLocation} names, as the user and with the
 * password {@link PostgresCredentials} resolves, and says in plain words why one failed: the
 * server is down, refused the login, has no such database. Every such failure is a
 * {@link WorkspaceUnavailableException} (exit 3) and never contains the password.
 */
public final class PostgresConnector {

    /** Seconds to wait for a server that does not answer (a firewall drops packets, a host is down). */
    static final int CONNECT_TIMEOUT_SECONDS = 10;

    private final PostgresLocation location;
    private final PostgresCredentials credentials;
    private final int port;

    public PostgresConnector(PostgresLocation location, Map<String, String> env) {
        this.location = location;
        this.port = location.effectivePort(env);
        this.credentials = PostgresCredentials.resolve(location, env);
    }

    public PostgresLocation location() {
        return location;
    }

    public String user() {
        return credentials.user();
    }

    public Connection connect() {
        Properties p = new Properties();
        p.setProperty("user", credentials.user());
        if (credentials.password() != null) {
            p.setProperty("password", credentials.password());
        }
        p.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        p.setProperty("ApplicationName", "amlsh");
        try {
            Connection c = new Driver().connect(location.jdbcUrl(port), p);
            c.setAutoCommit(true); // transactions are begun and ended explicitly, as in the SQLite store
            return c;
        } catch (SQLException e) {
            throw translate(e, "connect");
        }
    }

    /** The failure of one operation, in words; {@code what} is the operation ("register pytorch"). */
    WorkspaceUnavailableException translate(SQLException e, String what) {
        return translate(e, location, what, credentials);
    }

    static WorkspaceUnavailableException translate(SQLException e, PostgresLocation location, String what) {
        return translate(e, location, what, null);
    }

    private static WorkspaceUnavailableException translate(
            SQLException e, PostgresLocation location, String what, PostgresCredentials credentials) {
        String ws = "workspace " + location.display();
        String server = location.host() + (location.port() == null ? "" : ":" + location.port());
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message;
        if (state.equals("28P01") || state.equals("28000")) {
            message = ws + ": the server refused the login"
                    + (credentials == null
                            ? ""
                            : " of user " + credentials.user() + " (" + credentials.passwordSource() + ")")
                    + ": " + firstLine(e);
        } else if (state.equals("3D000")) {
            message = ws + ": the server at " + server + " has no database " + location.database()
                    + " (create it first, e.g. createdb " + location.database() + ")";
        } else if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            message = ws + ": the PostgreSQL server at " + server + " cannot be reached (" + firstLine(e)
                    + "); is it running? cannot " + what;
        } else if (state.equals("42501")) {
            message = ws + ": the server does not allow this user to " + what + ": " + firstLine(e);
        } else if (state.equals("53100")) {
            message = ws + ": the server's disk is full; cannot " + what;
        } else {
            message = ws + ": cannot " + what + ": " + firstLine(e);
        }
        return new WorkspaceUnavailableException(message, e);
    }

    private static String firstLine(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }
}

package dev.amlsh.workspace.sqlite;

import dev.amlsh.image.EnvironmentHashes;
import dev.amlsh.model.Environment;
import dev.amlsh.workspace.WorkspaceUnavailableException;
import dev.amlsh.workspace.sql.DigestMigration;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The workspace file format: how a file is recognised as an amlsh workspace, which schema it
 * has, and the migrations from each schema to the next.
 *
 * <p>A workspace is an SQLite 3 database whose header has {@code application_id}
 * {@link #APPLICATION_ID} and whose {@code user_version} is its schema number. Schema 1 is the
 * first; {@link #CURRENT} is what this amlsh writes. A new workspace is made by the schema-1
 * script followed by every migration, so every workspace takes the same path.
 */
final class SqliteSchema {

    /** {@code "amls"} in ASCII, big-endian: PRAGMA application_id of every amlsh workspace. */
    static final int APPLICATION_ID = 0x616D6C73;

    static final int CURRENT = 4;

    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private SqliteSchema() {}

    /** What the file's 100-byte header says, read without SQLite (so nothing can be written). */
    record Header(int applicationId, int userVersion) {}

    /**
     * Reads the header and refuses a file that is not an amlsh workspace or comes from a newer
     * amlsh. Opens the file for reading only.
     */
    static Header checkHeader(Path file, String workspace) {
        byte[] header = new byte[100];
        int read = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.wrap(header);
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer);
                if (n < 0) {
                    break;
                }
                read += n;
            }
        } catch (IOException e) {
            throw new WorkspaceUnavailableException(
                    "workspace " + workspace + " cannot be read (" + file + "): " + e.getMessage(), e);
        }
        if (read == 0) {
            throw new WorkspaceUnavailableException(
                    "workspace " + workspace + ": " + file + " is an empty file, not an amlsh workspace");
        }
        if (read < 100 || !startsWith(header, MAGIC)) {
            throw new WorkspaceUnavailableException("workspace " + workspace + ": " + file
                    + " is not an amlsh workspace (not an SQLite database); it was left unchanged");
        }
        ByteBuffer b = ByteBuffer.wrap(header);
        Header h = new Header(b.getInt(68), b.getInt(60));
        requireAmlsh(h, file, workspace);
        return h;
    }

    /** Refuses a foreign database or a newer schema; the numbers come from the header or from PRAGMAs. */
    static void requireAmlsh(Header h, Path file, String workspace) {
        if (h.applicationId() != APPLICATION_ID) {
            throw new WorkspaceUnavailableException("workspace " + workspace + ": " + file
                    + " is an SQLite database but not an amlsh workspace (application_id "
                    + String.format("0x%08X", h.applicationId()) + "); it was left unchanged");
        }
        if (h.userVersion() > CURRENT) {
            throw new WorkspaceUnavailableException("workspace " + workspace + " (" + file
                    + ") was written by a newer amlsh: its schema is " + h.userVersion() + ", this amlsh reads schemas"
                    + " up to " + CURRENT + "; upgrade amlsh. The file was left unchanged");
        }
        if (h.userVersion() < 1) {
            throw new WorkspaceUnavailableException("workspace " + workspace + " (" + file
                    + ") has no schema version: it is not a complete amlsh workspace; it was left unchanged");
        }
    }

    static Header pragmas(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            int appId;
            int userVersion;
            try (ResultSet rs = s.executeQuery("PRAGMA application_id")) {
                rs.next();
                appId = rs.getInt(1);
            }
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                rs.next();
                userVersion = rs.getInt(1);
            }
            return new Header(appId, userVersion);
        }
    }

    /** The tables a workspace of this schema has; refuses a file that lacks one (a damaged or half-made workspace). */
    static void requireTables(Connection c, int schema, Path file, String workspace) throws SQLException {
        List<String> expected = new ArrayList<>(List.of("meta", "drafts", "names", "versions"));
        if (schema >= 2) {
            expected.add("labels");
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table'")) {
            while (rs.next()) {
                expected.remove(rs.getString(1));
            }
        }
        if (!expected.isEmpty()) {
            throw new WorkspaceUnavailableException("workspace " + workspace + " (" + file + ") is damaged: it has no "
                    + String.join(", ", expected) + " table; it was left unchanged");
        }
    }

    /** {@code PRAGMA quick_check}: the problems found, empty when the file is sound. */
    static List<String> quickCheck(Connection c) throws SQLException {
        return check(c, "PRAGMA quick_check");
    }

    /** {@code PRAGMA integrity_check}: the problems found, empty when the file is sound. */
    static List<String> integrityCheck(Connection c) throws SQLException {
        return check(c, "PRAGMA integrity_check");
    }

    private static List<String> check(Connection c, String pragma) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(pragma)) {
            while (rs.next()) {
                String line = rs.getString(1);
                if (!"ok".equals(line)) {
                    problems.add(line);
                }
            }
        } catch (SQLException e) {
            int code = e.getErrorCode() & 0xff;
            if (code != 11 && code != 26) { // SQLITE_CORRUPT, SQLITE_NOTADB: the check's own finding
                throw e;
            }
            problems.add(e.getMessage());
        }
        return problems;
    }

    /** Makes an empty file a workspace of schema 1 and migrates it to {@link #CURRENT}, in the open transaction. */
    static void create(Connection c) throws SQLException {
        SqlScript.run(c, SqlScript.resource("schema-v1.sql"));
        migrate(c, 1);
    }

    /** Brings a workspace of schema {@code from} to {@link #CURRENT}, in the caller's transaction. */
    static void migrate(Connection c, int from) throws SQLException {
        for (int target = from + 1; target <= CURRENT; target++) {
            SqlScript.run(c, SqlScript.resource("migrate-to-v" + target + ".sql"));
            if (target == 2) {
                fillHashes(c);
            }
            if (target == 4) {
                DigestMigration.fill(c, List.of("name"));
            }
        }
    }

    /** Schema 2's Java step: the hashes and numbers of versions registered under schema 1. */
    private static void fillHashes(Connection c) throws SQLException {
        List<Long> ids = new ArrayList<>();
        List<String> definitions = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id, definition FROM versions ORDER BY id");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
                definitions.add(rs.getString(2));
            }
        }
        try (PreparedStatement update =
                c.prepareStatement("UPDATE versions SET conda_hash = ?, image_hash = ?, number = ? WHERE id = ?")) {
            for (int i = 0; i < ids.size(); i++) {
                Environment env = DefinitionJson.read("versions row " + ids.get(i), definitions.get(i));
                update.setString(
                        1, env.hasCondaDependencies() ? EnvironmentHashes.condaEnvironmentName(env.condaSpec()) : null);
                update.setString(2, EnvironmentHashes.imageName(env));
                Long number = number(env.version());
                if (number == null) {
                    update.setNull(3, java.sql.Types.INTEGER);
                } else {
                    update.setLong(3, number);
                }
                update.setLong(4, ids.get(i));
                update.executeUpdate();
            }
        }
    }

    /** A version as {@link dev.amlsh.workspace.RegistrationRules#nextVersion} counts it: a long, or null. */
    static Long number(String version) {
        try {
            return Long.parseLong(version);
        } catch (NumberFormatException notAnInteger) {
            return null;
        }
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}

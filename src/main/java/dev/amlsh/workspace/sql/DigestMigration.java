package dev.amlsh.workspace.sql;

import dev.amlsh.workspace.sqlite.DefinitionJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Schema 4's Java step, the same for both dialects: the digest ({@link DefinitionJson#digest}) of
 * every version and draft written before schema 4, in the migrating transaction. Rows are
 * addressed by their primary key columns, which differ: drafts are {@code (name)} in a file and
 * {@code (owner, name)} on a server.
 */
public final class DigestMigration {

    private DigestMigration() {}

    /** Fills {@code versions.digest} and {@code drafts.digest}; {@code draftKey} is the drafts table's key. */
    public static void fill(Connection c, List<String> draftKey) throws SQLException {
        fill(c, "versions", List.of("id"));
        fill(c, "drafts", draftKey);
    }

    private static void fill(Connection c, String table, List<String> key) throws SQLException {
        String keys = String.join(", ", key);
        List<List<Object>> rows = new ArrayList<>();
        List<String> definitions = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT " + keys + ", definition FROM " + table);
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= key.size(); i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
                definitions.add(rs.getString(key.size() + 1));
            }
        }
        String where = String.join(" AND ", key.stream().map(k -> k + " = ?").toList());
        try (PreparedStatement update = c.prepareStatement("UPDATE " + table + " SET digest = ? WHERE " + where)) {
            for (int i = 0; i < rows.size(); i++) {
                update.setString(
                        1,
                        DefinitionJson.digest(DefinitionJson.read(table + " row " + rows.get(i), definitions.get(i))));
                for (int k = 0; k < key.size(); k++) {
                    update.setObject(k + 2, rows.get(i).get(k));
                }
                update.executeUpdate();
            }
        }
    }
}

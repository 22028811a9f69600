package dev.amlsh.workspace.sql;

import dev.amlsh.workspace.EnvironmentSummary;
import dev.amlsh.workspace.EnvironmentSummary.DraftState;
import dev.amlsh.workspace.VersionSummary;
import dev.amlsh.workspace.WorkspaceUnavailableException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The listing queries both dialects share: {@code env list}'s one summary query per workspace
 * (each name's latest version, count, and newest version's digest beside its draft's), and the
 * versions of one name or of all, from stored columns only. {@code FALSE} is a boolean on a
 * server and 0 in SQLite, so the text is the same.
 */
public final class SummaryQueries {

    private SummaryQueries() {}

    /**
     * One row per name with a version or a draft; {@code ownedDrafts}: drafts have an owner (a
     * server), bound as parameters 1 and 2. One pass over the versions' index groups them by name
     * (count, the latest id that is not archived, the last id); the latest and the newest version
     * (the latest, else the last) are then looked up by id: no query per name.
     */
    public static String summarySql(boolean ownedDrafts) {
        String owner = ownedDrafts ? " WHERE owner = ?" : "";
        String join = ownedDrafts ? " AND d.owner = ?" : "";
        return "WITH keys AS (SELECT name FROM names UNION SELECT name FROM drafts" + owner + "),"
                + " agg AS (SELECT name, count(*) AS n, max(CASE WHEN archived = FALSE THEN id END) AS latest_id,"
                + " max(id) AS last_id FROM versions GROUP BY name)"
                + " SELECT k.name, d.name, d.digest, lv.version, coalesce(a.n, 0), nv.digest"
                + " FROM keys k LEFT JOIN agg a ON a.name = k.name"
                + " LEFT JOIN versions lv ON lv.id = a.latest_id"
                + " LEFT JOIN versions nv ON nv.id = coalesce(a.latest_id, a.last_id)"
                + " LEFT JOIN drafts d ON d.name = k.name" + join
                + " ORDER BY k.name";
    }

    /** Reads {@link #summarySql}'s rows (its parameters bound). */
    public static List<EnvironmentSummary> summaries(PreparedStatement ps, boolean includeArchived)
            throws SQLException {
        List<EnvironmentSummary> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString(1);
                boolean hasDraft = rs.getString(2) != null;
                String draftDigest = rs.getString(3);
                String latest = rs.getString(4);
                int versions = rs.getInt(5);
                String newestDigest = rs.getString(6);
                boolean archived = versions > 0 && latest == null;
                if (archived && !hasDraft && !includeArchived) {
                    continue;
                }
                DraftState state = !hasDraft
                        ? null
                        : versions == 0
                                ? DraftState.NEW
                                : draftDigest != null && draftDigest.equals(newestDigest)
                                        ? DraftState.SAME
                                        : DraftState.CHANGED;
                out.add(new EnvironmentSummary(name, state, latest, versions, archived));
            }
        }
        return out;
    }

    /** The versions of one name ({@code byName}, parameter 1) or of all, labels in the order they were set. */
    public static String versionsSql(boolean byName, String labelOrder) {
        return "SELECT v.name, v.version, v.created_at, v.archived, v.image_hash, l.label"
                + " FROM versions v LEFT JOIN labels l ON l.version_id = v.id"
                + (byName ? " WHERE v.name = ?" : "")
                + " ORDER BY v.name, v.id, " + labelOrder;
    }

    /** Reads {@link #versionsSql}'s rows: one per version and label, folded into one summary per version. */
    public static List<VersionSummary> versions(PreparedStatement ps, String workspace) throws SQLException {
        List<VersionSummary> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            String name = null;
            String version = null;
            Instant created = null;
            boolean archived = false;
            String image = null;
            List<String> labels = new ArrayList<>();
            while (rs.next()) {
                String n = rs.getString(1);
                String v = rs.getString(2);
                if (!n.equals(name) || !v.equals(version)) {
                    if (name != null) {
                        out.add(new VersionSummary(name, version, created, archived, labels, image));
                    }
                    name = n;
                    version = v;
                    created = instant(rs.getString(3), workspace, n + ":" + v);
                    archived = rs.getBoolean(4);
                    image = rs.getString(5);
                    labels = new ArrayList<>();
                }
                String label = rs.getString(6);
                if (label != null) {
                    labels.add(label);
                }
            }
            if (name != null) {
                out.add(new VersionSummary(name, version, created, archived, labels, image));
            }
        }
        return out;
    }

    private static Instant instant(String text, String workspace, String what) {
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            throw new WorkspaceUnavailableException(
                    "workspace " + workspace + " is damaged: " + what + " has no valid creation time ('" + text + "')",
                    e);
        }
    }
}

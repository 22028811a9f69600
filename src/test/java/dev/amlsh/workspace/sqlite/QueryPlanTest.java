package dev.amlsh.workspace.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hot paths' queries are index lookups, never a scan of all versions (what keeps 30,000 versions fast). */
class QueryPlanTest {

    @TempDir
    static Path dir;

    static Path file;

    static List<String> plan(String sql) throws Exception {
        if (file == null) {
            file = dir.resolve("plan.amlsh");
            SqliteWorkspaceStore.create(file, "plan");
        }
        List<String> steps = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("EXPLAIN QUERY PLAN " + sql)) {
            while (rs.next()) {
                steps.add(rs.getString(4));
            }
        }
        return steps;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // latest
                "SELECT v.id FROM versions v WHERE v.name = 'a' AND v.archived = 0 ORDER BY v.id DESC LIMIT 1",
                // the largest number (registration)
                "SELECT v.id FROM versions v WHERE v.name = 'a' AND v.number IS NOT NULL ORDER BY v.number DESC "
                        + "LIMIT 1",
                // NAME:VERSION
                "SELECT v.id FROM versions v WHERE v.name = 'a' AND v.version = '1'",
                // NAME@LABEL
                "SELECT v.id FROM labels l JOIN versions v ON v.id = l.version_id WHERE l.name = 'a' AND l.label "
                        + "= 'prod'",
                // env versions NAME
                "SELECT v.id FROM versions v WHERE v.name = 'a' ORDER BY v.id",
                "SELECT label FROM labels WHERE version_id = 3 ORDER BY rowid"
            })
    void lookupsUseAnIndex(String sql) throws Exception {
        assertThat(plan(sql)).allSatisfy(step -> assertThat(step).doesNotStartWith("SCAN"));
    }

    @Test
    void listingNamesScansNamesOnlyAndLooksVersionsUpByIndex() throws Exception {
        assertThat(plan("SELECT n.name FROM names n WHERE EXISTS"
                        + " (SELECT 1 FROM versions v WHERE v.name = n.name AND v.archived = 0) ORDER BY n.name"))
                .contains("SCAN n")
                .anySatisfy(step -> assertThat(step).startsWith("SEARCH v").contains("INDEX versions_by_name"));
    }
}

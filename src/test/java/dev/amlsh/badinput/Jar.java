package dev.amlsh.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amlsh.PackagedJar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The packaged jar ({@link PackagedJar}) as a user runs it, with its own AMLSH_HOME and working
 * folder, plus what a bad-input test needs around it: files to break, and a canonical dump of
 * the workspace (every row of every table, the config file, the list of workspace files) to
 * prove a refused command changed nothing.
 */
final class Jar {

    /** What the process wrote and how it exited. */
    record Result(int code, String out, String err) {

        /** No Java stack trace or exception class name reaches the user. */
        Result noStackTrace() {
            assertThat(err).as("stderr without --debug").doesNotContain("Exception", "\tat ", "at dev.amlsh", "at java.",
                    "at org.");
            return this;
        }

        Result exits(int expected) {
            assertThat(code).as("exit code; stderr:\n" + err).isEqualTo(expected);
            return this;
        }

        String firstErrLine() {
            return err.lines().findFirst().orElse("");
        }
    }

    final Path home;
    final Path cwd;

    Jar(Path root) throws IOException {
        this.home = Files.createDirectories(root.resolve("home"));
        this.cwd = Files.createDirectories(root.resolve("work"));
    }

    Result run(String... args) {
        PackagedJar.Result r = PackagedJar.run(Map.of("AMLSH_HOME", home.toString(), "NO_COLOR", "1"), cwd, "", args);
        return new Result(r.code(), r.out(), r.err());
    }

    Path write(String name, String text) throws IOException {
        return bytes(name, text.getBytes(StandardCharsets.UTF_8));
    }

    Path bytes(String name, byte[] content) throws IOException {
        Path file = cwd.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return file;
    }

    Path workspaceFile(String name) {
        return home.resolve("workspaces").resolve(name + ".amlsh");
    }

    /**
     * Everything a user could lose, as text: each table's rows in a fixed order, the config
     * file, and the names of the workspace files. Read through sqlite-jdbc, read-only.
     */
    String dump() {
        StringBuilder s = new StringBuilder();
        try {
            Path config = home.resolve("config");
            s.append("config: ").append(Files.exists(config) ? Files.readString(config, StandardCharsets.UTF_8) : "-").append('\n');
            Path dir = home.resolve("workspaces");
            List<Path> files = new ArrayList<>();
            if (Files.isDirectory(dir)) {
                try (Stream<Path> list = Files.list(dir)) {
                    list.filter(p -> p.toString().endsWith(".amlsh")).sorted().forEach(files::add);
                }
            }
            for (Path file : files) {
                s.append("== ").append(file.getFileName()).append('\n');
                dumpTables(file, s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return s.toString();
    }

    private static void dumpTables(Path file, StringBuilder s) {
        Properties props = new Properties();
        props.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, props);
                Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                s.append("-- ").append(table).append('\n');
                try (ResultSet rs = st.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int n = rs.getMetaData().getColumnCount();
                    List<String> rows = new ArrayList<>();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= n; i++) {
                            row.append(rs.getMetaData().getColumnName(i)).append('=').append(rs.getString(i)).append(" | ");
                        }
                        rows.add(row.toString());
                    }
                    rows.stream().sorted().forEach(r -> s.append(r).append('\n'));
                }
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot read workspace " + file + ": " + e.getMessage(), e);
        }
    }
}

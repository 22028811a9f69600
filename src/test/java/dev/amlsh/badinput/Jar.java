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
import java.util.concurrent.TimeUnit;
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
            assertThat(err)
                    .as("stderr without --debug")
                    .doesNotContain("Exception", "\tat ", "at dev.amlsh", "at java.", "at org.");
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

    /** CPU seconds (user + system, all threads) of the last {@link #runTimed} run's JVM. */
    double lastCpuSeconds;

    /**
     * Runs as {@link #run} and measures the JVM's CPU time with bash's {@code times}: on a shared,
     * busy machine the wall time says more about the other processes than about amlsh.
     */
    Result runTimed(String... args) throws IOException {
        Path times = Files.createTempFile(cwd.getParent(), "times", ".txt");
        Result r = run(List.of("bash", "-c", "\"$@\"; c=$?; times > " + times + "; exit $c", "bash"), List.of(), args);
        // 'times' prints the shell's own times, then its children's: "0m1.752s 0m0.388s"
        String children = Files.readAllLines(times).get(1);
        lastCpuSeconds = 0;
        for (String t : children.strip().split("\\s+")) {
            int m = t.indexOf('m');
            lastCpuSeconds +=
                    Integer.parseInt(t.substring(0, m)) * 60 + Double.parseDouble(t.substring(m + 1, t.length() - 1));
        }
        return r;
    }

    /** Runs the jar under {@code wrapper} (a command that ends by running its arguments) with extra JVM options. */
    Result run(List<String> wrapper, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(wrapper);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Xshare:auto");
        command.add("-jar");
        command.add(PackagedJar.JAR.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
        pb.environment().put("AMLSH_HOME", home.toString());
        pb.environment().put("NO_COLOR", "1");
        pb.environment().remove("SOURCE_DATE_EPOCH");
        try {
            Path out = Files.createTempFile(cwd.getParent(), "out", ".txt");
            Path err = Files.createTempFile(cwd.getParent(), "err", ".txt");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("amlsh did not finish in 120 s: " + args);
            }
            return new Result(
                    p.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
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
            s.append("config: ")
                    .append(Files.exists(config) ? Files.readString(config, StandardCharsets.UTF_8) : "-")
                    .append('\n');
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
                            row.append(rs.getMetaData().getColumnName(i))
                                    .append('=')
                                    .append(rs.getString(i))
                                    .append(" | ");
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

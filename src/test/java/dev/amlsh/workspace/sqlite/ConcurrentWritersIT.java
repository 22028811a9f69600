package dev.amlsh.workspace.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amlsh.workspace.RegisteredVersion;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two shells on one workspace, and a shell killed mid-write, as separate JVMs
 * ({@link RegisterLoop}). The command-level variant ({@code amlsh env register DRAFT --as NAME})
 * belongs to the shell's tests; this one drives the store API the command uses.
 */
class ConcurrentWritersIT {

    @TempDir
    Path dir;

    Process start(Path file, String name, String writer, int count, Path go, Path out) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(
                java,
                "-Dfile.encoding=UTF-8",
                "-cp",
                System.getProperty("java.class.path"),
                RegisterLoop.class.getName(),
                file.toString(),
                name,
                writer,
                Integer.toString(count),
                go.toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(out.toFile());
        return pb.start();
    }

    static void awaitLine(Path out, String line, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(out)
                    && Files.readAllLines(out, StandardCharsets.UTF_8).contains(line)) {
                return;
            }
            if (!p.isAlive()) {
                throw new AssertionError("writer exited early:\n" + Files.readString(out, StandardCharsets.UTF_8));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no '" + line + "' from the writer within 60 s");
    }

    static List<String> registered(Path out) throws IOException {
        List<String> versions = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            if (line.startsWith("registered ")) {
                versions.add(line.split(" ")[1]);
            }
        }
        return versions;
    }

    @Test
    void twoJvmsRegisteringIntoOneNameGetVersionsOneToOneHundred() throws Exception {
        Path file = dir.resolve("shared.amlsh");
        SqliteWorkspaceStore.create(file, "shared");
        Path go = dir.resolve("go");
        Path outA = dir.resolve("a.out");
        Path outB = dir.resolve("b.out");
        Process a = start(file, "pytorch", "alice", 50, go, outA);
        Process b = start(file, "pytorch", "bob", 50, go, outB);
        awaitLine(outA, "ready", a);
        awaitLine(outB, "ready", b);
        Files.createFile(go);

        assertThat(a.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(b.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String logs = Files.readString(outA, StandardCharsets.UTF_8) + Files.readString(outB, StandardCharsets.UTF_8);
        assertThat(a.exitValue()).as(logs).isZero();
        assertThat(b.exitValue()).as(logs).isZero();
        assertThat(logs).doesNotContain("kept").doesNotContain("Exception");

        List<String> byA = registered(outA);
        List<String> byB = registered(outB);
        assertThat(byA).hasSize(50);
        assertThat(byB).hasSize(50);
        Set<String> all = new HashSet<>(byA);
        all.addAll(byB);
        List<String> expected =
                IntStream.rangeClosed(1, 100).mapToObj(Integer::toString).toList();
        assertThat(all).containsExactlyInAnyOrderElementsOf(expected);
        // Both JVMs were ready before the "go" file appeared, so their loops started together; how
        // their numbers interleave is up to the scheduler (on a loaded machine one may run first),
        // so the test does not demand an interleaving, only that nothing was lost or given twice.

        try (SqliteWorkspaceStore store = SqliteWorkspaceStore.open(file, "shared", true, Clock.systemUTC())) {
            List<RegisteredVersion> versions = store.versions("pytorch");
            assertThat(versions).extracting(RegisteredVersion::version).containsExactlyElementsOf(expected);
            assertThat(versions.stream().map(v -> v.environment().definition()).distinct())
                    .hasSize(100);
            assertThat(versions.stream()
                            .filter(v -> "alice"
                                    .equals(v.environment()
                                            .environmentVariables()
                                            .get("WRITER"))))
                    .extracting(RegisteredVersion::version)
                    .containsExactlyInAnyOrderElementsOf(byA);
            assertThat(store.integrityCheck()).isEmpty();
        }
    }

    @Test
    void aJvmKilledWhileRegisteringLeavesACompleteWorkspace() throws Exception {
        Path file = dir.resolve("crash.amlsh");
        SqliteWorkspaceStore.create(file, "crash");
        try (SqliteWorkspaceStore store = SqliteWorkspaceStore.open(file, "crash", false, Clock.systemUTC())) {
            for (int i = 1; i <= 5; i++) {
                store.register(Definitions.numbered("pytorch", "before", i), null);
            }
        }
        Path go = Files.createFile(dir.resolve("go"));
        Path out = dir.resolve("victim.out");
        Process victim = start(file, "pytorch", "victim", 0, go, out);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (registered(out).size() < 40) {
            assertThat(victim.isAlive())
                    .as(Files.readString(out, StandardCharsets.UTF_8))
                    .isTrue();
            assertThat(System.nanoTime()).as("the victim registered too slowly").isLessThan(deadline);
            Thread.sleep(10);
        }
        victim.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no close
        assertThat(victim.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(victim.exitValue()).isEqualTo(137);
        List<String> acknowledged = registered(out);

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("ok");
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM versions WHERE conda_hash IS NULL"
                    + " OR image_hash IS NULL OR created_at IS NULL OR json_valid(definition) = 0")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
        try (SqliteWorkspaceStore store = SqliteWorkspaceStore.open(file, "crash", false, Clock.systemUTC())) {
            assertThat(store.integrityCheck()).isEmpty();
            List<RegisteredVersion> versions = store.versions("pytorch"); // parses every definition
            int n = versions.size();
            assertThat(versions)
                    .extracting(RegisteredVersion::version)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, n)
                            .mapToObj(Integer::toString)
                            .toList());
            assertThat(n).isGreaterThanOrEqualTo(5 + acknowledged.size());
            assertThat(versions.subList(5, n)).allSatisfy(v -> {
                assertThat(v.environment().environmentVariables()).containsEntry("WRITER", "victim");
                assertThat(v.environment().condaSpec().pipRequirements()).anyMatch(r -> r.startsWith("pkg-victim=="));
            });
            // every registration the victim reported is there, and the store still takes writes
            assertThat(versions).extracting(RegisteredVersion::version).containsAll(acknowledged);
            assertThat(store.register(Definitions.numbered("pytorch", "after", 1), null)
                            .version()
                            .version())
                    .isEqualTo(Integer.toString(n + 1));
        }
        assertThat(File.separatorChar).isEqualTo('/');
    }
}

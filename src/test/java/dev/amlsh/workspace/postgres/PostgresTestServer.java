package dev.amlsh.workspace.postgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away PostgreSQL server for the tests: {@code initdb} into a temporary folder, started
 * with {@code pg_ctl} on a free local port, stopped (and its folder deleted) when the JVM exits,
 * whether the tests passed or not. The binaries are found with {@code pg_config --bindir} or in
 * Debian's layout ({@code /usr/lib/postgresql/N/bin}, newest N); {@code scripts/run-tests}
 * installs them from Debian's packages when missing. As root (which {@code initdb} refuses) the
 * server runs as the {@code postgres} user (Debian's packages make it), else as {@code nobody}.
 *
 * <p>No server, no pass: a test that needs one fails when none can be started, unless
 * {@code -Damlsh.skipPostgres=true} skips such tests on purpose.
 */
public final class PostgresTestServer implements AutoCloseable {

    public static final String SKIP_PROPERTY = "amlsh.skipPostgres";
    public static final String SUPERUSER = "amlsh_admin";
    public static final String DATABASE = "amlsh_test";

    private static PostgresTestServer shared;
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private final Path bin;
    private final Path dir;
    private final Path data;
    private final String password = "pw-" + UUID.randomUUID();
    private final String runAs;
    private final int port;
    private boolean running;

    /** The server the tests share, started on first use; skips when asked to, fails when it cannot start. */
    public static synchronized PostgresTestServer shared() {
        Assumptions.assumeFalse(
                Boolean.getBoolean(SKIP_PROPERTY),
                "PostgreSQL tests skipped on purpose (-D" + SKIP_PROPERTY + "=true)");
        if (shared == null) {
            shared = startNew();
        }
        return shared;
    }

    /** A server of its own (for a test that stops and restarts it). */
    public static PostgresTestServer startNew() {
        Assumptions.assumeFalse(
                Boolean.getBoolean(SKIP_PROPERTY),
                "PostgreSQL tests skipped on purpose (-D" + SKIP_PROPERTY + "=true)");
        try {
            PostgresTestServer server = new PostgresTestServer(findBin());
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            server.init();
            server.start();
            server.createDatabase();
            return server;
        } catch (IOException | InterruptedException | SQLException e) {
            throw new IllegalStateException(
                    "cannot start a PostgreSQL server for the tests: " + e.getMessage()
                            + " (scripts/run-tests installs it from Debian's packages; -D" + SKIP_PROPERTY
                            + "=true skips these tests on purpose)",
                    e);
        }
    }

    private PostgresTestServer(Path bin) throws IOException {
        this.bin = bin;
        String root = System.getenv("AMLSH_TEST_PG_ROOT"); // scripts/run-tests cleans this folder up, whatever happens
        Path parent = root == null || root.isBlank() ? Path.of(System.getProperty("java.io.tmpdir")) : Path.of(root);
        Files.createDirectories(parent);
        this.dir = Files.createTempDirectory(parent, "amlsh-pg-");
        this.data = dir.resolve("data");
        this.runAs = isRoot() ? (userExists("postgres") ? "postgres" : "nobody") : null;
        this.port = freePort();
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public String password() {
        return password;
    }

    /** The URL of a new, empty schema in the test database: each test gets a workspace of its own. */
    public String newWorkspaceUrl() {
        return "postgresql://" + SUPERUSER + "@" + host() + ":" + port + "/" + DATABASE + "?schema=t"
                + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
    }

    /** What amlsh reads for the login: the password as PGPASSWORD (the .pgpass tests use their own). */
    public Map<String, String> env() {
        return Map.of("PGPASSWORD", password, "HOME", dir.toString());
    }

    /** A superuser connection to the test database, for tests that look under the store. */
    public Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://" + host() + ":" + port + "/" + DATABASE, SUPERUSER, password);
    }

    private void init() throws IOException, InterruptedException {
        Path pwfile = dir.resolve("pwfile");
        Files.writeString(pwfile, password + "\n", StandardCharsets.UTF_8);
        if (runAs != null) {
            run(List.of("chown", "-R", runAs, dir.toString()));
        }
        run(as(List.of(
                bin.resolve("initdb").toString(),
                "-D",
                data.toString(),
                "-U",
                SUPERUSER,
                "--pwfile=" + pwfile,
                "--auth-local=scram-sha-256",
                "--auth-host=scram-sha-256",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync")));
        Files.deleteIfExists(pwfile);
    }

    /** Starts (or restarts) the server on its port and waits until it takes connections. */
    public synchronized void start() throws IOException, InterruptedException {
        run(as(List.of(
                bin.resolve("pg_ctl").toString(),
                "-D",
                data.toString(),
                "-l",
                dir.resolve("server.log").toString(),
                "-w",
                "-t",
                "60",
                "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir
                        + " -c fsync=off -c full_page_writes=off -c max_connections=100",
                "start")));
        running = true;
    }

    /** Stops the server at once (as a crash or a kill would): open transactions are lost, not half-written. */
    public synchronized void stopImmediately() throws IOException, InterruptedException {
        run(as(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop")));
        running = false;
    }

    private void createDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://" + host() + ":" + port + "/postgres", SUPERUSER, password);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DATABASE);
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (running) {
                stopImmediately();
            }
        } catch (IOException | InterruptedException e) {
            // the folder goes anyway; a server left running dies with its deleted data folder
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind
        }
    }

    private List<String> as(List<String> command) {
        if (runAs == null) {
            return command;
        }
        List<String> out = new ArrayList<>(List.of("runuser", "-u", runAs, "--"));
        out.addAll(command);
        return out;
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("amlsh-pg-cmd", ".log");
        try {
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .directory(dir.toFile())
                    .start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in 120 s");
            }
            if (p.exitValue() != 0) {
                String serverLog =
                        Files.exists(dir.resolve("server.log")) ? Files.readString(dir.resolve("server.log")) : "";
                throw new IOException(String.join(" ", command) + " failed (exit " + p.exitValue() + "): "
                        + Files.readString(log) + serverLog);
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** {@code pg_config --bindir} when it holds initdb, else Debian's newest {@code /usr/lib/postgresql/N/bin}. */
    static Path findBin() throws IOException, InterruptedException {
        try {
            Process p = new ProcessBuilder("pg_config", "--bindir")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() == 0 && Files.isExecutable(Path.of(out, "initdb"))) {
                return Path.of(out);
            }
        } catch (IOException noPgConfig) {
            // Debian's layout below
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Path best = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparingInt(PostgresTestServer::major))
                        .orElse(null);
                if (best != null) {
                    return best.resolve("bin");
                }
            }
        }
        throw new IOException("no PostgreSQL server binaries (initdb, pg_ctl): neither pg_config --bindir nor"
                + " /usr/lib/postgresql/*/bin has them");
    }

    private static int major(Path versionDir) {
        try {
            return Integer.parseInt(versionDir.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static boolean userExists(String user) {
        try {
            Process p = new ProcessBuilder("id", "-u", user)
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

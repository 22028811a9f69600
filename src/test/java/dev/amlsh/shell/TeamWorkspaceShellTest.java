package dev.amlsh.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amlsh.shell.api.ExitCode;
import dev.amlsh.shell.api.ShellIO;
import dev.amlsh.shell.launch.AmlshRunner;
import dev.amlsh.workspace.Clocks;
import dev.amlsh.workspace.RegisteredVersion;
import dev.amlsh.workspace.postgres.PostgresConnector;
import dev.amlsh.workspace.postgres.PostgresLocation;
import dev.amlsh.workspace.postgres.PostgresTestServer;
import dev.amlsh.workspace.postgres.PostgresWorkspaceStore;
import dev.amlsh.workspace.postgres.TeamWorkspaceCatalog;
import dev.amlsh.workspace.sqlite.FileWorkspaceCatalog;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell on a team workspace (issue 11): {@code --workspace postgresql://...}, {@code workspace
 * create|use URL}, drafts per user with {@code --as-user}, and the exit-3 errors of a server that
 * is down, refuses the login or lacks the database, none of them showing a password.
 */
class TeamWorkspaceShellTest {

    record Result(int code, String out, String err) {}

    @TempDir
    Path home;

    Map<String, String> env(PostgresTestServer server) {
        Map<String, String> env = new HashMap<>(server.env());
        env.put("AMLSH_HOME", home.toString());
        env.put("HOME", home.toString());
        return env;
    }

    Result amlsh(Map<String, String> env, String stdin, Consumer<String> onOutput, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Writer watched = new Writer() {
            @Override
            public void write(char[] buf, int off, int len) {
                out.write(buf, off, len);
                onOutput.accept(out.toString());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        ShellIO io = new ShellIO(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(watched, true),
                new PrintWriter(err),
                env,
                home,
                false,
                false);
        ExitCode code = new AmlshRunner(
                        Shell.commands(),
                        e -> new TeamWorkspaceCatalog(
                                new FileWorkspaceCatalog(home, Clocks.fromEnvironment(e)),
                                e,
                                Clocks.fromEnvironment(e)))
                .run(List.of(args), io);
        return new Result(code.code(), out.toString(), err.toString());
    }

    Result amlsh(Map<String, String> env, String... args) {
        return amlsh(env, "", s -> {}, args);
    }

    @Test
    void aTeamRegistersIntoOneServerWorkspaceAndKeepsItsDraftsApart() {
        PostgresTestServer server = PostgresTestServer.shared();
        Map<String, String> env = env(server);
        String url = server.newWorkspaceUrl();

        Result created = amlsh(env, "workspace", "create", url);
        assertThat(created.err()).isEmpty();
        assertThat(created.out()).isEqualTo("created workspace " + url + "\n");
        assertThat(amlsh(
                                env,
                                "--workspace",
                                url,
                                "--as-user",
                                "alice",
                                "env",
                                "create",
                                "course",
                                "--base-image",
                                "ubuntu:22.04")
                        .code())
                .isZero();
        assertThat(amlsh(
                                env,
                                "--workspace",
                                url,
                                "--as-user",
                                "bob",
                                "env",
                                "create",
                                "course",
                                "--base-image",
                                "ubuntu:24.04")
                        .code())
                .isZero();
        assertThat(amlsh(env, "--workspace", url, "--as-user", "alice", "env", "register", "course")
                        .out())
                .isEqualTo("registered course:1\n");
        assertThat(amlsh(env, "--workspace", url, "--as-user", "bob", "env", "register", "course")
                        .out())
                .isEqualTo("registered course:2\n");
        // bob's draft is still his: a plain name prefers it
        assertThat(amlsh(env, "--workspace", url, "--as-user", "bob", "env", "show", "course", "-o", "json")
                        .out())
                .contains("ubuntu:24.04");

        Result use = amlsh(env, "workspace", "use", url);
        assertThat(use.code()).isZero();
        Result list = amlsh(env, "env", "versions", "course");
        assertThat(list.err()).isEmpty();
        assertThat(list.out()).contains("1").contains("2");
        assertThat(amlsh(env, "workspace", "show").out()).contains(url);
    }

    @Test
    void aServerThatIsDownSaysSoWithExitThree() throws Exception {
        int unused;
        try (ServerSocket s = new ServerSocket(0)) {
            unused = s.getLocalPort();
        }
        Result r = amlsh(
                Map.of("AMLSH_HOME", home.toString(), "HOME", home.toString()),
                "--workspace",
                "postgresql://amlsh@127.0.0.1:" + unused + "/team",
                "env",
                "list");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err())
                .startsWith("error: workspace postgresql://amlsh@127.0.0.1:" + unused + "/team:")
                .contains("cannot be reached")
                .contains("is it running?")
                .doesNotContain("Exception");
    }

    @Test
    void aRefusedLoginAndAMissingDatabaseAreSaidPlainly() {
        PostgresTestServer server = PostgresTestServer.shared();
        Map<String, String> wrong = new HashMap<>(env(server));
        wrong.put("PGPASSWORD", "not-the-password");
        Result refused = amlsh(wrong, "--workspace", server.newWorkspaceUrl(), "env", "list");
        assertThat(refused.code()).isEqualTo(3);
        assertThat(refused.err())
                .contains("the server refused the login of user " + PostgresTestServer.SUPERUSER + " (PGPASSWORD)")
                .doesNotContain("not-the-password");

        Result missing = amlsh(
                env(server),
                "--workspace",
                "postgresql://" + PostgresTestServer.SUPERUSER + "@" + server.host() + ":" + server.port()
                        + "/nosuchdb",
                "env",
                "list");
        assertThat(missing.code()).isEqualTo(3);
        assertThat(missing.err()).contains("has no database nosuchdb");

        Result notCreated = amlsh(env(server), "--workspace", server.newWorkspaceUrl(), "env", "list");
        assertThat(notCreated.code()).isEqualTo(3);
        assertThat(notCreated.err()).contains("no amlsh workspace at").contains("workspace create");
    }

    @Test
    void aPasswordInTheUrlIsRefusedAndNotEchoed() {
        Result r = amlsh(
                Map.of("AMLSH_HOME", home.toString()), "--workspace", "postgresql://u:hunter2@h/db", "env", "list");
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("never accepted on the command line").doesNotContain("hunter2");
    }

    @Test
    void theServerStoppedMidScriptIsReportedAndLeavesNothingHalfWritten() throws Exception {
        try (PostgresTestServer server = PostgresTestServer.startNew()) {
            Map<String, String> env = env(server);
            String url = server.newWorkspaceUrl();
            assertThat(amlsh(env, "workspace", "create", url).code()).isZero();
            String script = String.join(
                            "\n",
                            "env create mid --base-image ubuntu:22.04",
                            "env register mid",
                            "env add-pip mid requests==2.31.0",
                            "env register mid",
                            "env add-pip mid numpy==1.26.4",
                            "env register mid",
                            "env label mid:3 prod")
                    + "\n";
            boolean[] stopped = {false};
            Result r = amlsh(
                    env,
                    script,
                    out -> {
                        if (!stopped[0] && out.contains("registered mid:2")) {
                            stopped[0] = true;
                            try {
                                server.stopImmediately(); // between two lines of the script, as a crash would
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    },
                    "--workspace",
                    url);
            assertThat(stopped[0]).isTrue();
            assertThat(r.code()).isEqualTo(3);
            assertThat(r.err()).contains("<stdin>:5: error: workspace " + url).contains("cannot be reached");

            server.start();
            try (PostgresWorkspaceStore store = PostgresWorkspaceStore.open(
                    new PostgresConnector(PostgresLocation.parse(url), env), null, true, Clock.systemUTC())) {
                List<RegisteredVersion> versions = store.versions("mid");
                assertThat(versions).extracting(RegisteredVersion::version).containsExactly("1", "2");
                assertThat(versions).allSatisfy(v -> assertThat(v.labels()).isEmpty());
                assertThat(store.draft("mid").orElseThrow().condaSpec().toString())
                        .contains("requests");
            }
        }
    }
}

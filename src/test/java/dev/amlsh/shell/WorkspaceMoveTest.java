package dev.amlsh.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amlsh.shell.api.ShellIO;
import dev.amlsh.shell.launch.AmlshRunner;
import dev.amlsh.workspace.Clocks;
import dev.amlsh.workspace.WorkspaceContent;
import dev.amlsh.workspace.WorkspaceStoreContract;
import dev.amlsh.workspace.postgres.PostgresConnector;
import dev.amlsh.workspace.postgres.PostgresLocation;
import dev.amlsh.workspace.postgres.PostgresTestServer;
import dev.amlsh.workspace.postgres.PostgresWorkspaceStore;
import dev.amlsh.workspace.postgres.TeamWorkspaceCatalog;
import dev.amlsh.workspace.sqlite.FileWorkspaceCatalog;
import dev.amlsh.workspace.sqlite.SqliteWorkspaceStore;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moving a workspace (issue 11 point 3, issue 12's {@code workspace import}): {@code workspace
 * export FILE} from a file or a server workspace writes a workspace file, {@code workspace import
 * FILE [--into NAME|URL]} loads one into a new local workspace (by default named after the file)
 * or into a server workspace; nothing is lost on the way, and every refusal leaves the target and
 * the file as they were.
 */
class WorkspaceMoveTest {

    record Result(int code, String out, String err) {}

    @TempDir
    Path home;

    Path work;

    @BeforeEach
    void makeWorkFolder() throws Exception {
        work = Files.createDirectories(home.resolve("work"));
        Files.writeString(work.resolve("env.yml"), "dependencies:  # kept\n  - python=3.10\n  - numpy\n");
    }

    Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("AMLSH_HOME", home.toString());
        env.put("HOME", home.toString());
        return env;
    }

    Result amlsh(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ShellIO io = new ShellIO(
                new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                env,
                work,
                false,
                false);
        var code = new AmlshRunner(
                        Shell.commands(),
                        e -> new TeamWorkspaceCatalog(
                                new FileWorkspaceCatalog(home, Clocks.fromEnvironment(e)),
                                e,
                                Clocks.fromEnvironment(e)))
                .run(List.of(args), io);
        return new Result(code.code(), out.toString(), err.toString());
    }

    Result amlsh(String... args) {
        return amlsh(env(), args);
    }

    /** A workspace with versions, labels, an archived version, an archived name, drafts and a default image. */
    void fill(Map<String, String> env, String... workspace) {
        String script = String.join(
                "\n",
                "workspace set-default-image mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:20230509.v1",
                "env create course --conda-file env.yml",
                "env register course",
                "env add-pip course requests==2.31.0",
                "env register course --version 2.0-beta",
                "env add-pip course numpy==1.26.4",
                "env register course",
                "env label course:1 stable",
                "env label course:2 stable",
                "env archive course:2.0-beta",
                "env create old --base-image ubuntu:22.04",
                "env register old",
                "env archive old",
                "env add-pip course pandas",
                "env create scratch --base-image ubuntu:24.04");
        String[] args = new String[workspace.length + 2];
        System.arraycopy(workspace, 0, args, 0, workspace.length);
        args[workspace.length] = "-f";
        args[workspace.length + 1] = "-";
        Result r = amlshWithInput(env, script + "\n", args);
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
    }

    Result amlshWithInput(Map<String, String> env, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ShellIO io = new ShellIO(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                env,
                work,
                false,
                false);
        var code = new AmlshRunner(
                        Shell.commands(),
                        e -> new TeamWorkspaceCatalog(
                                new FileWorkspaceCatalog(home, Clocks.fromEnvironment(e)),
                                e,
                                Clocks.fromEnvironment(e)))
                .run(List.of(args), io);
        return new Result(code.code(), out.toString(), err.toString());
    }

    WorkspaceContent contentOfFile(Path file) {
        return WorkspaceStoreContract.comparable(SqliteWorkspaceStore.readContent(file, "read", Clock.systemUTC()));
    }

    Path workspaceFile(String name) {
        return home.resolve("workspaces").resolve(name + ".amlsh");
    }

    @Test
    void aFileImportsIntoALocalWorkspaceNamedAfterItAndNothingIsLost() {
        fill(env());
        assertThat(amlsh("workspace", "export", "course.amlsh").code()).isZero();

        Result imported = amlsh("workspace", "import", "course.amlsh");
        assertThat(imported.err()).isEmpty();
        assertThat(imported.code()).isZero();
        assertThat(imported.out())
                .isEqualTo("imported course.amlsh into workspace course: 2 names, 4 versions, 3 drafts\n");
        assertThat(contentOfFile(workspaceFile("course"))).isEqualTo(contentOfFile(workspaceFile("default")));
        // it is an ordinary workspace from now on
        assertThat(amlsh("--workspace", "course", "env", "versions", "course").out())
                .isEqualTo(amlsh("env", "versions", "course").out());

        Result into = amlsh("workspace", "import", "course.amlsh", "--into", "copy", "-o", "json");
        assertThat(into.code()).isZero();
        assertThat(into.out()).contains("\"workspace\": \"copy\"").contains("\"versions\": 4");
        assertThat(contentOfFile(workspaceFile("copy"))).isEqualTo(contentOfFile(workspaceFile("default")));
    }

    @Test
    void importRefusesWhatItCannotLoadAndChangesNothing() throws Exception {
        fill(env());
        assertThat(amlsh("workspace", "export", "course.amlsh").code()).isZero();
        assertThat(amlsh("workspace", "import", "course.amlsh").code()).isZero();
        byte[] courseBefore = Files.readAllBytes(workspaceFile("course"));

        Result exists = amlsh("workspace", "import", "course.amlsh");
        assertThat(exists.code()).isEqualTo(1);
        assertThat(exists.err())
                .startsWith("error: workspace course already exists")
                .contains("--into NAME");
        assertThat(Files.readAllBytes(workspaceFile("course"))).isEqualTo(courseBefore);

        Result missing = amlsh("workspace", "import", "nosuch.amlsh");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("nosuch.amlsh").contains("does not exist");
        assertThat(workspaceFile("nosuch")).doesNotExist();

        Files.writeString(work.resolve("notes.amlsh"), "name: not a workspace\n");
        Result foreign = amlsh("workspace", "import", "notes.amlsh");
        assertThat(foreign.code()).isEqualTo(3);
        assertThat(foreign.err()).contains("notes.amlsh").contains("is not an amlsh workspace");
        assertThat(workspaceFile("notes")).doesNotExist();

        Path newer = work.resolve("newer.amlsh");
        Files.copy(work.resolve("course.amlsh"), newer);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + newer);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        byte[] newerBefore = Files.readAllBytes(newer);
        Result tooNew = amlsh("workspace", "import", "newer.amlsh");
        assertThat(tooNew.code()).isEqualTo(3);
        assertThat(tooNew.err()).contains("written by a newer amlsh: its schema is 99");
        assertThat(workspaceFile("newer")).doesNotExist();
        assertThat(Files.readAllBytes(newer)).isEqualTo(newerBefore);

        Result badName = amlsh("workspace", "import", "course.amlsh", "--into", "no good");
        assertThat(badName.code()).isEqualTo(1);
        assertThat(badName.err()).contains("is not a valid workspace name");

        assertThat(Files.list(home.resolve("workspaces"))
                        .map(p -> p.getFileName().toString())
                        .filter(f -> f.endsWith(".amlsh")))
                .containsExactlyInAnyOrder("default.amlsh", "course.amlsh");
        assertThat(amlsh("workspace", "import", "course.amlsh", "--into", "./copy.amlsh")
                        .code())
                .isZero();
        assertThat(contentOfFile(work.resolve("copy.amlsh"))).isEqualTo(contentOfFile(workspaceFile("course")));
    }

    @Test
    void aWorkspaceMovesToAServerAndBackWithNothingLost() {
        PostgresTestServer server = PostgresTestServer.shared();
        Map<String, String> env = new HashMap<>(env());
        env.putAll(server.env());
        env.put("HOME", home.toString());
        fill(env);
        assertThat(amlsh(env, "workspace", "export", "course.amlsh").code()).isZero();
        WorkspaceContent original = contentOfFile(work.resolve("course.amlsh"));

        String url = server.newWorkspaceUrl();
        Result in = amlsh(env, "workspace", "import", "course.amlsh", "--into", url);
        assertThat(in.err()).isEmpty();
        assertThat(in.out())
                .isEqualTo("imported course.amlsh into workspace " + url + ": 2 names, 4 versions," + " 3 drafts\n");
        try (PostgresWorkspaceStore store = PostgresWorkspaceStore.open(
                new PostgresConnector(PostgresLocation.parse(url), env), null, true, Clock.systemUTC())) {
            assertThat(WorkspaceStoreContract.comparable(store.content())).isEqualTo(original);
        }
        assertThat(amlsh(env, "--workspace", url, "env", "list").out())
                .isEqualTo(amlsh(env, "env", "list").out());

        Result out = amlsh(env, "--workspace", url, "workspace", "export", "back.amlsh");
        assertThat(out.err()).isEmpty();
        assertThat(out.code()).isZero();
        assertThat(contentOfFile(work.resolve("back.amlsh"))).isEqualTo(original);
        assertThat(amlsh(env, "workspace", "import", "back.amlsh").code()).isZero();
        assertThat(amlsh(env, "--workspace", "back", "env", "versions", "course", "-o", "json")
                        .out())
                .isEqualTo(amlsh(env, "env", "versions", "course", "-o", "json").out());

        // an existing, empty server workspace takes it; one that holds something refuses, unchanged
        String empty = server.newWorkspaceUrl();
        assertThat(amlsh(env, "workspace", "create", empty).code()).isZero();
        assertThat(amlsh(env, "workspace", "import", "back.amlsh", "--into", empty)
                        .code())
                .isZero();
        Result full = amlsh(env, "workspace", "import", "back.amlsh", "--into", url);
        assertThat(full.code()).isEqualTo(1);
        assertThat(full.err()).contains("is not empty").contains("nothing was written");
        try (PostgresWorkspaceStore store = PostgresWorkspaceStore.open(
                new PostgresConnector(PostgresLocation.parse(url), env), null, true, Clock.systemUTC())) {
            assertThat(WorkspaceStoreContract.comparable(store.content())).isEqualTo(original);
        }
    }

    @Test
    void aServerThatIsDownStopsTheImportWithExitThree() throws Exception {
        fill(env());
        assertThat(amlsh("workspace", "export", "course.amlsh").code()).isZero();
        int unused;
        try (ServerSocket s = new ServerSocket(0)) {
            unused = s.getLocalPort();
        }
        Result r = amlsh(
                "workspace", "import", "course.amlsh", "--into", "postgresql://amlsh@127.0.0.1:" + unused + "/team");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("cannot be reached").doesNotContain("Exception");
        Result e = amlsh(
                "--workspace", "postgresql://amlsh@127.0.0.1:" + unused + "/team", "workspace", "export", "x.amlsh");
        assertThat(e.code()).isEqualTo(3);
        assertThat(work.resolve("x.amlsh")).doesNotExist();
    }
}

package dev.amlsh.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amlsh.shell.api.ExitCode;
import dev.amlsh.shell.api.ShellIO;
import dev.amlsh.shell.launch.AmlshRunner;
import dev.amlsh.workspace.postgres.TeamWorkspaceCatalog;
import dev.amlsh.workspace.sqlite.FileWorkspaceCatalog;
import dev.amlsh.workspace.sqlite.SqliteWorkspaceStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, the first hour: a workspace handed out as a file opens by its path ({@code --workspace ./course.amlsh},
 * {@code workspace use ./course.amlsh}), relative to where amlsh runs (here a folder that is not the JVM's working
 * directory, so a path resolved against the JVM's would miss), and {@code --read-only} leaves nothing beside it.
 */
class HandedOutWorkspaceTest {

    @TempDir
    Path dir;

    private Path home;
    private Path course;

    record Result(int code, String out, String err) {}

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(dir.resolve("env.yml"), "dependencies:\n  - python=3.10\n", StandardCharsets.UTF_8);
        // the teacher's workspace, exported into the class folder
        assertThat(amlsh("", "env", "create", "lesson", "--conda-file", "env.yml")
                        .code())
                .isZero();
        assertThat(amlsh("", "env", "register", "lesson").code()).isZero();
        Files.createDirectories(dir.resolve("class"));
        Result exported = amlsh("", "workspace", "export", "class/course.amlsh");
        assertThat(exported.code()).as(exported.err()).isZero();
        course = dir.resolve("class/course.amlsh");
    }

    private Result amlsh(String stdin, String... args) {
        return amlshIn(dir, stdin, args);
    }

    private Result amlshIn(Path cwd, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ShellIO io = new ShellIO(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out),
                new PrintWriter(err),
                Map.of(),
                cwd,
                false,
                false);
        // as AmlshConfiguration makes it: the file catalog behind the one that knows server URLs
        ExitCode code = new AmlshRunner(
                        Shell.commands(),
                        env -> new TeamWorkspaceCatalog(
                                new FileWorkspaceCatalog(home, Clock.systemUTC()), env, Clock.systemUTC()))
                .run(List.of(args), io);
        return new Result(code.code(), out.toString(), err.toString());
    }

    private static List<String> folder(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void workspaceOptionTakesARelativeOrAnAbsolutePath() {
        Result relative = amlshIn(dir.resolve("class"), "", "--workspace", "./course.amlsh", "env", "list");
        assertThat(relative.code()).as(relative.err()).isZero();
        assertThat(relative.out()).contains("lesson");
        Result absolute = amlsh("", "env", "versions", "lesson", "--workspace", course.toString());
        assertThat(absolute.code()).as(absolute.err()).isZero();
        assertThat(absolute.out()).contains("1");
    }

    @Test
    void workspaceUseRemembersTheFileAndShowNamesIt() throws IOException {
        Result used = amlshIn(dir.resolve("class"), "", "workspace", "use", "./course.amlsh");
        assertThat(used.code()).as(used.err()).isZero();
        assertThat(used.out()).isEqualTo("using workspace " + course + "\n");
        assertThat(home.resolve("config"))
                .content()
                .contains("workspace=" + course.toString().replace(":", "\\:"));

        // from another folder, the next run works in the file
        Result listed = amlsh("", "env", "list");
        assertThat(listed.out()).contains("lesson");
        Result shown = amlsh("", "workspace", "show");
        assertThat(shown.out())
                .contains("name:              course")
                .contains("file:              " + course)
                .contains("current:           true");
        Result back = amlsh("", "workspace", "use", "default");
        assertThat(back.code()).as(back.err()).isZero();
    }

    @Test
    void aMissingFileOrAFileThatIsNotAWorkspaceIsAClearErrorWithExitThree() throws IOException {
        Result missing = amlsh("", "workspace", "use", "./class/missing.amlsh");
        assertThat(missing.code()).isEqualTo(3);
        assertThat(missing.err())
                .startsWith("error: no workspace file " + dir.resolve("class/missing.amlsh"))
                .doesNotContain("Exception");
        Files.writeString(dir.resolve("notes.amlsh"), "echo this is a script, not a workspace\n");
        Result notOne = amlsh("", "--workspace", "./notes.amlsh", "env", "list");
        assertThat(notOne.code()).isEqualTo(3);
        assertThat(notOne.err()).contains(dir.resolve("notes.amlsh") + " is not an amlsh workspace");
        Result useNotOne = amlsh("", "workspace", "use", "notes.amlsh/");
        assertThat(useNotOne.code()).isEqualTo(3);
        // neither was remembered
        assertThat(amlsh("", "workspace", "show").out()).contains("name:              default");
    }

    @Test
    void readOnlyLeavesNoWalOrShmBesideAnExportedFile() throws IOException {
        byte[] before = Files.readAllBytes(course);
        // an export is in rollback-journal mode (file format bytes 18 and 19 are 1, not WAL's 2)
        assertThat(before[18]).isEqualTo((byte) 1);
        assertThat(before[19]).isEqualTo((byte) 1);
        Result read = amlshIn(
                dir.resolve("class"), "", "--workspace", "./course.amlsh", "--read-only", "env", "show", "lesson");
        assertThat(read.code()).as(read.err()).isZero();
        assertThat(folder(dir.resolve("class"))).containsExactly("course.amlsh");
        assertThat(Files.readAllBytes(course)).isEqualTo(before);
    }

    /** {@code workspace export} from a server writes its file through {@code SqliteWorkspaceStore.createWith}. */
    @Test
    void aFileMadeFromAWorkspacesContentIsInRollbackJournalModeToo() throws IOException {
        Path copy = dir.resolve("class/from-server.amlsh");
        try (SqliteWorkspaceStore source = SqliteWorkspaceStore.open(course, "course", true, Clock.systemUTC())) {
            SqliteWorkspaceStore.createWith(copy, "from-server", source.content(), Clock.systemUTC());
        }
        assertThat(Files.readAllBytes(copy)[18]).isEqualTo((byte) 1);
        Result read = amlshIn(
                dir.resolve("class"),
                "",
                "--workspace",
                "./from-server.amlsh",
                "--read-only",
                "env",
                "versions",
                "lesson");
        assertThat(read.code()).as(read.err()).isZero();
        assertThat(folder(dir.resolve("class"))).containsExactly("course.amlsh", "from-server.amlsh");
    }

    @Test
    void readOnlyLeavesNoWalOrShmBesideAWorkspaceInWalMode() throws IOException {
        Path team = Files.createDirectories(dir.resolve("team"));
        assertThat(amlsh("", "workspace", "create", "./team/t.amlsh").code()).isZero();
        assertThat(amlsh("", "--workspace", "team/t.amlsh", "env", "create", "x", "--conda-file", "env.yml")
                        .code())
                .isZero();
        assertThat(Files.readAllBytes(team.resolve("t.amlsh"))[18])
                .as("WAL mode")
                .isEqualTo((byte) 2);
        assertThat(folder(team)).containsExactly("t.amlsh");

        Result read = amlsh("", "--workspace", "team/t.amlsh", "--read-only", "env", "show", "x");
        assertThat(read.code()).as(read.err()).isZero();
        assertThat(folder(team)).containsExactly("t.amlsh");
        Result refused = amlsh("", "--workspace", "team/t.amlsh", "--read-only", "env", "register", "x");
        assertThat(refused.code()).isEqualTo(3);
        assertThat(refused.err()).contains("read-only");
        assertThat(folder(team)).containsExactly("t.amlsh");
    }

    /** A server URL has '/' too: it is kept as a URL, never resolved as a path (set workspace did until now). */
    @Test
    void aServerUrlIsNoPath() throws IOException {
        Files.writeString(
                dir.resolve("class/server.amlsh"),
                "set workspace postgresql://nobody@127.0.0.1:1/team\n",
                StandardCharsets.UTF_8);
        Result r = amlsh("", "-f", "class/server.amlsh");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).doesNotContain(dir.toString()).doesNotContain("no workspace file");
    }

    @Test
    void inAScriptARelativeWorkspacePathIsBesideTheScript() throws IOException {
        Files.writeString(
                dir.resolve("class/lesson.amlsh"),
                "env list --workspace ./course.amlsh\nset workspace ./course.amlsh\nenv versions lesson\n",
                StandardCharsets.UTF_8);
        Result r = amlsh("", "-f", "class/lesson.amlsh");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("lesson");
    }
}

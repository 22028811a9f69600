package dev.amlsh.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amlsh.shell.api.ExitCode;
import dev.amlsh.shell.api.LineOptions;
import dev.amlsh.shell.api.Session;
import dev.amlsh.shell.api.ShellIO;
import dev.amlsh.shell.api.TerminalKeys;
import dev.amlsh.shell.script.ScriptRunner;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Demo mode (issue 12): --narrate, --step and pause, '!' lines expected to fail, set workspace for the
 * rest of a script, :temp:/ paths. amlsh's own behaviour (no SDK function): pinned by the text.
 */
class DemoModeTest {

    @TempDir
    Path dir;

    private Path script(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void narrateprintsEachCommentBlockBeforeItsCommandAsPlainCommentsOffATerminal() throws Exception {
        script("s.amlsh", "# Title\n#\n# More.\n\n# 1. Say one.\necho one\necho two # not narration\n# the end\n");
        Shell.Result r = new Shell(dir).main("", "--narrate", "-f", "s.amlsh");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("\n# Title\n#\n# More.\n#\n# 1. Say one.\none\ntwo\n\n# the end\n");
    }

    @Test
    void narrateWorksWithEchoAndWithTheScriptCommand() throws Exception {
        script("s.amlsh", "# Say hi.\necho hi\n");
        Shell.Result piped = new Shell(dir).main("# Say hi.\necho hi\n", "-f", "-", "--narrate", "--echo");
        assertThat(piped.out()).isEqualTo("\n# Say hi.\namlsh> echo hi\nhi\n");
        Shell.Result viaScript = new Shell(dir).main("", "script", "s.amlsh", "--narrate", "--echo");
        assertThat(viaScript.out()).isEqualTo("\n# Say hi.\namlsh> echo hi\nhi\n");
        Shell.Result plain = new Shell(dir).main("", "-f", "s.amlsh");
        assertThat(plain.out()).isEqualTo("hi\n");
    }

    @Test
    void aLineExpectedToFailGoesOnWhenItFails() throws Exception {
        script("s.amlsh", "!env show missing\necho after\n");
        Shell.Result r = new Shell(dir).main("", "--echo", "-f", "s.amlsh");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("amlsh> !env show missing\namlsh> echo after\nafter\n");
        assertThat(r.err())
                .isEqualTo("s.amlsh:1: error: no environment named 'missing' (no draft and no registered version)\n");
    }

    @Test
    void aLineExpectedToFailStopsTheScriptWhenItSucceeds() throws Exception {
        script("s.amlsh", "echo before\n! echo surprise\necho never\n");
        Shell.Result r = new Shell(dir).main("", "-f", "s.amlsh");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("before\nsurprise\n");
        assertThat(r.err())
                .isEqualTo("s.amlsh:2: error: this line starts with '!', so it should have failed, and it succeeded\n");
    }

    @Test
    void stepAndPauseRunStraightThroughWithoutATerminal() throws Exception {
        script("s.amlsh", "echo one\npause Look at this\necho two\n");
        Shell.Result r = new Shell(dir).main("", "--step", "-f", "s.amlsh");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("one\ntwo\n");
    }

    @Test
    void stepAsksBeforeEachCommandAndQStopsWithExitZero() throws Exception {
        script("s.amlsh", "echo one\necho two\necho three\n");
        FakeKeys keys = new FakeKeys("", "q");
        Run run = runWithKeys("s.amlsh", keys, new ScriptRunner.Settings(false, false, false, true));
        assertThat(run.code()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).isEqualTo("one\n");
        assertThat(keys.prompts)
                .containsExactly(
                        "next: echo one   [Enter runs it, q quits] ", "next: echo two   [Enter runs it, q quits] ");
    }

    @Test
    void pauseWaitsOnTheTerminalAndQStopsEveryRunningScript() throws Exception {
        script("inner.amlsh", "echo in\npause 'Look at the FROM line'\necho never\n");
        script("outer.amlsh", "script inner.amlsh\necho never either\n");
        FakeKeys keys = new FakeKeys("q");
        Run run = runWithKeys("outer.amlsh", keys, new ScriptRunner.Settings(false, false));
        assertThat(run.code()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).isEqualTo("in\n");
        assertThat(keys.prompts).containsExactly("Look at the FROM line   [Enter continues, q quits] ");
    }

    @Test
    void aScriptRunByASteppedScriptStepsToo() throws Exception {
        script("inner.amlsh", "echo in\n");
        script("outer.amlsh", "script inner.amlsh\necho out\n");
        FakeKeys keys = new FakeKeys("", "", "");
        Run run = runWithKeys("outer.amlsh", keys, new ScriptRunner.Settings(false, false, false, true));
        assertThat(run.code()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).isEqualTo("in\nout\n");
        assertThat(keys.prompts)
                .containsExactly(
                        "next: script inner.amlsh   [Enter runs it, q quits] ",
                        "next: echo in   [Enter runs it, q quits] ",
                        "next: echo out   [Enter runs it, q quits] ");
    }

    @Test
    void aScriptRunByANarratedScriptIsNarratedAndTheOuterOneAgainAfterIt() throws Exception {
        script("inner.amlsh", "# Inside.\necho in\n");
        script("outer.amlsh", "# Outside.\nscript inner.amlsh\n# After.\necho out\n");
        Shell.Result r = new Shell(dir).main("", "--narrate", "-f", "outer.amlsh");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("\n# Outside.\n\n# Inside.\nin\n\n# After.\nout\n");
        // the inner script on its own, or run by a plain script, is not narrated
        script("plain.amlsh", "script inner.amlsh\n");
        assertThat(new Shell(dir).main("", "-f", "plain.amlsh").out()).isEqualTo("in\n");
    }

    @Test
    void errorsAboutTemporaryFilesNameThemAsTheScriptDid() throws Exception {
        script(
                "s.amlsh",
                "env create a --python 3.10\nenv save a :temp:/saved\n"
                        + "env create b --conda-file :temp:/saved/missing.yml\n");
        Shell.Result r = new Shell(dir).main("", "-f", "s.amlsh");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err())
                .startsWith("s.amlsh:3: error: :temp:/saved/missing.yml")
                .doesNotContain("amlsh-session-");
    }

    @Test
    void setWorkspaceHoldsForTheRestOfTheScriptOnly() throws Exception {
        script("inner.amlsh", "set workspace :temp:\nenv create t --python 3.10\nenv list\n");
        script("outer.amlsh", "script inner.amlsh\nenv show t\n");
        Shell shell = new Shell(dir);
        Shell.Result r = shell.main("", "-f", "outer.amlsh");
        assertThat(r.out()).contains("t     new"); // listed in the temporary workspace
        assertThat(r.err()).contains("outer.amlsh:2: error: no environment named 't'");
        assertThat(shell.catalog.current()).isEqualTo("default"); // not remembered
        assertThat(shell.run("env list").out()).doesNotContain("t     new");
    }

    @Test
    void setWorkspaceToOneThatIsNotThereFailsOnItsOwnLine() throws Exception {
        script("s.amlsh", "set workspace nowhere\necho never\n");
        Shell.Result r = new Shell(dir).main("", "-f", "s.amlsh");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).startsWith("s.amlsh:1: error: no workspace named nowhere");
    }

    @Test
    void temporaryPathsAreMadeOnFirstUseAndRemovedAtExit() throws Exception {
        script("env.yml", "dependencies:\n  - python=3.10\n");
        script(
                "s.amlsh",
                "env create a --conda-file env.yml\nenv register a\n"
                        + "env build-context a:1 :temp:/ctx\nenv create b --conda-file "
                        + ":temp:/ctx/azureml-environment-setup/mutated_conda_dependencies.yml\n"
                        + "!env build-context a:1 :temp:/../escape\n");
        Shell.Result r = new Shell(dir).main("", "-f", "s.amlsh");
        assertThat(r.err()).doesNotContain("s.amlsh:4");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("wrote :temp:/ctx/Dockerfile");
        assertThat(r.err()).contains("s.amlsh:5: error: ':temp:/../escape' leaves the session's temporary folder");
    }

    @Test
    void theTemporaryFolderIsRemovedWithItsFilesWhenTheSessionEnds() throws Exception {
        ShellIO io = new ShellIO(
                new ByteArrayInputStream(new byte[0]),
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()),
                Map.of(),
                dir,
                false,
                false);
        Path folder;
        try (Session session = new Session(io, TestCatalog::new, LineOptions.NONE)) {
            assertThat(session.temporaryFolderIfMade()).isNull(); // made on first use only
            Path file = dev.amlsh.shell.api.Call.resolvePath(session, ":temp:/a/b.txt");
            folder = session.temporaryFolder();
            assertThat(file).isEqualTo(folder.resolve("a/b.txt"));
            Files.createDirectories(file.getParent());
            Files.writeString(file, "x");
        }
        assertThat(folder).doesNotExist();
    }

    /** A script run over StringWriters with keys typed on a fake terminal. */
    private Run runWithKeys(String file, TerminalKeys keys, ScriptRunner.Settings settings) {
        StringWriter out = new StringWriter();
        ShellIO io = new ShellIO(
                new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out),
                new PrintWriter(new StringWriter()),
                Map.of(),
                dir,
                false,
                false);
        TestCatalog catalog = new TestCatalog();
        try (Session session = new Session(io, () -> catalog, LineOptions.NONE)) {
            session.setKeys(keys);
            ExitCode code = new ScriptRunner(Shell.commands()).runFile(session, dir.resolve(file), settings);
            session.out().flush();
            return new Run(code, out.toString());
        }
    }

    private record Run(ExitCode code, String out) {}

    private static final class FakeKeys implements TerminalKeys {
        final List<String> prompts = new ArrayList<>();
        private final Deque<String> typed;

        FakeKeys(String... lines) {
            typed = new ArrayDeque<>(List.of(lines));
        }

        @Override
        public Optional<String> readLine(String prompt) {
            prompts.add(prompt);
            return Optional.ofNullable(typed.poll());
        }
    }
}

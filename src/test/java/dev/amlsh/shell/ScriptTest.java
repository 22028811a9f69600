package dev.amlsh.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scripts: stop at the first failure with FILE:LINE, --continue-on-error, --echo, stdin, nesting, paths. */
class ScriptTest {

    @TempDir
    Path dir;

    private Path script(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void stopsAtTheFirstFailingLineWithItsNumberAndCode() throws Exception {
        script("s.amlsh", "echo one\n# a comment\n\nenv show missing\necho never\n");
        Shell.Result r = new Shell(dir).main("", "-f", "s.amlsh");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("one\n");
        assertThat(r.err())
                .isEqualTo("s.amlsh:4: error: no environment named 'missing' (no draft and no registered version)\n");
    }

    @Test
    void aUsageErrorStopsWithTwo() throws Exception {
        script("s.amlsh", "echo one\nenv show --bogus x\necho never\n");
        Shell.Result r = new Shell(dir).main("", "-f", "s.amlsh");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("s.amlsh:2: error: unknown option '--bogus'");
    }

    @Test
    void continueOnErrorRunsOnAndExitsWithTheFirstFailure() throws Exception {
        script("s.amlsh", "env show --bogus x\nenv show missing\necho still here\n");
        Shell.Result r = new Shell(dir).main("", "--continue-on-error", "-f", "s.amlsh");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEqualTo("still here\n");
        assertThat(r.err()).contains("s.amlsh:1: error:").contains("s.amlsh:2: error:");
    }

    @Test
    void echoPrintsEachCommandBeforeItsOutput() throws Exception {
        script("s.amlsh", "# comment\necho 'a  b'\n");
        Shell.Result r = new Shell(dir).main("", "--echo", "-f", "s.amlsh");
        assertThat(r.out()).isEqualTo("amlsh> echo 'a  b'\na  b\n");
    }

    @Test
    void readsStdinWhenNotATerminalAndWithDashF() {
        Shell shell = new Shell(dir);
        Shell.Result piped = shell.main("echo hello\nenv show nope\n");
        assertThat(piped.out()).isEqualTo("hello\n");
        assertThat(piped.err()).startsWith("<stdin>:2: error: ");
        assertThat(piped.code()).isEqualTo(1);
        assertThat(shell.main("echo dash\n", "-f", "-").out()).isEqualTo("dash\n");
    }

    @Test
    void continuationCrlfBomAndQuotes() throws Exception {
        script("s.amlsh", "\uFEFFecho \"x y\" \\\r\n  'z # not a comment' # a comment\r\necho done\r\n");
        Shell.Result r = new Shell(dir).main("", "-f", "s.amlsh");
        assertThat(r.out()).isEqualTo("x y z # not a comment\ndone\n");
        assertThat(r.code()).isZero();
    }

    @Test
    void anErrorOnAContinuedLineReportsItsFirstLine() throws Exception {
        script("s.amlsh", "echo ok\nenv show \\\n  missing\n");
        assertThat(new Shell(dir).main("", "-f", "s.amlsh").err()).startsWith("s.amlsh:2: error:");
    }

    @Test
    void relativePathsResolveAgainstTheScriptsFolder() throws Exception {
        script("demo/env.yml", "dependencies:\n  - python=3.10\n");
        script("demo/inner.amlsh", "env create a --conda-file env.yml\n");
        script("demo/outer.amlsh", "script inner.amlsh\nenv show a\n");
        Shell.Result r = new Shell(dir).main("", "-f", "demo/outer.amlsh");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("a (draft)");
    }

    @Test
    void aFailingNestedScriptReportsItsOwnLineOnce() throws Exception {
        script("inner.amlsh", "echo in\nenv show nope\n");
        script("outer.amlsh", "script inner.amlsh\necho never\n");
        Shell.Result r = new Shell(dir).main("", "-f", "outer.amlsh");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err())
                .isEqualTo("inner.amlsh:2: error: no environment named 'nope' (no draft and no registered version)\n");
    }

    @Test
    void aMissingScriptFails() {
        Shell.Result r = new Shell(dir).main("", "-f", "absent.amlsh");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: ").contains("absent.amlsh");
    }

    @Test
    void setOutputAppliesToTheFollowingCommands() throws Exception {
        script("s.amlsh", "set output json\nversion\nversion -o text\n");
        Shell.Result r = new Shell(dir).main("", "-f", "s.amlsh");
        assertThat(r.out()).startsWith("{\n  \"version\": \"amlsh ").contains("\n}\namlsh ");
    }
}

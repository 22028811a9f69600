package dev.amlsh.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amlsh.shell.cli.Tokenizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: help shows {@code amlsh env dockerfile REF > Dockerfile} for the system shell. Typed at the prompt or
 * written in a script (both run lines through {@code CommandRunner.runLine}), {@code >}, {@code >>} and {@code |} as
 * words of their own get an error giving the one-shot form, instead of becoming arguments; {@code numpy>=1.2} and a
 * quoted {@code '>'} are words like any other.
 */
class SystemShellOperatorsTest {

    @TempDir
    Path dir;

    @Test
    void onlyUnquotedWordsOfTheirOwnAreOperators() {
        assertThat(Tokenizer.shellOperator("env dockerfile x > Dockerfile")).contains(">");
        assertThat(Tokenizer.shellOperator("env conda-spec x >> all.yml")).contains(">>");
        assertThat(Tokenizer.shellOperator("env list | grep x")).contains("|");
        assertThat(Tokenizer.shellOperator("env add-pip x numpy>=1.2 'b>2'")).isEmpty();
        assertThat(Tokenizer.shellOperator("echo '>' \">>\" \\| a|b")).isEmpty();
        assertThat(Tokenizer.shellOperator("echo x # > in a comment")).isEmpty();
        // one-shot arguments are quoted back the same way, so a '>' that came quoted stays a word
        assertThat(Tokenizer.quote(">")).isEqualTo("'>'");
        assertThat(Tokenizer.quote("numpy>=1.2")).isEqualTo("numpy>=1.2");
    }

    @Test
    void aRedirectionInAScriptIsAnErrorThatGivesTheOneShotForm() throws Exception {
        Files.writeString(
                dir.resolve("s.amlsh"),
                "env create x --conda-file env.yml\nenv dockerfile x > Dockerfile\necho never\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("env.yml"), "dependencies:\n  - python=3.10\n", StandardCharsets.UTF_8);
        Shell.Result r = new Shell(dir).main("", "-f", "s.amlsh");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("s.amlsh:2: error: '>' is an output redirection of the system shell, and amlsh has none;"
                        + " run the line from your system shell as one command:\n"
                        + "  amlsh env dockerfile x > Dockerfile\n");
        assertThat(r.out()).doesNotContain("never").doesNotContain("FROM");
        assertThat(dir.resolve("Dockerfile")).doesNotExist();
    }

    @Test
    void aPipeAndAnAppendAtThePromptGetTheSameError() {
        // stdin that is not a terminal runs like the prompt, line by line through runLine
        Shell.Result r = new Shell(dir).main("env list | grep x\nenv list >> out.txt\n", "--continue-on-error");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err())
                .contains("<stdin>:1: error: '|' is a pipe of the system shell")
                .contains("  amlsh env list | grep x")
                .contains("<stdin>:2: error: '>>' is an output redirection of the system shell")
                .contains("  amlsh env list >> out.txt");
    }

    @Test
    void aVersionSpecWithGreaterThanIsNoRedirection() throws Exception {
        Files.writeString(dir.resolve("env.yml"), "dependencies:\n  - python=3.10\n", StandardCharsets.UTF_8);
        Shell shell = new Shell(dir);
        Shell.Result r = shell.main(
                "env create x --conda-file env.yml\nenv add-pip x numpy>=1.2\necho '>' \"|\"\n", "-o", "text");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).endsWith("> |\n");
        assertThat(shell.run("env show x -o json").out()).contains("numpy>=1.2");
    }
}

package dev.amlsh.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amlsh.shell.api.UsageException;
import dev.amlsh.shell.cli.Tokenizer;
import dev.amlsh.shell.script.ScriptLines;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tokenizer and the script line splitter (the launch options: CommandLineTest). */
class ParsingTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "env create x --conda-file f.yml | env,create,x,--conda-file,f.yml",
                "echo 'a b' \"c d\"              | echo,a b,c d",
                "echo a#b # comment               | echo,a#b",
                "echo \"say \\\"hi\\\"\"          | echo,say \"hi\"",
                "echo a\\ b                       | echo,a b",
                "echo ''                          | echo,",
                "# only a comment                 | ''",
            })
    void splitsWords(String line, String expected) {
        List<String> words = Tokenizer.split(line.strip());
        assertThat(String.join(",", words)).isEqualTo(expected.equals("''") ? "" : expected);
    }

    @Test
    void unterminatedQuotesAreUsageErrors() {
        assertThatThrownBy(() -> Tokenizer.split("echo 'a"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("unterminated");
        assertThatThrownBy(() -> Tokenizer.split("echo \"a")).isInstanceOf(UsageException.class);
    }

    @Test
    void quoteRoundTrips() {
        for (String word : List.of("plain", "a b", "it's", "#x", "")) {
            assertThat(Tokenizer.split("echo " + Tokenizer.quote(word))).containsExactly("echo", word);
        }
    }

    @Test
    void scriptLinesKeepTheFirstLineNumberOfAContinuedLine() {
        List<ScriptLines.Line> lines = ScriptLines.split("\uFEFFa \\\r\nb\r\n# c \\\nd\n");
        assertThat(lines)
                .containsExactly(
                        new ScriptLines.Line(1, "a b"),
                        new ScriptLines.Line(3, "# c \\"),
                        new ScriptLines.Line(4, "d"));
    }
}

package dev.amlsh.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amlsh.shell.api.LineOptions;
import dev.amlsh.shell.api.Session;
import dev.amlsh.shell.api.ShellIO;
import dev.amlsh.shell.cli.CommandRunner;
import dev.amlsh.shell.interactive.AmlshCompleter;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TAB completion by position: command words, options, and values read from the workspace when TAB is pressed. */
class CompletionTest {

    @TempDir
    Path dir;

    Session session;
    AmlshCompleter completer;

    @BeforeEach
    void setUp() throws Exception {
        TestCatalog catalog = new TestCatalog();
        ShellIO io = new ShellIO(
                new ByteArrayInputStream(new byte[0]),
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()),
                Map.of(),
                dir,
                false,
                false);
        session = new Session(io, () -> catalog, LineOptions.NONE);
        CommandRunner commands = Shell.commands();
        completer = new AmlshCompleter(commands.table(), session);
        // created after the completer exists: completion must still see it
        Files.writeString(dir.resolve("env.yml"), "dependencies:\n  - python=3.10\n");
        commands.runLine(session, "env create demo --conda-file env.yml", null);
        commands.runLine(session, "env register demo", null);
        commands.runLine(session, "env create draftonly --conda-file env.yml", null);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''                                 | env,workspace,curated,help,set",
                "'env '                             | create,clone,show,register,var",
                "'env var '                         | set,unset",
                "'env show '                        | demo,draftonly,demo:1",
                "'env versions '                    | demo,draftonly",
                "'env label '                       | demo,demo:1",
                "'env create x --'                  | --conda-file,--base-image,--output,--help",
                "'env create x --base-image '       | mcr.microsoft.com/azureml/intelmpi2018.3-ubuntu16.04:20200821.v1",
                "'set output '                      | text,json,yaml",
                "'env set demo --user-managed '     | true,false",
                "'env show demo -o '                | json,yaml",
                "'workspace use '                   | default,:temp:",
                "'set workspace '                   | default,:temp:",
                "'help '                            | env,workspace",
                "'completion '                      | bash,zsh,fish",
                "'help env '                        | create,show,var",
                "'help env var '                    | set,unset",
                "'env show demo --'                 | --workspace,--read-only,--no-color,--debug,--output",
                "'-o json env '                     | create,show",
                "'--workspace '                     | default",
                "'env list --workspace '            | default",
                "'-o '                              | json,yaml",
            })
    void offers(String line, String expected) {
        List<String> offered = complete(line);
        assertThat(offered).contains(expected.split(","));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "'env show demo '                   | demo",
                "'env versions '                    | demo:1",
                "'env create x --conda-file '       | --output",
                "'help env '                        | env,workspace",
            })
    void doesNotOffer(String line, String unexpected) {
        assertThat(complete(line)).doesNotContain(unexpected);
    }

    private List<String> complete(String line) {
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(
                null, new DefaultParser().parse(line, line.length(), Parser.ParseContext.COMPLETE), candidates);
        return candidates.stream().map(Candidate::value).toList();
    }
}

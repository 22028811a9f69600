package dev.amlsh.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amlsh.shell.api.CommandSpec;
import dev.amlsh.shell.api.GlobalOption;
import dev.amlsh.shell.api.LineOptions;
import dev.amlsh.shell.api.OutputFormat;
import dev.amlsh.shell.api.UsageException;
import dev.amlsh.shell.cli.AmlshCommand;
import dev.amlsh.shell.cli.CommandLine;
import dev.amlsh.shell.cli.ParsedLine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The one parse step: program arguments and lines of scripts and the prompt go through the same
 * {@link CommandLine}, against every command in the registry.
 */
class CommandLineTest {

    static final CommandLine PARSER = Shell.commands().parser();

    /** Each line option with a value it accepts, as a user would type it, and what the parse must report. */
    record Given(List<String> words, LineOptions expected) {}

    static final List<Given> LINE_OPTIONS = List.of(
            new Given(List.of("-o", "json"), new LineOptions(OutputFormat.JSON, null, false, false, false)),
            new Given(List.of("--output=yaml"), new LineOptions(OutputFormat.YAML, null, false, false, false)),
            new Given(List.of("--workspace", ":temp:"), new LineOptions(null, ":temp:", false, false, false)),
            new Given(List.of("--read-only"), new LineOptions(null, null, true, false, false)),
            new Given(List.of("--no-color"), new LineOptions(null, null, false, true, false)),
            new Given(List.of("--debug"), new LineOptions(null, null, false, false, true)));

    @Test
    void everyLineOptionIsExercisedHere() {
        List<GlobalOption> line = new ArrayList<>(GlobalOption.of(GlobalOption.Scope.LINE));
        line.remove(GlobalOption.HELP); // turns the line into 'help COMMAND': everyCommandHasHelpBeforeAndAfterIt
        assertThat(LINE_OPTIONS.stream()
                        .map(g -> GlobalOption.named(g.words().get(0).split("=")[0])
                                .orElseThrow())
                        .distinct()
                        .toList())
                .containsExactlyInAnyOrderElementsOf(line);
    }

    /**
     * Every command accepts every line option before it, right after its words and at the end, in
     * one-shot runs (program arguments) and in scripts and at the prompt (lines). A raw command
     * ({@code echo}) takes the words after it as its text, so there only the position before counts.
     */
    @ParameterizedTest
    @EnumSource(CommandLine.Source.class)
    void everyCommandAcceptsEveryLineOptionInEveryPosition(CommandLine.Source source) {
        for (AmlshCommand command : Shell.commands().table().all()) {
            CommandSpec spec = command.spec();
            List<String> name = List.of(spec.name().split(" "));
            List<String> args = spec.args().stream()
                    .filter(CommandSpec.Arg::required)
                    .map(a -> "x")
                    .toList();
            for (Given given : LINE_OPTIONS) {
                List<List<String>> lines = new ArrayList<>();
                lines.add(concat(given.words(), name, args));
                if (!spec.rawArguments()) {
                    lines.add(concat(name, given.words(), args));
                    lines.add(concat(name, args, given.words()));
                }
                for (List<String> words : lines) {
                    ParsedLine parsed = PARSER.parse(words, source);
                    assertThat(parsed.command()).as(String.join(" ", words)).isSameAs(command);
                    assertThat(parsed.options()).as(String.join(" ", words)).isEqualTo(given.expected());
                    assertThat(parsed.positionals()).as(String.join(" ", words)).isEqualTo(args);
                }
            }
            if (spec.rawArguments()) {
                assertThat(PARSER.parse(concat(name, List.of("-o", "json")), source)
                                .positionals())
                        .containsExactly("-o", "json");
            }
        }
    }

    /**
     * {@code COMMAND --help}, {@code --help COMMAND} and {@code -h} anywhere: the command's help, for every command.
     */
    @ParameterizedTest
    @EnumSource(CommandLine.Source.class)
    void everyCommandHasHelpBeforeAndAfterIt(CommandLine.Source source) {
        for (AmlshCommand command : Shell.commands().table().all()) {
            List<String> name = List.of(command.getName().split(" "));
            List<List<String>> lines = new ArrayList<>(List.of(concat(List.of("--help"), name)));
            if (!command.spec().rawArguments()) {
                lines.add(concat(name, List.of("--help")));
                lines.add(concat(name, List.of("-h", "-o", "json")));
            }
            for (List<String> words : lines) {
                ParsedLine parsed = PARSER.parse(words, source);
                assertThat(parsed.command().getName())
                        .as(String.join(" ", words))
                        .isEqualTo("help");
                assertThat(parsed.positionals()).as(String.join(" ", words)).isEqualTo(name);
            }
        }
    }

    @Test
    void aPrefixWithHelpListsTheCommandsUnderIt() {
        for (CommandLine.Source source : CommandLine.Source.values()) {
            for (List<String> words :
                    List.of(List.of("env", "--help"), List.of("--help", "env"), List.of("env", "var", "-h"))) {
                ParsedLine parsed = PARSER.parse(words, source);
                assertThat(parsed.command().getName())
                        .as(String.join(" ", words))
                        .isEqualTo("help");
                assertThat(parsed.positionals())
                        .as(String.join(" ", words))
                        .isEqualTo(
                                words.stream().filter(w -> !w.startsWith("-")).toList());
            }
        }
    }

    /** DESIGN.md: a command's own option of the same spelling wins over a global one. */
    @Test
    void aCommandsOwnOptionWins() {
        ParsedLine parsed = PARSER.parse(List.of("env", "register", "x", "--version", "3"), CommandLine.Source.LAUNCH);
        assertThat(parsed.commandOptions()).containsEntry("--version", "3");
        assertThat(parsed.launch().version()).isFalse();
        ParsedLine script = PARSER.parse(List.of("script", "s.amlsh", "--echo"), CommandLine.Source.LAUNCH);
        assertThat(script.commandOptions()).containsEntry("--echo", "true");
        assertThat(script.launch().echo()).isFalse();
    }

    @Test
    void launchOptionsChooseTheMode() {
        assertThat(launch().mode(true)).isEqualTo(ParsedLine.Mode.INTERACTIVE);
        assertThat(launch().mode(false)).isEqualTo(ParsedLine.Mode.SCRIPT_STDIN);
        assertThat(launch("-f", "-").mode(true)).isEqualTo(ParsedLine.Mode.SCRIPT_FILE);
        ParsedLine o = launch("-o", "json", "--workspace=:temp:", "env", "show", "x", "--debug");
        assertThat(o.mode(true)).isEqualTo(ParsedLine.Mode.ONE_SHOT);
        assertThat(o.options()).isEqualTo(new LineOptions(OutputFormat.JSON, ":temp:", false, false, true));
        assertThat(o.positionals()).containsExactly("x");
        assertThat(launch("--version").mode(false)).isEqualTo(ParsedLine.Mode.VERSION);
        assertThat(launch("-V").mode(false)).isEqualTo(ParsedLine.Mode.VERSION);
        assertThat(launch("--help").mode(false)).isEqualTo(ParsedLine.Mode.HELP);
        assertThat(launch("--echo", "--continue-on-error", "-f", "s.amlsh")
                        .launch()
                        .echo())
                .isTrue();
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThatThrownBy(() -> launch("--nope"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown option");
        assertThatThrownBy(() -> launch("-o"))
                .isInstanceOf(UsageException.class)
                .hasMessage("option --output needs a value (FORMAT)");
        assertThatThrownBy(() -> launch("-o", "xml")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> launch("env", "list", "-o", "xml")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> launch("-f", "s", "echo")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> launch("--debug=yes")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> launch("-o", "json", "env", "list", "-o", "yaml"))
                .isInstanceOf(UsageException.class)
                .hasMessage("option --output is given twice");
        // launch options only when amlsh starts, and only before the command
        assertThatThrownBy(() -> launch("env", "list", "--echo"))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("unknown option '--echo' for 'env list'");
        assertThatThrownBy(() -> PARSER.parse(List.of("-f", "s.amlsh"), CommandLine.Source.LINE))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("'script FILE' runs a script");
    }

    private static ParsedLine launch(String... words) {
        return PARSER.parse(List.of(words), CommandLine.Source.LAUNCH);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }
}

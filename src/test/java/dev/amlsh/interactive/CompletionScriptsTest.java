package dev.amlsh.interactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amlsh.shell.api.CommandSpec;
import dev.amlsh.shell.api.Completion;
import dev.amlsh.shell.api.GlobalOption;
import dev.amlsh.shell.cli.CommandRunner;
import dev.amlsh.shell.cli.CommandTable;
import dev.amlsh.shell.launch.AmlshConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The shell completion scripts (completions/bash/amlsh, completions/zsh/_amlsh,
 * completions/fish/amlsh.fish) carry a table of amlsh's commands, their arguments and options,
 * between {@code BEGIN GENERATED} and {@code END GENERATED}. The table is generated from the
 * command specs the shell itself parses with, and this test fails when a script's copy is stale.
 * To regenerate: {@code mvn -B -q -o test -Dtest=CompletionScriptsTest -Damlsh.completions.update=true}.
 *
 * <p>One line per command: {@code WORDS;ARGS;OPTIONS}. ARGS: the kind of each positional argument
 * ({@code kind*} for one taking all remaining words); OPTIONS: {@code --name:kind} ({@code flag}
 * for options without a value). Kinds: none ref name version file dir workspace image format bool
 * shell command flag. Two more lines carry the global options: {@code #line;;OPTIONS} (accepted before
 * or after any command) and {@code #launch;;OPTIONS} (only before it, when amlsh starts).
 */
class CompletionScriptsTest {

    static final String BEGIN = "BEGIN GENERATED";
    static final String END = "END GENERATED";

    private static ConfigurableApplicationContext context;
    private static CommandTable table;

    @BeforeAll
    static void start() {
        context = new AnnotationConfigApplicationContext(AmlshConfiguration.class);
        table = context.getBean(CommandRunner.class).table();
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    static List<String> spec() {
        List<String> lines = new ArrayList<>();
        for (CommandSpec command : table.specs()) {
            String args = command.rawArguments()
                    ? "none*"
                    : command.args().stream()
                            .map(a -> kind(a.completion()) + (a.variadic() ? "*" : ""))
                            .collect(Collectors.joining(" "));
            String options = command.options().stream()
                    .map(o -> o.longName() + ":" + (o.isFlag() ? "flag" : kind(o.completion())))
                    .collect(Collectors.joining(" "));
            lines.add(command.name() + ";" + args + ";" + options);
        }
        for (GlobalOption.Scope scope : GlobalOption.Scope.values()) {
            List<String> options = new ArrayList<>();
            for (GlobalOption o : GlobalOption.of(scope)) {
                String kind = o.isFlag() ? "flag" : kind(o.completion());
                options.add(o.longName() + ":" + kind);
                o.shortName().ifPresent(s -> options.add("-" + s + ":" + kind));
            }
            lines.add("#" + scope.name().toLowerCase(java.util.Locale.ROOT) + ";;" + String.join(" ", options));
        }
        return lines;
    }

    static String kind(Completion completion) {
        return switch (completion) {
            case NONE -> "none";
            case ENV_REF -> "ref";
            case ENV_NAME -> "name";
            case ENV_VERSION -> "version";
            case FILE -> "file";
            case DIRECTORY -> "dir";
            case WORKSPACE -> "workspace";
            case CURATED_IMAGE -> "image";
            case OUTPUT_FORMAT -> "format";
            case BOOLEAN -> "bool";
            case SHELL -> "shell";
            case COMMAND -> "command";
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"completions/bash/amlsh", "completions/zsh/_amlsh", "completions/fish/amlsh.fish"})
    void scriptCarriesTheCurrentCommandTable(String script) throws IOException {
        Path file = Path.of(script);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int begin = text.indexOf('\n', text.indexOf(BEGIN)) + 1;
        int end = text.lastIndexOf('\n', text.indexOf(END)) + 1;
        assertThat(begin).as(script + " has a " + BEGIN + " line").isPositive();
        assertThat(end).as(script + " has an " + END + " line after " + BEGIN).isGreaterThanOrEqualTo(begin);
        String expected = String.join("\n", spec()) + "\n";
        if (Boolean.getBoolean("amlsh.completions.update")) {
            Files.writeString(file, text.substring(0, begin) + expected + text.substring(end), StandardCharsets.UTF_8);
            return;
        }
        assertThat(text.substring(begin, end))
                .as(script + " lists amlsh's commands as the shell declares them; regenerate with "
                        + "mvn -B -q -o test -Dtest=CompletionScriptsTest -Damlsh.completions.update=true")
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"completions/bash/amlsh", "completions/zsh/_amlsh", "completions/fish/amlsh.fish"})
    void scriptKnowsTheOptionsEveryCommandTakes(String script) throws IOException {
        String text = Files.readString(Path.of(script), StandardCharsets.UTF_8);
        for (GlobalOption o : GlobalOption.values()) {
            assertThat(text)
                    .as(script + " offers the global option " + o.longName())
                    .contains(o.longName());
        }
    }
}

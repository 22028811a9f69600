package dev.amlsh.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amlsh.shell.cli.AmlshCommand;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;

/** Every amlsh command is a Spring Shell Command in the CommandRegistry, with the metadata help and parsing read. */
class CommandRegistryTest {

    @Test
    void everyRegisteredCommandHasADescriptionAndHelpWithAnExample() {
        CommandRegistry registry = Shell.commands().table().registry();
        assertThat(registry.getCommands())
                .hasSize(Shell.commands().table().all().size())
                .hasSizeGreaterThan(40);
        for (Command command : registry.getCommands()) {
            assertThat(command).as(command.getName()).isInstanceOf(AmlshCommand.class);
            assertThat(registry.getCommandByName(command.getName())).isSameAs(command);
            assertThat(command.getDescription())
                    .as(command.getName())
                    .isNotBlank()
                    .isNotEqualTo("N/A");
            assertThat(command.getGroup()).as(command.getName()).isNotBlank();
            assertThat(command.getHelp())
                    .as(command.getName())
                    .startsWith(command.getDescription())
                    .contains("Usage: " + command.getName())
                    .containsPattern("Examples?:\n  " + command.getName().split(" ")[0]);
            for (CommandOption o : command.getOptions()) {
                assertThat(o.longName()).as(command.getName()).doesNotStartWith("-");
                assertThat(o.description())
                        .as(command.getName() + " --" + o.longName())
                        .isNotBlank();
                assertThat(command.getHelp()).contains("--" + o.longName());
            }
        }
    }

    @Test
    void anUnknownOptionIsAUsageErrorForEveryCommandExceptRawOnes() {
        Shell shell = new Shell(Path.of("."));
        for (AmlshCommand command : Shell.commands().table().all()) {
            List<String> words =
                    new java.util.ArrayList<>(List.of(command.getName().split(" ")));
            words.add("--no-such-option");
            Shell.Result r = shell.main("", words.toArray(String[]::new));
            if (command.spec().rawArguments()) {
                assertThat(r.code()).as(command.getName()).isZero();
                continue;
            }
            assertThat(r.code()).as(command.getName()).isEqualTo(2);
            assertThat(r.err())
                    .as(command.getName())
                    .startsWith("error: unknown option '--no-such-option' for '" + command.getName() + "'");
            assertThat(r.out()).as(command.getName()).isEmpty();
        }
    }

    /**
     * A handler's own outcome (CommandFailed) is the exit code, with no error line: env diff --exit-code, like git
     * diff.
     */
    @Test
    void aHandlersOutcomeIsTheExitCode(@TempDir Path dir) throws Exception {
        Shell shell = new Shell(dir);
        java.nio.file.Files.writeString(dir.resolve("e.yml"), "dependencies:\n  - python=3.10\n");
        assertThat(shell.run("env create a --conda-file e.yml").code()).isZero();
        assertThat(shell.run("env create b").code()).isZero();
        Shell.Result r = shell.run("env diff a b --exit-code");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).doesNotContain("error:");
    }

    /**
     * Spring Shell holds the commands; amlsh runs them with its own parse step, never through Spring Shell's execute.
     */
    @Test
    void springShellsExecuteIsNotAPathIntoACommand() {
        AmlshCommand version = Shell.commands().table().find("version").orElseThrow();
        assertThatThrownBy(() -> version.execute(null)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void helpIsTheCommandsHelpTextWhateverElseTheLineSays() {
        Shell shell = new Shell(Path.of("."));
        AmlshCommand create = Shell.commands().table().find("env create").orElseThrow();
        Shell.Result r = shell.main("", "env", "create", "x", "--help", "-o", "json");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo(create.getHelp() + "\n");
    }
}

package dev.amlsh.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amlsh.shell.cli.AmlshCommand;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;

/** Every amlsh command is a Spring Shell Command in the CommandRegistry, with the metadata help and parsing read. */
class CommandRegistryTest {

    @Test
    void everyRegisteredCommandHasADescriptionAndHelpWithAnExample() {
        CommandRegistry registry = Shell.commands().table().registry();
        assertThat(registry.getCommands()).hasSize(Shell.commands().table().all().size()).hasSizeGreaterThan(40);
        for (Command command : registry.getCommands()) {
            assertThat(command).as(command.getName()).isInstanceOf(AmlshCommand.class);
            assertThat(registry.getCommandByName(command.getName())).isSameAs(command);
            assertThat(command.getDescription()).as(command.getName()).isNotBlank().isNotEqualTo("N/A");
            assertThat(command.getGroup()).as(command.getName()).isNotBlank();
            assertThat(command.getHelp()).as(command.getName()).startsWith(command.getDescription())
                    .contains("Usage: " + command.getName()).containsPattern("Examples?:\n  " + command.getName().split(" ")[0]);
            for (CommandOption o : command.getOptions()) {
                assertThat(o.longName()).as(command.getName()).doesNotStartWith("-");
                assertThat(o.description()).as(command.getName() + " --" + o.longName()).isNotBlank();
                assertThat(command.getHelp()).contains("--" + o.longName());
            }
        }
    }

    @Test
    void anUnknownOptionIsAUsageErrorForEveryCommandExceptRawOnes() {
        Shell shell = new Shell(Path.of("."));
        for (AmlshCommand command : Shell.commands().table().all()) {
            List<String> words = new java.util.ArrayList<>(List.of(command.getName().split(" ")));
            words.add("--no-such-option");
            Shell.Result r = shell.main("", words.toArray(String[]::new));
            if (command.rawArguments()) {
                assertThat(r.code()).as(command.getName()).isZero();
                continue;
            }
            assertThat(r.code()).as(command.getName()).isEqualTo(2);
            assertThat(r.err()).as(command.getName())
                    .startsWith("error: unknown option '--no-such-option' for '" + command.getName() + "'");
            assertThat(r.out()).as(command.getName()).isEmpty();
        }
    }

    @Test
    void springShellStatusesMapToExitCodesInOnePlace() {
        assertThat(CommandRunner.exitCode(ExitStatus.OK)).isEqualTo(ExitCode.OK);
        assertThat(CommandRunner.exitCode(ExitStatus.USAGE_ERROR)).isEqualTo(ExitCode.USAGE);
        assertThat(CommandRunner.exitCode(ExitStatus.EXECUTION_ERROR)).isEqualTo(ExitCode.FAILED);
        assertThat(CommandRunner.exitCode(ExitStatus.AVAILABILITY_ERROR)).isEqualTo(ExitCode.FAILED);
        assertThat(CommandRunner.exitCode(new ExitStatus(3, "WORKSPACE_UNAVAILABLE"))).isEqualTo(ExitCode.WORKSPACE_UNAVAILABLE);
    }

    @Test
    void helpIsPrintedBySpringShellsAbstractCommandFromTheCommandsHelp() {
        Shell shell = new Shell(Path.of("."));
        AmlshCommand create = Shell.commands().table().find("env create").orElseThrow();
        Shell.Result r = shell.main("", "env", "create", "x", "--help", "-o", "json");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo(create.getHelp() + "\n");
    }
}

package dev.amlsh.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amlsh.shell.api.CommandSpec;
import dev.amlsh.shell.render.HelpPrinter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every command has help with an example, is listed by group, and is documented in docs/COMMANDS.md. */
class HelpTest {

    @Test
    void everyCommandHasASummaryAnExampleAndADocumentedSection() throws Exception {
        String doc = Files.readString(Path.of("docs/COMMANDS.md"), StandardCharsets.UTF_8);
        for (CommandSpec command : Shell.commands().table().specs()) {
            assertThat(command.summary()).as(command.name()).isNotBlank();
            assertThat(command.examples()).as(command.name()).isNotEmpty();
            assertThat(command.examples())
                    .allMatch(x -> x.startsWith(command.name().split(" ")[0]), command.name());
            assertThat(doc).as(command.name()).contains("### `" + command.name() + "`");
        }
    }

    /**
     * docs/COMMANDS.md's "Command reference" is each command's {@code --help}, in {@code help}'s order,
     * generated from the specs. To regenerate after changing a spec or adding a command:
     * {@code mvn -B -q test -Dtest=HelpTest -Damlsh.docs.update=true}.
     */
    @Test
    void theCommandReferenceIsEachCommandsHelp() throws Exception {
        Path file = Path.of("docs/COMMANDS.md");
        String doc = Files.readString(file, StandardCharsets.UTF_8);
        String heading = "## Command reference\n\nThe text below is each command's `--help`, in `help`'s order.\n";
        int start = doc.indexOf(heading);
        assertThat(start).as("docs/COMMANDS.md has the heading " + heading).isPositive();
        StringBuilder expected = new StringBuilder(heading);
        for (CommandSpec command : new HelpPrinter(Shell.commands().table().specs()).byGroup()) {
            expected.append("\n### `")
                    .append(command.name())
                    .append("`\n\n```\n")
                    .append(HelpPrinter.text(command))
                    .append("\n```\n");
        }
        if (Boolean.getBoolean("amlsh.docs.update")) {
            Files.writeString(file, doc.substring(0, start) + expected, StandardCharsets.UTF_8);
            return;
        }
        assertThat(doc.substring(start))
                .as("docs/COMMANDS.md's command reference; regenerate with "
                        + "mvn -B -q test -Dtest=HelpTest -Damlsh.docs.update=true")
                .isEqualTo(expected.toString());
    }

    @Test
    void helpListsCommandsByGroupAndExplainsOne() {
        Shell shell = new Shell(Path.of("."));
        String all = shell.run("help").out();
        assertThat(all)
                .contains("Environments:\n  env create")
                .contains("Session and scripts:")
                .contains("Workspaces:");
        Shell.Result one = shell.main("", "env", "create", "--help");
        assertThat(one.code()).isZero();
        assertThat(one.out())
                .startsWith("Create a draft environment")
                .contains("Usage: env create NAME")
                .contains("Example");
        assertThat(shell.run("help env").out()).startsWith("Commands under 'env':");
        assertThat(shell.run("help nothing").code()).isEqualTo(2);
        assertThat(shell.main("", "--help").out())
                .contains("Exit codes: 0 ok, 1 the command failed, 2 usage error, 3 workspace");
        assertThat(shell.main("", "--version").out()).contains("emulates azureml-core");
    }
}

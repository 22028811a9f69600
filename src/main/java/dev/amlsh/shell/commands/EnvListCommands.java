package dev.amlsh.shell.commands;

import static dev.amlsh.shell.api.CommandSpec.Group.ENV;
import static dev.amlsh.shell.api.CommandSpec.command;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.amlsh.shell.api.Call;
import dev.amlsh.shell.api.CommandResult;
import dev.amlsh.shell.cli.AmlshCommand;
import dev.amlsh.shell.cli.CommandSet;
import dev.amlsh.shell.render.Table;
import java.io.PrintWriter;
import java.util.List;

/** {@code env list}: drafts and registered names at a glance, and which drafts differ from their latest version. */
public final class EnvListCommands implements CommandSet {

    @Override
    public List<AmlshCommand> commands() {
        return List.of(new AmlshCommand(
                command("env list", ENV, "List drafts and registered environments")
                        .flag("--archived", "include archived names")
                        .description("DRAFT says: new (never registered), changed (differs from the latest version),\n"
                                + "same (equal to it) or - (no draft). An archived name with a draft is "
                                + "listed, marked archived.")
                        .example("env list")
                        .build(),
                this::list));
    }

    /** One row of {@code env list -o json}: the draft's state as new, changed, same or null. */
    record Row(String name, String draft, String latest, int versions, boolean archived) {}

    /** {@code env list}: a table for people, an array for machines. */
    record Listed(@JsonValue List<Row> rows) implements CommandResult {
        Listed {
            rows = List.copyOf(rows);
        }

        @Override
        public void printText(PrintWriter out) {
            if (rows.isEmpty()) {
                out.println("no environments yet ('env create NAME --conda-file FILE' makes one)");
                return;
            }
            Table table = Table.of("NAME", "DRAFT", "LATEST", "VERSIONS");
            for (Row row : rows) {
                table.row(
                        row.name(), row.draft(), row.latest(), row.versions() + (row.archived() ? " (archived)" : ""));
            }
            table.print(out);
        }
    }

    private CommandResult list(Call call) {
        List<Row> rows = call.workspace().list(call.flag("--archived")).stream()
                .map(e -> new Row(
                        e.name(), e.draft() == null ? null : e.draft().label(), e.latest(), e.versions(), e.archived()))
                .toList();
        return new Listed(rows);
    }
}

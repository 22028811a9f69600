package dev.amlsh.shell.commands;

import static dev.amlsh.shell.api.CommandSpec.Group.ENV;
import static dev.amlsh.shell.api.CommandSpec.command;

import dev.amlsh.model.Environment;
import dev.amlsh.shell.api.Call;
import dev.amlsh.shell.cli.CommandSet;
import dev.amlsh.shell.render.Table;
import dev.amlsh.shell.cli.AmlshCommand;
import dev.amlsh.workspace.RegisteredVersion;
import dev.amlsh.workspace.WorkspaceStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** {@code env list}: drafts and registered names at a glance, and which drafts differ from their latest version. */
public final class EnvListCommands implements CommandSet {

    @Override
    public List<AmlshCommand> commands() {
        return List.of(new AmlshCommand(command("env list", ENV, "List drafts and registered environments")
                .flag("--archived", "include archived names")
                .description("DRAFT says: new (never registered), changed (differs from the latest version),\n"
                        + "same (equal to it) or - (no draft). An archived name with a draft is listed, marked archived.")
                .example("env list").build(), this::list));
    }

    private void list(Call call) {
        WorkspaceStore store = call.workspace().store();
        boolean archived = call.flag("--archived");
        TreeSet<String> names = new TreeSet<>(store.names(archived));
        Map<String, Environment> drafts = new LinkedHashMap<>();
        for (Environment d : store.drafts()) {
            drafts.put(d.name(), d);
            names.add(d.name());
        }
        List<Map<String, Object>> view = new ArrayList<>();
        for (String name : names) {
            Environment draft = drafts.get(name);
            List<RegisteredVersion> versions = store.versions(name);
            Optional<RegisteredVersion> latest = store.latest(name);
            Optional<RegisteredVersion> newest = latest.isPresent() ? latest
                    : versions.stream().max(java.util.Comparator.comparingLong(RegisteredVersion::sequence));
            String state = draft == null ? null
                    : newest.isEmpty() ? "new"
                    : newest.get().environment().sameDefinitionAs(draft) ? "same" : "changed";
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", name);
            row.put("draft", state);
            row.put("latest", latest.map(RegisteredVersion::version).orElse(null));
            row.put("versions", versions.size());
            row.put("archived", !versions.isEmpty() && latest.isEmpty());
            view.add(row);
        }
        call.print(view, out -> {
            if (view.isEmpty()) {
                out.println("no environments yet ('env create NAME --conda-file FILE' makes one)");
                return;
            }
            Table table = Table.of("NAME", "DRAFT", "LATEST", "VERSIONS");
            for (Map<String, Object> row : view) {
                table.row(row.get("name"), row.get("draft"), row.get("latest"),
                        row.get("versions") + ((boolean) row.get("archived") ? " (archived)" : ""));
            }
            table.print(out);
        });
    }
}

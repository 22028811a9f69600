package dev.amlsh.shell.commands;

import static dev.amlsh.shell.api.CommandSpec.Group.WORKSPACE;
import static dev.amlsh.shell.api.CommandSpec.command;

import dev.amlsh.model.AmlshException;
import dev.amlsh.model.SdkRelease;
import dev.amlsh.shell.api.Call;
import dev.amlsh.shell.api.UsageException;
import dev.amlsh.shell.cli.CommandSet;
import dev.amlsh.shell.cli.AmlshCommand;
import dev.amlsh.shell.api.Completion;
import dev.amlsh.shell.render.Table;
import dev.amlsh.workspace.WorkspaceCatalog.WorkspaceInfo;
import dev.amlsh.workspace.WorkspaceStore;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code workspace show|list|use|create|delete|export}: where environments live. */
public final class WorkspaceCommands implements CommandSet {

    @Override
    public List<AmlshCommand> commands() {
        return List.of(
                new AmlshCommand(command("workspace show", WORKSPACE, "Show the workspace in use").example("workspace show").build(),
                        this::show),
                new AmlshCommand(command("workspace list", WORKSPACE, "List the workspaces").example("workspace list").build(),
                        this::list),
                new AmlshCommand(command("workspace set-default-image", WORKSPACE,
                        "Set the base image new environments get in the workspace in use")
                        .arg("IMAGE", Completion.CURATED_IMAGE)
                        .description("Environments created afterwards without --base-image or --dockerfile get it (amlsh's\n"
                                + "default is " + SdkRelease.DEFAULT_BASE_IMAGE + "). Drafts and versions keep theirs.")
                        .example("workspace set-default-image mcr.microsoft.com/azureml/intelmpi2018.3-ubuntu16.04:20200821.v1")
                        .build(), this::setDefaultImage),
                new AmlshCommand(command("workspace use", WORKSPACE, "Make a workspace the current one (remembered)")
                        .arg("NAME", Completion.WORKSPACE).example("workspace use course").build(), this::use),
                new AmlshCommand(command("workspace create", WORKSPACE, "Create a workspace").arg("NAME", Completion.NONE)
                        .example("workspace create course").build(), this::create),
                new AmlshCommand(command("workspace delete", WORKSPACE, "Delete a workspace and everything in it")
                        .arg("NAME", Completion.WORKSPACE).flag("--yes", "confirm: the environments in it are gone")
                        .example("workspace delete scratch --yes").build(), this::delete),
                new AmlshCommand(command("workspace export", WORKSPACE, "Copy the workspace in use into a new file")
                        .arg("FILE", Completion.FILE).example("workspace export course.amlsh").build(), this::export));
    }

    private void show(Call call) {
        WorkspaceStore store = call.workspace().store();
        Optional<WorkspaceInfo> info = call.session().catalog().list().stream()
                .filter(w -> w.name().equals(store.name())).findFirst();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", store.name());
        view.put("file", info.map(i -> i.file().toString()).orElse(null));
        view.put("current", info.map(WorkspaceInfo::current).orElse(false));
        view.put("readOnly", call.session().readOnly());
        view.put("defaultBaseImage", store.defaultBaseImage());
        view.put("drafts", store.drafts().size());
        view.put("environments", store.names(true).size());
        call.print(view, out -> {
            Table table = Table.labelled();
            view.forEach((k, v) -> table.row(k + ":", v));
            table.print(out);
        });
    }

    private void setDefaultImage(Call call) {
        WorkspaceStore store = call.workspace().store();
        String image = call.arg(0).strip();
        if (image.isEmpty()) {
            throw new UsageException("the default base image cannot be empty", "workspace set-default-image");
        }
        String previous = store.defaultBaseImage();
        if (!image.equals(previous)) {
            store.setDefaultBaseImage(image);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", store.name());
        view.put("defaultBaseImage", image);
        view.put("previous", previous);
        view.put("changed", !image.equals(previous));
        call.print(view, out -> out.println(image.equals(previous)
                ? "workspace " + store.name() + " already has default base image " + image
                : "set the default base image of workspace " + store.name() + " to " + image + " (was " + previous + ")"));
    }

    private void list(Call call) {
        List<Map<String, Object>> view = new ArrayList<>();
        for (WorkspaceInfo w : call.session().catalog().list()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", w.name());
            row.put("current", w.current());
            row.put("file", w.file().toString());
            row.put("sizeBytes", w.sizeBytes());
            view.add(row);
        }
        call.print(view, out -> {
            Table table = Table.of("NAME", "CURRENT", "BYTES", "FILE");
            for (Map<String, Object> row : view) {
                table.row(row.get("name"), (boolean) row.get("current") ? "*" : "", row.get("sizeBytes"), row.get("file"));
            }
            table.print(out);
        });
    }

    private void use(Call call) {
        call.session().catalog().use(call.arg(0));
        call.session().useWorkspace(call.arg(0));
        call.print(Map.of("current", call.arg(0)), out -> out.println("using workspace " + call.arg(0)));
    }

    private void create(Call call) {
        WorkspaceInfo w = call.session().catalog().create(call.arg(0));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", w.name());
        view.put("file", w.file().toString());
        call.print(view, out -> out.println("created workspace " + w.name() + " (" + w.file() + ")"));
    }

    private void delete(Call call) {
        String name = call.arg(0);
        if (!call.flag("--yes")) {
            throw new UsageException("deleting workspace " + name + " deletes every environment in it: add --yes",
                    "workspace delete");
        }
        if (name.equals(call.session().catalog().current())) {
            throw new AmlshException("workspace " + name + " is the current one: 'workspace use' another first");
        }
        call.session().closeWorkspace(); // SQLite keeps the file open until then
        call.session().catalog().delete(name);
        call.print(Map.of("deleted", name), out -> out.println("deleted workspace " + name));
    }

    private void export(Call call) {
        var file = call.path(call.arg(0));
        if (Files.isDirectory(file)) {
            throw AmlshException.inFile(file, "is a folder: name a new file for the copy");
        }
        OutputPaths.requireFolder(file.getParent());
        call.session().catalog().export(call.session().workspaceSelector(), file);
        call.print(Map.of("file", file.toString()), out -> out.println("exported the workspace to " + file));
    }
}

package dev.amlsh.shell.commands;

import static dev.amlsh.shell.api.CommandSpec.Group.REGISTRY;
import static dev.amlsh.shell.api.CommandSpec.command;

import dev.amlsh.image.EnvironmentHashes;
import dev.amlsh.model.AmlshException;
import dev.amlsh.shell.api.Call;
import dev.amlsh.shell.api.UsageException;
import dev.amlsh.shell.cli.CommandSet;
import dev.amlsh.shell.cli.AmlshCommand;
import dev.amlsh.shell.api.Completion;
import dev.amlsh.shell.render.Table;
import dev.amlsh.workspace.EnvironmentRef;
import dev.amlsh.workspace.RegisteredVersion;
import dev.amlsh.workspace.Registration;
import dev.amlsh.workspace.WorkspaceStore;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code env register}, {@code env versions}, {@code env label}, {@code env archive}, {@code env restore}. */
public final class EnvRegistryCommands implements CommandSet {

    @Override
    public List<AmlshCommand> commands() {
        return List.of(
                new AmlshCommand(command("env register", REGISTRY, "Register an environment as a new version (Environment.register)")
                        .arg("REF", Completion.ENV_REF)
                        .option("--version", "V", "an explicit version (must not exist with other content)", Completion.NONE)
                        .option("--as", "NAME", "register under another name", Completion.ENV_NAME)
                        .description("A definition equal to the latest version keeps that version; otherwise the next\n"
                                + "number is 1 + the largest. The draft stays after registration.")
                        .example("env register pytorch").example("env register pytorch-exp --as pytorch").build(),
                        this::register),
                new AmlshCommand(command("env versions", REGISTRY, "List the registered versions of a name")
                        .arg("NAME", Completion.ENV_NAME).example("env versions pytorch").build(), this::versions),
                new AmlshCommand(command("env label", REGISTRY, "Put labels on a version (NAME@LABEL then names it)")
                        .arg("NAME:VERSION", Completion.ENV_VERSION).args("LABEL", Completion.NONE)
                        .example("env label pytorch:2 stable").build(), this::label),
                new AmlshCommand(command("env archive", REGISTRY, "Archive a name or one version (hidden from list and @latest)")
                        .arg("NAME[:VERSION]", Completion.ENV_VERSION).example("env archive pytorch:1").build(),
                        call -> archive(call, true)),
                new AmlshCommand(command("env restore", REGISTRY, "Restore an archived name or version")
                        .arg("NAME[:VERSION]", Completion.ENV_VERSION).example("env restore pytorch:1").build(),
                        call -> archive(call, false)));
    }

    private void register(Call call) {
        Registration r = call.workspace().register(call.arg(0), call.option("--version").orElse(null),
                call.option("--as").orElse(null));
        printRegistration(call, r);
    }

    /** What a registration did: a new version, or the existing one that already holds the definition. */
    static void printRegistration(Call call, Registration r) {
        RegisteredVersion v = r.version();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", v.name());
        view.put("version", v.version());
        view.put("created", r.created());
        view.put("imageName", EnvironmentHashes.imageName(v.environment()));
        call.print(view, out -> out.println(r.created() ? "registered " + v.name() + ":" + v.version()
                : v.name() + ":" + v.version() + " already has this definition (no new version)"));
    }

    private void versions(Call call) {
        String name = call.arg(0);
        List<RegisteredVersion> versions = call.workspace().store().versions(name);
        if (versions.isEmpty()) {
            throw new AmlshException("no registered versions of '" + name + "'");
        }
        List<Map<String, Object>> view = new ArrayList<>();
        for (RegisteredVersion v : versions) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("version", v.version());
            row.put("createdAt", v.createdAt().truncatedTo(ChronoUnit.MILLIS).toString());
            row.put("labels", v.labels());
            row.put("archived", v.archived());
            row.put("imageName", EnvironmentHashes.imageName(v.environment()));
            view.add(row);
        }
        call.print(view, out -> {
            Table table = Table.of("VERSION", "CREATED", "ARCHIVED", "LABELS", "IMAGE");
            for (int i = 0; i < view.size(); i++) {
                Map<String, Object> row = view.get(i);
                table.row(row.get("version"), versions.get(i).createdAt().truncatedTo(ChronoUnit.SECONDS),
                        (boolean) row.get("archived") ? "yes" : "-", labels(row.get("labels")), row.get("imageName"));
            }
            table.print(out);
        });
    }

    private static String labels(Object list) {
        List<?> l = (List<?>) list;
        return l.isEmpty() ? "-" : String.join(",", l.stream().map(Object::toString).toList());
    }

    private void label(Call call) {
        EnvironmentRef ref = EnvironmentRef.parse(call.arg(0));
        if (ref.version() == null) {
            throw new UsageException("env label takes NAME:VERSION (a label names one version)", "env label");
        }
        RegisteredVersion v = call.workspace().store().label(ref.name(), ref.version(), call.rest(1));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", v.name());
        view.put("version", v.version());
        view.put("labels", v.labels());
        call.print(view, out -> out.println("labelled " + v.name() + ":" + v.version() + " " + String.join(", ", v.labels())));
    }

    private void archive(Call call, boolean archive) {
        EnvironmentRef ref = EnvironmentRef.parse(call.arg(0));
        if (ref.label() != null) {
            throw new UsageException("name a version (NAME:VERSION) or the whole name, not a label", call.command().name());
        }
        WorkspaceStore store = call.workspace().store();
        if (archive) {
            store.archive(ref.name(), ref.version());
        } else {
            store.restore(ref.name(), ref.version());
        }
        String what = ref.version() == null ? ref.name() + " (all versions)" : ref.name() + ":" + ref.version();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", ref.name());
        view.put("version", ref.version());
        view.put("archived", archive);
        call.print(view, out -> out.println((archive ? "archived " : "restored ") + what));
    }
}

package dev.amlsh.shell.commands;

import static dev.amlsh.shell.api.CommandSpec.Group.REGISTRY;
import static dev.amlsh.shell.api.CommandSpec.command;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.amlsh.image.EnvironmentHashes;
import dev.amlsh.model.AmlshException;
import dev.amlsh.shell.api.Call;
import dev.amlsh.shell.api.CommandResult;
import dev.amlsh.shell.api.Completion;
import dev.amlsh.shell.api.UsageException;
import dev.amlsh.shell.cli.AmlshCommand;
import dev.amlsh.shell.cli.CommandSet;
import dev.amlsh.shell.render.Table;
import dev.amlsh.workspace.EnvironmentRef;
import dev.amlsh.workspace.RegisteredVersion;
import dev.amlsh.workspace.Registration;
import dev.amlsh.workspace.VersionSummary;
import dev.amlsh.workspace.WorkspaceStore;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** {@code env register}, {@code env versions}, {@code env label}, {@code env archive}, {@code env restore}. */
public final class EnvRegistryCommands implements CommandSet {

    @Override
    public List<AmlshCommand> commands() {
        return List.of(
                new AmlshCommand(
                        command(
                                        "env register",
                                        REGISTRY,
                                        "Register an environment as a new version (Environment.register)")
                                .arg("REF", Completion.ENV_REF)
                                .option(
                                        "--version",
                                        "V",
                                        "an explicit version (must not exist with other content)",
                                        Completion.NONE)
                                .option("--as", "NAME", "register under another name", Completion.ENV_NAME)
                                .description("A definition equal to the latest version keeps that version; otherwise "
                                        + "the next\n"
                                        + "number is 1 + the largest. A definition that has a version (a draft loaded"
                                        + " from a\nfolder, NAME:VERSION) is registered as that version, as"
                                        + " Environment.register does.\n"
                                        + "The draft stays after registration.")
                                .example("env register pytorch")
                                .example("env register pytorch-exp --as pytorch")
                                .build(),
                        this::register),
                new AmlshCommand(
                        command("env versions", REGISTRY, "List the registered versions of a name")
                                .arg("NAME", Completion.ENV_NAME)
                                .example("env versions pytorch")
                                .build(),
                        this::versions),
                new AmlshCommand(
                        command("env label", REGISTRY, "Put labels on a version (NAME@LABEL then names it)")
                                .arg("NAME:VERSION|NAME@LABEL", Completion.ENV_VERSION)
                                .args("LABEL", Completion.NONE)
                                .example("env label pytorch:2 stable")
                                .example("env label pytorch@latest reviewed")
                                .build(),
                        this::label),
                new AmlshCommand(
                        command("env archive", REGISTRY, "Archive a name or one version (hidden from list and @latest)")
                                .arg("NAME[:VERSION|@LABEL]", Completion.ENV_VERSION)
                                .example("env archive pytorch:1")
                                .example("env archive pytorch@latest")
                                .build(),
                        call -> archive(call, true)),
                new AmlshCommand(
                        command("env restore", REGISTRY, "Restore an archived name or version")
                                .arg("NAME[:VERSION]", Completion.ENV_VERSION)
                                .example("env restore pytorch:1")
                                .build(),
                        call -> archive(call, false)));
    }

    /** {@code env register}: the version the definition has, new or not. */
    record Registered(String name, String version, boolean created, String imageName) implements CommandResult {
        @Override
        public void printText(PrintWriter out) {
            out.println(
                    created
                            ? "registered " + name + ":" + version
                            : name + ":" + version + " already has this definition (no new version)");
        }
    }

    /** One version in {@code env versions}; {@code createdAt} to the millisecond (ISO-8601). */
    record VersionRow(String version, String createdAt, List<String> labels, boolean archived, String imageName) {
        VersionRow {
            labels = List.copyOf(labels);
        }
    }

    /** {@code env versions}: a table for people (times to the second), an array for machines. */
    record Versions(@JsonValue List<VersionRow> versions) implements CommandResult {
        Versions {
            versions = List.copyOf(versions);
        }

        @Override
        public void printText(PrintWriter out) {
            Table table = Table.of("VERSION", "CREATED", "ARCHIVED", "LABELS", "IMAGE");
            for (VersionRow v : versions) {
                table.row(
                        v.version(),
                        Instant.parse(v.createdAt()).truncatedTo(ChronoUnit.SECONDS),
                        v.archived() ? "yes" : "-",
                        v.labels().isEmpty() ? "-" : String.join(",", v.labels()),
                        v.imageName());
            }
            table.print(out);
        }
    }

    /** {@code env label}: the version's labels after the change. */
    record Labelled(String name, String version, List<String> labels) implements CommandResult {
        Labelled {
            labels = List.copyOf(labels);
        }

        @Override
        public void printText(PrintWriter out) {
            out.println("labelled " + name + ":" + version + " " + String.join(", ", labels));
        }
    }

    /** {@code env archive} and {@code env restore}: a name (version null: all its versions) or one version. */
    record ArchiveChanged(String name, String version, boolean archived) implements CommandResult {
        @Override
        public void printText(PrintWriter out) {
            String what = version == null ? name + " (all versions)" : name + ":" + version;
            out.println((archived ? "archived " : "restored ") + what);
        }
    }

    private CommandResult register(Call call) {
        String version = call.option("--version").orElse(null);
        if (version == null) {
            // Environment.register: a definition that has a version (a loaded folder's, NAME:VERSION)
            // is registered as that version, after this warning
            version = call.workspace().resolve(call.arg(0)).version();
            if (version != null) {
                call.warn("Environment version is set. Attempting to register desired version."
                        + " To auto-version, reset version to None.");
            }
        }
        return registered(call.workspace()
                .register(call.arg(0), version, call.option("--as").orElse(null)));
    }

    /** What a registration did: a new version, or the existing one that already holds the definition. */
    static Registered registered(Registration r) {
        RegisteredVersion v = r.version();
        return new Registered(v.name(), v.version(), r.created(), EnvironmentHashes.imageName(v.environment()));
    }

    private CommandResult versions(Call call) {
        String name = call.arg(0);
        // stored columns only: a long history is listed without parsing a definition
        List<VersionSummary> versions = call.workspace().store().versionSummaries(name);
        if (versions.isEmpty()) {
            throw new AmlshException("no registered versions of '" + name + "'");
        }
        return new Versions(versions.stream()
                .map(v -> new VersionRow(
                        v.version(),
                        v.createdAt().truncatedTo(ChronoUnit.MILLIS).toString(),
                        v.labels(),
                        v.archived(),
                        v.imageName()))
                .toList());
    }

    private CommandResult label(Call call) {
        EnvironmentRef ref = EnvironmentRef.parse(call.arg(0));
        if (ref.version() == null && ref.label() == null) {
            throw new UsageException(
                    "env label takes NAME:VERSION or NAME@LABEL (a label names one version)", "env label");
        }
        // NAME@LABEL (NAME@latest too) names the version the label is on now, so a demo needs no version number
        String version = ref.version() != null
                ? ref.version()
                : call.workspace().resolveRegistered(ref).version();
        RegisteredVersion v = call.workspace().store().label(ref.name(), version, call.rest(1));
        return new Labelled(v.name(), v.version(), v.labels());
    }

    private CommandResult archive(Call call, boolean archive) {
        EnvironmentRef ref = EnvironmentRef.parse(call.arg(0));
        if (ref.label() != null && !archive) {
            throw new UsageException(
                    "name a version (NAME:VERSION) or the whole name, not a label",
                    call.command().name());
        }
        // archive NAME@LABEL: the version the label is on now (an archived one no label can name again)
        String version =
                ref.label() != null ? call.workspace().resolveRegistered(ref).version() : ref.version();
        WorkspaceStore store = call.workspace().store();
        if (archive) {
            store.archive(ref.name(), version);
        } else {
            store.restore(ref.name(), version);
        }
        return new ArchiveChanged(ref.name(), version, archive);
    }
}

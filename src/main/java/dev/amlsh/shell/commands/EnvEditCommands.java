package dev.amlsh.shell.commands;

import static dev.amlsh.shell.api.CommandSpec.Group.ENV;
import static dev.amlsh.shell.api.CommandSpec.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.amlsh.conda.EnvironmentFiles;
import dev.amlsh.model.AmlshException;
import dev.amlsh.model.CondaPackage;
import dev.amlsh.model.CondaSpec;
import dev.amlsh.model.Environment;
import dev.amlsh.shell.api.Call;
import dev.amlsh.shell.api.CommandResult;
import dev.amlsh.shell.api.CommandSpec;
import dev.amlsh.shell.api.Completion;
import dev.amlsh.shell.api.UsageException;
import dev.amlsh.shell.cli.AmlshCommand;
import dev.amlsh.shell.cli.CommandSet;
import dev.amlsh.workspace.DraftEdited;
import dev.amlsh.workspace.Workspace;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Edits of drafts: {@code env set}, {@code env add-*}/{@code remove-*} ({@code env var} is in EnvVarCommands).
 * Editing a name with no draft starts one from its latest version and says so; registered
 * versions never change.
 */
public final class EnvEditCommands implements CommandSet {

    @Override
    public List<AmlshCommand> commands() {
        List<AmlshCommand> entries = new ArrayList<>();
        entries.add(new AmlshCommand(
                command("env set", ENV, "Change a draft's base image, Dockerfile or python settings")
                        .arg("NAME", Completion.ENV_NAME)
                        .option(
                                "--base-image",
                                "IMAGE",
                                "use this base image (clears a base Dockerfile)",
                                Completion.CURATED_IMAGE)
                        .option(
                                "--dockerfile",
                                "FILE",
                                "use this base Dockerfile (clears the base image)",
                                Completion.FILE)
                        .option("--python", "VERSION", "pin python (conda package python=VERSION)", Completion.NONE)
                        .option(
                                "--user-managed",
                                "BOOL",
                                "true: Azure ML builds no conda environment",
                                Completion.BOOLEAN)
                        .option(
                                "--interpreter-path",
                                "PATH",
                                "the python a user-managed environment runs",
                                Completion.NONE)
                        .exclusive("--base-image", "--dockerfile")
                        .example("env set pytorch --base-image "
                                + "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest")
                        .build(),
                this::set));
        entries.add(specEdit(
                "env add-conda",
                "Add conda packages (python=... replaces python in place)",
                "numpy=1.26",
                "conda package",
                specEdit(CondaSpec::addCondaPackage),
                EnvEditCommands::condaSpecs));
        entries.add(specEdit(
                "env add-pip",
                "Add pip packages (one already listed is replaced and goes to the end)",
                "torch==2.3.1",
                "pip package",
                EnvEditCommands::addPipPackage,
                CondaSpec::pipRequirements));
        entries.add(specEdit(
                "env add-channel",
                "Add conda channels",
                "pytorch",
                "channel",
                specEdit(CondaSpec::addChannel),
                CondaSpec::channels));
        entries.add(specEdit(
                "env remove-conda",
                "Remove conda packages, each an exact entry (python cannot go)",
                "numpy=1.26",
                "conda package",
                specEdit(CondaSpec::removeCondaPackage),
                EnvEditCommands::condaSpecs));
        entries.add(specEdit(
                "env remove-pip",
                "Remove pip packages by package name",
                "torch",
                "pip package",
                specEdit(CondaSpec::removePipPackage),
                CondaSpec::pipRequirements));
        entries.add(specEdit(
                "env remove-channel",
                "Remove conda channels",
                "anaconda",
                "channel",
                specEdit(CondaSpec::removeChannel),
                CondaSpec::channels));
        entries.add(optionEdit(
                "env add-pip-option",
                "Add pip options, or replace one with the same first word",
                "--extra-index-url https://download.pytorch.org/whl/cu121",
                CondaSpec::setPipOption));
        entries.add(optionEdit(
                "env remove-pip-option",
                "Remove pip options by their first word",
                "--extra-index-url",
                CondaSpec::removePipOption));
        return entries;
    }

    /**
     * {@code add_pip_package} begins with {@code remove_pip_package}: the conda file follows that
     * removal too, so the old entry's comments go even when the same package comes back.
     */
    private static Environment addPipPackage(Environment env, String requirement) {
        return env.withCondaSpec(s -> s.removePipPackage(requirement)).withCondaSpec(s -> s.addPipPackage(requirement));
    }

    /** An edit of the conda spec alone, as one step the conda file follows. */
    private static BiFunction<Environment, String, Environment> specEdit(BiFunction<CondaSpec, String, CondaSpec> op) {
        return (env, item) -> env.withCondaSpec(s -> op.apply(s, item));
    }

    private static List<String> condaSpecs(CondaSpec spec) {
        return spec.condaPackages().stream().map(CondaPackage::spec).toList();
    }

    /** One edit per SPEC word, each reported by what it did to the list it edits. */
    private AmlshCommand specEdit(
            String name,
            String summary,
            String example,
            String kind,
            BiFunction<Environment, String, Environment> op,
            Function<CondaSpec, List<String>> items) {
        CommandSpec spec = command(name, ENV, summary)
                .arg("NAME", Completion.ENV_NAME)
                .args("SPEC", Completion.NONE)
                .example(name + " pytorch " + example)
                .build();
        return new AmlshCommand(spec, call -> listEdit(call, kind, call.rest(1), op, items));
    }

    /**
     * {@code env add-pip-option NAME -- OPTION...}: after {@code --} each word starting with
     * {@code -} begins an option and the words up to the next one are its values, so
     * {@code -- --index-url URL -f DIR} is two options (a quoted {@code "--index-url URL"} is one).
     */
    private AmlshCommand optionEdit(
            String name, String summary, String example, BiFunction<CondaSpec, String, CondaSpec> op) {
        CommandSpec spec = command(name, ENV, summary)
                .arg("NAME", Completion.ENV_NAME)
                .args("OPTION", Completion.NONE)
                .description("Give the options after --, so that every word is a value: " + name + " NAME -- " + example
                        + ".\nAn option is a word starting with '-' and the words after it up to the next one.")
                .example(name + " pytorch -- " + example)
                .build();
        return new AmlshCommand(
                spec,
                call -> listEdit(
                        call, "pip option", pipOptions(call.rest(1)), specEdit(op), CondaSpec::pipRequirements));
    }

    static List<String> pipOptions(List<String> words) {
        List<String> options = new ArrayList<>();
        for (String word : words) {
            if (word.startsWith("-") || options.isEmpty()) {
                options.add(word);
            } else {
                options.set(options.size() - 1, options.get(options.size() - 1) + " " + word);
            }
        }
        return options;
    }

    private static Edited listEdit(
            Call call,
            String kind,
            List<String> words,
            BiFunction<Environment, String, Environment> op,
            Function<CondaSpec, List<String>> items) {
        boolean adds = call.command().name().startsWith("env add-");
        boolean[] userManaged = new boolean[1];
        Edited edited = edit(call, (env, changes) -> {
            userManaged[0] = env.isUserManaged();
            if (kind.startsWith("pip")
                    && env.condaFile() != null
                    && env.condaFile().hasPipKeyWithoutList()) {
                // departure: azureml-core's pip edits fail here (TypeError iterating None)
                throw new AmlshException(env.name() + "'s conda file has 'pip:' with no list, and azureml-core's"
                        + " pip edits fail on it (TypeError); give the file 'pip: []' or pip entries and create"
                        + " the environment again");
            }
            Environment result = env;
            for (String item : words) {
                Environment before = result;
                result = op.apply(result, item);
                changes.add(ListChange.of(
                        kind,
                        item,
                        items.apply(before.condaSpec()),
                        items.apply(result.condaSpec()),
                        env.name(),
                        adds));
            }
            return result;
        });
        if (adds && userManaged[0]) {
            // Azure ML builds no conda environment for a user-managed environment
            call.warn(call.arg(0) + " is user-managed: Azure ML installs no conda or pip packages for it" + " (env set "
                    + call.arg(0) + " --user-managed false to let it)");
        }
        return edited;
    }

    /** {@code set base image X in draft d}, or {@code draft d already has base image X}. */
    static String settingChange(String setting, Object before, Object after, String draft) {
        return java.util.Objects.equals(before, after)
                ? "draft " + draft + " already has " + setting + " " + after
                : "set " + setting + " to " + after + " in draft " + draft;
    }

    private CommandResult set(Call call) {
        var image = call.option("--base-image");
        var dockerfile = call.option("--dockerfile");
        if (!call.anyOption()) {
            throw new UsageException(
                    "env set needs at least one setting: " + call.command().synopsis(), "env set");
        }
        String dockerText = dockerfile
                .map(f -> EnvironmentFiles.readDockerfile(call.path(f)))
                .orElse(null);
        return edit(call, (env, changes) -> {
            Environment e = env;
            if (image.isPresent()) {
                Environment before = e;
                e = e.withBaseImage(image.get(), call::warn);
                changes.add(settingChange(
                        "base image", before.docker().baseImage(), e.docker().baseImage(), env.name()));
            }
            if (dockerText != null) {
                Environment before = e;
                e = e.withDocker(e.docker().withBaseDockerfile(dockerText, call::warn));
                changes.add(
                        java.util.Objects.equals(before.docker().baseDockerfile(), dockerText)
                                ? "draft " + env.name() + " already has this base Dockerfile"
                                : "set base Dockerfile to " + dockerfile.get() + " ("
                                        + dockerText.lines().count() + " lines) in draft " + env.name());
            }
            var python = call.option("--python");
            python.ifPresent(v -> VersionOption.require("--python", v, "env set", "3.10 or 3.10.14"));
            if (python.isPresent()) {
                Environment before = e;
                e = e.withCondaSpec(s -> s.addCondaPackage("python=" + python.get()));
                changes.add(ListChange.of(
                        "conda package",
                        "python=" + python.get(),
                        condaSpecs(before.condaSpec()),
                        condaSpecs(e.condaSpec()),
                        env.name(),
                        true));
            }
            var managed = call.option("--user-managed");
            if (managed.isPresent()) {
                Environment before = e;
                e = e.withPython(e.python().withUserManagedDependencies(Boolean.parseBoolean(managed.get())));
                changes.add(settingChange("user-managed", before.isUserManaged(), e.isUserManaged(), env.name()));
            }
            var interpreter = call.option("--interpreter-path");
            if (interpreter.isPresent()) {
                Environment before = e;
                e = e.withPython(e.python().withInterpreterPath(interpreter.get()));
                changes.add(settingChange(
                        "interpreter path",
                        before.python().interpreterPath(),
                        e.python().interpreterPath(),
                        env.name()));
            }
            if (python.isPresent() && e.isUserManaged()) {
                call.warn(pythonIgnored(env.name()));
            }
            return e;
        });
    }

    /** {@code --python} on a user-managed environment: the same advice as adding a package to one. */
    static String pythonIgnored(String name) {
        return name + " is user-managed: --python has no effect, Azure ML installs no conda or pip packages for it"
                + " (env set " + name + " --user-managed false to let it)";
    }

    /** An edit of a draft that says, line by line, what it changed (or why nothing changed). */
    @FunctionalInterface
    interface Edit {
        Environment apply(Environment draft, EditLog changes);
    }

    /**
     * What an edit did to a draft ({@link Workspace#editDraft}): for machines each change as an entry,
     * for people one sentence per change, or {@code updated draft}/{@code draft unchanged}.
     */
    record Edited(
            String name,
            boolean draft,
            boolean startedFromLatest,
            boolean changed,
            List<EditLog.Entry> changes,
            @JsonIgnore boolean warned)
            implements CommandResult {
        Edited {
            changes = List.copyOf(changes);
        }

        @Override
        public void printText(PrintWriter out) {
            List<String> lines = changes.stream()
                    .filter(c -> !c.isWarning())
                    .map(EditLog.Entry::text)
                    .toList();
            lines.forEach(out::println);
            if (lines.isEmpty() && !warned) {
                out.println((changed ? "updated draft " : "draft unchanged: ") + name);
            }
        }
    }

    /** Applies an edit to the draft of the first argument; its warnings go to stderr, the rest is the result. */
    static Edited edit(Call call, Edit edit) {
        EditLog changes = new EditLog();
        DraftEdited result = call.workspace()
                .editDraft(
                        call.arg(0),
                        env -> {
                            changes.clear(); // the store may run the edit again after a concurrent write
                            return edit.apply(env, changes);
                        },
                        call::note);
        changes.entries().stream().filter(EditLog.Entry::isWarning).forEach(c -> call.warn(c.text()));
        boolean warned = changes.entries().stream().anyMatch(EditLog.Entry::isWarning);
        return new Edited(
                result.after().name(), true, result.startedFromLatest(), result.changed(), changes.entries(), warned);
    }
}

package dev.amlsh.shell.commands;

import static dev.amlsh.shell.cli.CommandSpec.Group.ENV;
import static dev.amlsh.shell.cli.CommandSpec.command;

import dev.amlsh.conda.TextFile;
import dev.amlsh.model.CondaSpec;
import dev.amlsh.model.Environment;
import dev.amlsh.shell.Call;
import dev.amlsh.shell.UsageException;
import dev.amlsh.shell.cli.CommandGroup;
import dev.amlsh.shell.cli.CommandSpec;
import dev.amlsh.shell.cli.AmlshCommand;
import dev.amlsh.shell.cli.Completion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * Edits of drafts: {@code env set}, {@code env add-*}/{@code remove-*} ({@code env var} is in EnvVarCommands).
 * Editing a name with no draft starts one from its latest version and says so; registered
 * versions never change.
 */
public final class EnvEditCommands implements CommandGroup {

    @Override
    public List<AmlshCommand> commands() {
        List<AmlshCommand> entries = new ArrayList<>();
        entries.add(new AmlshCommand(command("env set", ENV, "Change a draft's base image, Dockerfile or python settings")
                .arg("NAME", Completion.ENV_NAME)
                .option("--base-image", "IMAGE", "use this base image (clears a base Dockerfile)", Completion.CURATED_IMAGE)
                .option("--dockerfile", "FILE", "use this base Dockerfile (clears the base image)", Completion.FILE)
                .option("--python", "VERSION", "pin python (conda package python=VERSION)", Completion.NONE)
                .option("--user-managed", "BOOL", "true: Azure ML builds no conda environment", Completion.BOOLEAN)
                .option("--interpreter-path", "PATH", "the python a user-managed environment runs", Completion.NONE)
                .example("env set pytorch --base-image mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest")
                .build(), this::set));
        entries.add(specEdit("env add-conda", "Add conda packages (python=... replaces python in place)", "numpy=1.26",
                CondaSpec::addCondaPackage));
        entries.add(specEdit("env add-pip", "Add pip packages (a package already listed is replaced)", "torch==2.3.1",
                CondaSpec::addPipPackage));
        entries.add(specEdit("env add-channel", "Add conda channels", "pytorch", CondaSpec::addChannel));
        entries.add(specEdit("env remove-conda", "Remove conda packages by name (python cannot go)", "numpy",
                CondaSpec::removeCondaPackage));
        entries.add(specEdit("env remove-pip", "Remove pip packages by name", "torch", CondaSpec::removePipPackage));
        entries.add(specEdit("env remove-channel", "Remove conda channels", "anaconda", CondaSpec::removeChannel));
        return entries;
    }

    private AmlshCommand specEdit(String name, String summary, String example, BiFunction<CondaSpec, String, CondaSpec> op) {
        CommandSpec spec = command(name, ENV, summary).arg("NAME", Completion.ENV_NAME).args("SPEC", Completion.NONE)
                .example(name + " pytorch " + example).build();
        return new AmlshCommand(spec, call -> edit(call, env -> {
            Environment result = env;
            for (String item : call.rest(1)) {
                result = result.withCondaSpec(s -> op.apply(s, item));
            }
            return result;
        }));
    }

    private void set(Call call) {
        var image = call.option("--base-image");
        var dockerfile = call.option("--dockerfile");
        if (image.isPresent() && dockerfile.isPresent()) {
            throw new UsageException("--base-image and --dockerfile exclude each other", "env set");
        }
        if (!call.anyOption()) {
            throw new UsageException("env set needs at least one setting: " + call.command().synopsis(), "env set");
        }
        String dockerText = dockerfile.map(f -> TextFile.read(call.path(f)).text()).orElse(null);
        edit(call, env -> {
            Environment e = env;
            if (image.isPresent()) {
                e = e.withBaseImage(image.get(), call::warn);
            }
            if (dockerText != null) {
                e = e.withDocker(e.docker().withBaseDockerfile(dockerText, call::warn));
            }
            var python = call.option("--python");
            if (python.isPresent()) {
                e = e.withCondaSpec(s -> s.addCondaPackage("python=" + python.get()));
            }
            var managed = call.option("--user-managed");
            if (managed.isPresent()) {
                e = e.withPython(e.python().withUserManagedDependencies(Boolean.parseBoolean(managed.get())));
            }
            var interpreter = call.option("--interpreter-path");
            if (interpreter.isPresent()) {
                e = e.withPython(e.python().withInterpreterPath(interpreter.get()));
            }
            return e;
        });
    }

    /** Applies an edit to the draft of the first argument and reports it. */
    static void edit(Call call, UnaryOperator<Environment> edit) {
        String name = call.arg(0);
        List<String> started = new ArrayList<>();
        Environment[] before = new Environment[1];
        Environment after = call.workspace().editDraft(name, env -> {
            before[0] = env;
            return edit.apply(env);
        }, note -> {
            started.add(note);
            call.note(note);
        });
        boolean changed = !before[0].sameDefinitionAs(after);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", after.name());
        view.put("draft", true);
        view.put("startedFromLatest", !started.isEmpty());
        view.put("changed", changed);
        call.print(view, out -> out.println((changed ? "updated draft " : "draft unchanged: ") + after.name()));
    }
}

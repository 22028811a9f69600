package dev.amlsh.shell.commands;

import static dev.amlsh.shell.cli.CommandSpec.Group.ENV;
import static dev.amlsh.shell.cli.CommandSpec.command;

import dev.amlsh.conda.CondaFileReader;
import dev.amlsh.conda.PipRequirementsReader;
import dev.amlsh.conda.TextFile;
import dev.amlsh.model.AmlshException;
import dev.amlsh.model.Environment;
import dev.amlsh.model.EnvironmentName;
import dev.amlsh.model.Environments;
import dev.amlsh.shell.Call;
import dev.amlsh.shell.UsageException;
import dev.amlsh.shell.cli.CommandGroup;
import dev.amlsh.shell.cli.AmlshCommand;
import dev.amlsh.shell.cli.Completion;
import dev.amlsh.workspace.WorkspaceStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code env create}, {@code env clone}, {@code env discard}: making and dropping drafts. */
public final class EnvCreateCommands implements CommandGroup {

    @Override
    public List<AmlshCommand> commands() {
        return List.of(
                new AmlshCommand(command("env create", ENV, "Create a draft environment (like Environment.from_conda_specification)")
                        .arg("NAME", Completion.ENV_NAME)
                        .option("--conda-file", "FILE", "a conda file (environment.yml)", Completion.FILE)
                        .option("--pip-file", "FILE", "a pip requirements file", Completion.FILE)
                        .option("--pip-version", "V", "with --pip-file: the pip version to install", Completion.NONE)
                        .option("--base-image", "IMAGE", "the base image; alone: a user-managed environment (from_docker_image)",
                                Completion.CURATED_IMAGE)
                        .option("--dockerfile", "FILE", "a base Dockerfile instead of a base image", Completion.FILE)
                        .option("--python", "VERSION", "pin python (conda package python=VERSION)", Completion.NONE)
                        .description("""
                                A draft lives in the workspace until you register it; it stays after.
                                Creating a name that has a draft replaces that draft (with a warning).
                                Without a file or image: the SDK's defaults on the workspace's default base image.
                                --conda-file and --pip-file exclude each other, as do --base-image and --dockerfile.""")
                        .example("env create pytorch --conda-file env.yml --base-image mcr.microsoft.com/azureml/intelmpi2018.3-ubuntu16.04:20200821.v1")
                        .example("env create tools --base-image python:3.11-slim")
                        .build(), this::create),
                new AmlshCommand(command("env clone", ENV, "Copy an environment into a new draft (Environment.clone)")
                        .arg("SOURCE", Completion.ENV_REF).arg("NEW", Completion.NONE)
                        .example("env clone pytorch:1 pytorch-gpu")
                        .build(), this::cloneEnv),
                new AmlshCommand(command("env discard", ENV, "Drop a draft (registered versions stay)")
                        .arg("NAME", Completion.ENV_NAME)
                        .example("env discard pytorch")
                        .build(), this::discard));
    }

    private void create(Call call) {
        String name = call.arg(0);
        Optional<String> conda = call.option("--conda-file");
        Optional<String> pip = call.option("--pip-file");
        Optional<String> image = call.option("--base-image");
        Optional<String> dockerfile = call.option("--dockerfile");
        if (conda.isPresent() && pip.isPresent()) {
            throw new UsageException("--conda-file and --pip-file exclude each other: give one", "env create");
        }
        if (image.isPresent() && dockerfile.isPresent()) {
            throw new UsageException("--base-image and --dockerfile exclude each other: an environment has one base",
                    "env create");
        }
        if (call.option("--pip-version").isPresent() && pip.isEmpty()) {
            throw new UsageException("--pip-version goes with --pip-file", "env create");
        }
        WorkspaceStore store = call.workspace().store();
        String base = store.defaultBaseImage();
        Environment env;
        String kind;
        if (conda.isPresent()) {
            env = Environments.fromCondaSpecification(name, CondaFileReader.read(call.path(conda.get())), base, call::warn);
            kind = "conda";
        } else if (pip.isPresent()) {
            env = Environments.fromPipRequirements(name, PipRequirementsReader.read(call.path(pip.get())),
                    call.option("--pip-version").orElse(null), base);
            kind = "pip";
        } else if (image.isPresent()) {
            env = Environments.fromDockerImage(name, image.get(), base);
            kind = "docker-image";
        } else if (dockerfile.isPresent()) {
            env = Environments.fromDockerfile(name, TextFile.read(call.path(dockerfile.get())).text(), base);
            kind = "dockerfile";
        } else {
            env = Environment.create(EnvironmentName.requireValid(name), base);
            kind = "default";
        }
        if (conda.isPresent() || pip.isPresent()) {
            if (image.isPresent()) {
                env = env.withBaseImage(image.get(), w -> {});
            } else if (dockerfile.isPresent()) {
                env = env.withDocker(env.docker().withBaseDockerfile(TextFile.read(call.path(dockerfile.get())).text(), w -> {}));
            }
        }
        Optional<String> python = call.option("--python");
        if (python.isPresent()) {
            env = env.withCondaSpec(s -> s.addCondaPackage("python=" + python.get()));
        }
        saveDraft(call, store, env, "created draft " + name + " (" + describe(kind, env) + ")", kind);
    }

    private void cloneEnv(Call call) {
        Environment source = call.workspace().resolve(call.arg(0));
        Environment copy = source.cloneAs(call.arg(1));
        saveDraft(call, call.workspace().store(), copy, "created draft " + copy.name() + " from " + call.arg(0), "clone");
    }

    private void discard(Call call) {
        String name = call.arg(0);
        if (!call.workspace().store().discardDraft(name)) {
            throw new AmlshException("no draft named '" + name + "' (registered versions are never discarded)");
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", name);
        view.put("discarded", true);
        call.print(view, out -> out.println("discarded draft " + name));
    }

    static void saveDraft(Call call, WorkspaceStore store, Environment env, String message, String kind) {
        Optional<Environment> replaced = store.saveDraft(env);
        replaced.ifPresent(old -> call.warn("replaced draft " + env.name() + " ("
                + (old.sameDefinitionAs(env) ? "it had the same definition" : "its unregistered changes are gone") + ")"));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", env.name());
        view.put("draft", true);
        view.put("from", kind);
        view.put("replaced", replaced.isPresent());
        view.put("userManaged", env.isUserManaged());
        view.put("baseImage", env.docker().baseImage());
        call.print(view, out -> out.println(message));
    }

    private static String describe(String kind, Environment env) {
        String base = env.docker().baseImage() != null ? "base image " + env.docker().baseImage() : "base Dockerfile";
        return switch (kind) {
            case "docker-image", "dockerfile" -> "user-managed python, " + base;
            default -> "conda-managed python, " + base;
        };
    }
}

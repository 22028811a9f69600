package dev.amlsh.shell.commands;

import static dev.amlsh.shell.api.CommandSpec.Group.ENV;
import static dev.amlsh.shell.api.CommandSpec.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.amlsh.conda.EnvironmentFiles;
import dev.amlsh.formats.CuratedEnvironments;
import dev.amlsh.model.AmlshException;
import dev.amlsh.model.Environment;
import dev.amlsh.shell.api.Call;
import dev.amlsh.shell.api.CommandResult;
import dev.amlsh.shell.api.Completion;
import dev.amlsh.shell.api.UsageException;
import dev.amlsh.shell.cli.AmlshCommand;
import dev.amlsh.shell.cli.CommandSet;
import dev.amlsh.workspace.WorkspaceStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** {@code env create}, {@code env clone}, {@code env discard}: making and dropping drafts. */
public final class EnvCreateCommands implements CommandSet {

    @Override
    public List<AmlshCommand> commands() {
        return List.of(
                new AmlshCommand(
                        command(
                                        "env create",
                                        ENV,
                                        "Create a draft environment (like Environment.from_conda_specification)")
                                .arg("NAME", Completion.ENV_NAME)
                                .option("--conda-file", "FILE", "a conda file (environment.yml)", Completion.FILE)
                                .option("--pip-file", "FILE", "a pip requirements file", Completion.FILE)
                                .option(
                                        "--pip-version",
                                        "V",
                                        "with --pip-file: the pip version to install (pip=V, e.g. 23.1.2)",
                                        Completion.NONE)
                                .option(
                                        "--base-image",
                                        "IMAGE",
                                        "the base image; alone: a user-managed environment (from_docker_image)",
                                        Completion.CURATED_IMAGE)
                                .option(
                                        "--dockerfile",
                                        "FILE",
                                        "a base Dockerfile instead of a base image",
                                        Completion.FILE)
                                .option(
                                        "--python",
                                        "VERSION",
                                        "pin python (conda package python=VERSION)",
                                        Completion.NONE)
                                .option(
                                        "--from",
                                        "SOURCE",
                                        "curated:NAME[:VERSION], a copy of a curated environment" + " ('curated list')",
                                        Completion.NONE)
                                .exclusive("--conda-file", "--pip-file")
                                .exclusive("--base-image", "--dockerfile")
                                .exclusive("--from", "--conda-file")
                                .exclusive("--from", "--pip-file")
                                .exclusive("--from", "--base-image")
                                .exclusive("--from", "--dockerfile")
                                .exclusive("--from", "--python")
                                .requires("--pip-version", "--pip-file")
                                .description("""
                                A draft lives in the workspace until you register it; it stays after.
                                Creating a name that has a draft replaces that draft (with a warning).
                                Without a file or image: the SDK's defaults on the workspace's default base image.
                                --conda-file and --pip-file exclude each other, as do --base-image and --dockerfile.
                                --from curated:NAME[:VERSION] copies a curated environment, as
                                Environment.get(ws, NAME, VERSION).clone(NEW) does; it takes no other option.""")
                                .example("env create pytorch --conda-file env.yml --base-image "
                                        + "mcr.microsoft.com/azureml/intelmpi2018.3-ubuntu16.04:20200821.v1")
                                .example("env create tools --base-image python:3.11-slim")
                                .example("env create my-sklearn --from curated:sklearn-1.0")
                                .build(),
                        this::create),
                new AmlshCommand(
                        command("env clone", ENV, "Copy an environment into a new draft (Environment.clone)")
                                .arg("SOURCE", Completion.ENV_REF)
                                .arg("NEW", Completion.NONE)
                                .example("env clone pytorch:1 pytorch-gpu")
                                .build(),
                        this::cloneEnv),
                new AmlshCommand(
                        command("env discard", ENV, "Drop a draft (registered versions stay)")
                                .arg("NAME", Completion.ENV_NAME)
                                .example("env discard pytorch")
                                .build(),
                        this::discard));
    }

    /** The engine builds the environment ({@link EnvironmentFiles#fromFiles}); the option rules are declared above. */
    private CommandResult create(Call call) {
        String name = call.arg(0);
        Optional<String> from = call.option("--from");
        if (from.isPresent()) {
            return createFromCurated(call, name, from.get());
        }
        Optional<String> conda = call.option("--conda-file");
        Optional<String> pip = call.option("--pip-file");
        Optional<String> image = call.option("--base-image");
        Optional<String> dockerfile = call.option("--dockerfile");
        Optional<String> pipVersion = call.option("--pip-version");
        pipVersion.ifPresent(v -> VersionOption.require("--pip-version", v, "env create", "23.1.2 or 23.*"));
        Optional<String> python = call.option("--python");
        python.ifPresent(v -> VersionOption.require("--python", v, "env create", "3.10 or 3.10.14"));
        WorkspaceStore store = call.workspace().store();
        Environment env = EnvironmentFiles.fromFiles(
                name,
                conda.map(call::path).orElse(null),
                pip.map(call::path).orElse(null),
                pipVersion.orElse(null),
                image.orElse(null),
                dockerfile.map(call::path).orElse(null),
                store.defaultBaseImage(),
                call::warn);
        String kind = conda.isPresent()
                ? "conda"
                : pip.isPresent()
                        ? "pip"
                        : image.isPresent() ? "docker-image" : dockerfile.isPresent() ? "dockerfile" : "default";
        if (python.isPresent()) {
            env = env.withCondaSpec(s -> s.addCondaPackage("python=" + python.get()));
            if (env.isUserManaged()) {
                call.warn(EnvEditCommands.pythonIgnored(name));
            }
        }
        return saveDraft(call, store, env, "created draft " + name + " (" + describe(kind, env) + ")", kind);
    }

    /**
     * {@code Environment.get(ws, NAME, VERSION).clone(NEW)} of a curated environment: everything but name and version.
     */
    private CommandResult createFromCurated(Call call, String name, String from) {
        if (!from.startsWith(CURATED_PREFIX) || from.length() == CURATED_PREFIX.length()) {
            throw new UsageException(
                    "--from takes curated:NAME[:VERSION] (e.g. curated:sklearn-1.0), not '" + from + "'", "env create");
        }
        CuratedEnvironments.Curated curated =
                CuratedEnvironments.bundled().require(from.substring(CURATED_PREFIX.length()));
        Environment copy = curated.environment().cloneAs(name);
        return saveDraft(
                call,
                call.workspace().store(),
                copy,
                "created draft " + name + " from curated " + curated.reference() + " ("
                        + curated.kind().text() + ")",
                "curated");
    }

    private static final String CURATED_PREFIX = "curated:";

    private CommandResult cloneEnv(Call call) {
        Environment source = call.workspace().resolve(call.arg(0));
        Environment copy = source.cloneAs(call.arg(1));
        return saveDraft(
                call, call.workspace().store(), copy, "created draft " + copy.name() + " from " + call.arg(0), "clone");
    }

    /** {@code env discard}: the draft that went. */
    record Discarded(String name, boolean discarded) implements CommandResult {
        @Override
        public void printText(PrintWriter out) {
            out.println("discarded draft " + name);
        }
    }

    private CommandResult discard(Call call) {
        String name = call.arg(0);
        if (!call.workspace().store().discardDraft(name)) {
            throw new AmlshException("no draft named '" + name + "' (registered versions are never discarded)");
        }
        return new Discarded(name, true);
    }

    /** Changes are lost only when the old draft differed from both the new one and the latest version. */
    private static String whatWasReplaced(WorkspaceStore store, Environment old, Environment replacement) {
        if (old.sameDefinitionAs(replacement)) {
            return "it had the same definition";
        }
        boolean registered = store.latest(old.name())
                .map(v -> v.environment().sameDefinitionAs(old))
                .orElse(false);
        return registered ? "it had no unregistered changes" : "its unregistered changes are gone";
    }

    /**
     * A draft saved by {@code env create}, {@code clone}, {@code load} or {@code import}; {@code from} says from what.
     */
    record DraftSaved(
            String name,
            boolean draft,
            String from,
            boolean replaced,
            boolean userManaged,
            String baseImage,
            @JsonIgnore String message)
            implements CommandResult {
        @Override
        public void printText(PrintWriter out) {
            out.println(message);
        }
    }

    static DraftSaved saveDraft(Call call, WorkspaceStore store, Environment env, String message, String kind) {
        Optional<Environment> replaced = store.saveDraft(env);
        replaced.ifPresent(
                old -> call.warn("replaced draft " + env.name() + " (" + whatWasReplaced(store, old, env) + ")"));
        return new DraftSaved(
                env.name(),
                true,
                kind,
                replaced.isPresent(),
                env.isUserManaged(),
                env.docker().baseImage(),
                message);
    }

    private static String describe(String kind, Environment env) {
        String base =
                env.docker().baseImage() != null ? "base image " + env.docker().baseImage() : "base Dockerfile";
        return switch (kind) {
            case "docker-image", "dockerfile" -> "user-managed python, " + base;
            default -> "conda-managed python, " + base;
        };
    }
}

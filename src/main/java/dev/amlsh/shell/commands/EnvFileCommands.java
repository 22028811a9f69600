package dev.amlsh.shell.commands;

import static dev.amlsh.shell.api.CommandSpec.Group.FILES;
import static dev.amlsh.shell.api.CommandSpec.command;

import dev.amlsh.formats.AtomicFiles;
import dev.amlsh.formats.Secrets;
import dev.amlsh.formats.V1Directory;
import dev.amlsh.formats.V2Environment;
import dev.amlsh.formats.V2EnvironmentWriter;
import dev.amlsh.formats.V2EnvironmentYaml;
import dev.amlsh.image.BuildContextFolder;
import dev.amlsh.image.DockerfileRenderer;
import dev.amlsh.model.Environment;
import dev.amlsh.model.EnvironmentName;
import dev.amlsh.shell.api.Call;
import dev.amlsh.shell.api.CommandResult;
import dev.amlsh.shell.api.Completion;
import dev.amlsh.shell.cli.AmlshCommand;
import dev.amlsh.shell.cli.CommandSet;
import dev.amlsh.workspace.Registration;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Environments to and from files: SDK v1 folders, v2 YAML files, and a build folder. */
public final class EnvFileCommands implements CommandSet {

    private final BuildContextFolder buildContexts;

    public EnvFileCommands(DockerfileRenderer dockerfiles) {
        this.buildContexts = new BuildContextFolder(dockerfiles);
    }

    @Override
    public List<AmlshCommand> commands() {
        return List.of(
                new AmlshCommand(
                        command("env save", FILES, "Save as an SDK v1 folder (Environment.save_to_directory)")
                                .arg("REF", Completion.ENV_REF)
                                .arg("DIR", Completion.DIRECTORY)
                                .flag("--overwrite", "save into a folder that exists (its files are replaced)")
                                .description("Writes DIR/azureml_environment.json, DIR/conda_dependencies.yml (when "
                                        + "the definition has\n"
                                        + "conda dependencies) and DIR/BaseDockerfile (when it has a "
                                        + "base Dockerfile). DIR must not exist\n"
                                        + "unless --overwrite is given; a conda spec without python is "
                                        + "refused (Python package is missing.).")
                                .example("env save pytorch:1 out/pytorch")
                                .build(),
                        this::save),
                new AmlshCommand(
                        command("env load", FILES, "Load an SDK v1 folder as a draft (Environment.load_from_directory)")
                                .arg("DIR", Completion.DIRECTORY)
                                .option("--name", "NAME", "the draft's name (else the folder's)", Completion.NONE)
                                .description("Reads azureml_environment.json, then conda_dependencies.yml and "
                                        + "BaseDockerfile when they\n"
                                        + "exist. Without a conda file the draft has no conda "
                                        + "dependencies. The draft keeps the folder's\n"
                                        + "version; with --name it is a clone (version and asset id reset).")
                                .example("env load out/pytorch --name pytorch-copy")
                                .build(),
                        this::load),
                new AmlshCommand(
                        command(
                                        "env import",
                                        FILES,
                                        "Register a v2 environment YAML file (az ml environment create --file)")
                                .arg("FILE", Completion.FILE)
                                .option("--name", "NAME", "the name to use (else the file's)", Completion.NONE)
                                .flag("--draft", "make a draft instead of registering")
                                .description("Registers with the file's version when it has one (a number is read as "
                                        + "the SDK's\n"
                                        + "VersionField does: 3 is \"3\", 1.10 is \"1.1\"), else the "
                                        + "next version; the same version\n"
                                        + "with the same definition is a no-op, with another one a "
                                        + "conflict. description, tags,\n"
                                        + "os_type and inference_config are kept. Every problem of the "
                                        + "file is reported at once.")
                                .example("env import environment.yml")
                                .example("env import environment.yml --draft --name trial")
                                .build(),
                        this::importV2),
                new AmlshCommand(
                        command("env export", FILES, "Write a v2 environment YAML file (az ml environment create -f)")
                                .arg("REF", Completion.ENV_REF)
                                .arg("FILE", Completion.FILE)
                                .flag("--overwrite", "replace FILE if it exists")
                                .example("env export pytorch:1 pytorch-v2.yml")
                                .build(),
                        this::exportV2),
                new AmlshCommand(
                        command(
                                        "env build-context",
                                        FILES,
                                        "Write a folder docker build can build: what Azure ML would build")
                                .arg("REF", Completion.ENV_REF)
                                .arg("DIR", Completion.DIRECTORY)
                                .flag("--overwrite", "replace a folder env build-context wrote before")
                                .description("Writes DIR with every file its Dockerfile COPYs, and README.amlsh.md "
                                        + "saying how to build it.\n"
                                        + "A generated Dockerfile gets the mutated conda file and small "
                                        + "stand-ins for Azure ML's own\n"
                                        + "setup files (99brokenproxy, spark_cache.py, log4j.properties: "
                                        + "not public), each saying what\n"
                                        + "the real one does. A build context gets the user's whole "
                                        + "folder and its Dockerfile unchanged.\n"
                                        + "A source amlsh does not have gets a warning. DIR is written "
                                        + "whole or not at all; it must be\n"
                                        + "new or empty, or (with --overwrite) a folder this command wrote.")
                                .example("env build-context pytorch:1 build/pytorch")
                                .build(),
                        this::buildContext));
    }

    private CommandResult save(Call call) {
        Environment env = call.workspace().resolve(call.arg(0));
        OutputPaths.requireFolder(call.path(call.arg(1)));
        List<Path> written = V1Directory.save(env, call.path(call.arg(1)), call.flag("--overwrite"), Secrets.OMIT);
        return written(call, written);
    }

    private CommandResult load(Call call) {
        Environment env = V1Directory.load(call.path(call.arg(0)), call::warn);
        // load_from_directory keeps version and asset id; another name is a clone (both reset)
        String name = call.option("--name").orElse(env.name());
        Environment draft = name.equals(env.name()) ? env : env.cloneAs(name);
        return EnvCreateCommands.saveDraft(
                call,
                call.workspace().store(),
                draft,
                "created draft " + draft.name() + " from " + call.arg(0),
                "v1-folder");
    }

    private CommandResult importV2(Call call) {
        V2Environment v2 = V2EnvironmentYaml.read(call.path(call.arg(0)));
        v2.warnings().forEach(call::warn);
        Environment env = v2.environment();
        String name = EnvironmentName.requireValid(call.option("--name").orElse(env.name()));
        if (call.flag("--draft")) {
            Environment draft = env.cloneAs(name);
            CommandResult saved = EnvCreateCommands.saveDraft(
                    call,
                    call.workspace().store(),
                    draft,
                    "created draft " + draft.name() + " from " + call.arg(0),
                    "v2-yaml");
            if (env.version() != null) {
                call.note(
                        "a draft has no version: register it with --version " + env.version() + " to keep the file's");
            }
            return saved;
        }
        Registration r = call.workspace()
                .store()
                .register(env.withName(name).withVersion(null).withAssetId(null), env.version());
        return EnvRegistryCommands.registered(r);
    }

    private CommandResult exportV2(Call call) {
        Environment env = call.workspace().resolve(call.arg(0));
        Path file = call.path(call.arg(1));
        OutputPaths.requireFile(file, call.flag("--overwrite"));
        OutputPaths.requireExistingFolder(file);
        V2EnvironmentWriter.Export export = V2EnvironmentWriter.write(env);
        export.warnings().forEach(call::warn);
        return written(call, List.of(AtomicFiles.REAL.writeFile(file, export.text())));
    }

    private CommandResult buildContext(Call call) {
        Environment env = call.workspace().resolve(call.arg(0));
        BuildContextFolder.Layout layout = buildContexts.layout(env, call.arg(0));
        layout.warnings().forEach(call::warn);
        return written(call, BuildContextFolder.write(layout, call.path(call.arg(1)), call.flag("--overwrite")));
    }

    /** The files a command wrote, relative to the folder paths resolve against (so a script's output is stable). */
    record Written(List<String> written) implements CommandResult {
        Written {
            written = List.copyOf(written);
        }

        @Override
        public void printText(PrintWriter out) {
            written.forEach(f -> out.println("wrote " + f));
        }
    }

    private static Written written(Call call, List<Path> written) {
        return new Written(written.stream().map(call::displayPath).toList());
    }
}

package dev.amlsh.shell.commands;

import static dev.amlsh.shell.api.CommandSpec.Group.INSPECT;
import static dev.amlsh.shell.api.CommandSpec.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.amlsh.conda.roundtrip.CondaDocument;
import dev.amlsh.explain.DockerfileExplanation;
import dev.amlsh.formats.ImageDetailsJson;
import dev.amlsh.formats.OutputJson;
import dev.amlsh.image.DockerfileRenderer;
import dev.amlsh.image.ImageDetails;
import dev.amlsh.image.MutatedCondaFile;
import dev.amlsh.model.AmlshException;
import dev.amlsh.model.Environment;
import dev.amlsh.shell.api.Call;
import dev.amlsh.shell.api.CommandResult;
import dev.amlsh.shell.api.Completion;
import dev.amlsh.shell.cli.AmlshCommand;
import dev.amlsh.shell.cli.CommandSet;
import dev.amlsh.shell.render.EnvironmentText;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * {@code env show}, {@code env dockerfile}, {@code env conda-spec}, {@code env conda-file},
 * {@code env image-details}: what an
 * environment is and what Azure ML would generate from it. The generated documents are printed alone,
 * so {@code > file} gives a valid file.
 */
public final class EnvInspectCommands implements CommandSet {

    private final DockerfileRenderer dockerfiles;

    public EnvInspectCommands(DockerfileRenderer dockerfiles) {
        this.dockerfiles = dockerfiles;
    }

    @Override
    public List<AmlshCommand> commands() {
        return List.of(
                new AmlshCommand(
                        command("env show", INSPECT, "Show an environment's definition")
                                .arg("REF", Completion.ENV_REF)
                                .description(
                                        "REF is NAME (the draft, else the latest version), NAME:VERSION, NAME@latest,\n"
                                                + "NAME@LABEL, optionally with azureml: (never a draft). -o json "
                                                + "gives the SDK v1 JSON.")
                                .example("env show pytorch:1 -o json")
                                .build(),
                        this::show),
                new AmlshCommand(
                        command("env dockerfile", INSPECT, "Print the Dockerfile Azure ML would build")
                                .arg("REF", Completion.ENV_REF)
                                .flag(
                                        "--explain",
                                        "a # line before each instruction: what it does and why Azure ML has it")
                                .description(
                                        "For a build context: its Dockerfile unchanged (Azure ML builds it as it is).\n"
                                                + "A user-managed environment on a base image has none: Azure ML "
                                                + "runs the image as it is.\n"
                                                + "--explain comments each instruction ([Azure ML] or [yours]); the "
                                                + "output is still a\nDockerfile that builds the same image.")
                                .example("env dockerfile pytorch > Dockerfile")
                                .example("env dockerfile pytorch --explain")
                                .build(),
                        this::dockerfile),
                new AmlshCommand(
                        command(
                                        "env conda-spec",
                                        INSPECT,
                                        "Print the conda file Azure ML would build (mutated_conda_dependencies.yml)")
                                .arg("REF", Completion.ENV_REF)
                                .example("env conda-spec pytorch > mutated_conda_dependencies.yml")
                                .build(),
                        this::condaSpec),
                new AmlshCommand(
                        command(
                                        "env conda-file",
                                        INSPECT,
                                        "Print the definition's conda file as the SDK holds it "
                                                + "(conda_dependencies.yml)")
                                .arg("REF", Completion.ENV_REF)
                                .description("The text of CondaDependencies.serialize_to_string(), which env save "
                                        + "writes as\n"
                                        + "conda_dependencies.yml: the file as read and edited "
                                        + "(comments, key order, flow or\n"
                                        + "block style kept, as ruamel.yaml's round trip keeps them). A "
                                        + "registered version\n"
                                        + "holds only the plain data, so its text has no comments.")
                                .example("env conda-file pytorch > conda_dependencies.yml")
                                .build(),
                        this::condaFile),
                new AmlshCommand(
                        command(
                                        "env image-details",
                                        INSPECT,
                                        "Print the image details JSON (Environment.get_image_details)")
                                .arg("REF", Completion.ENV_REF)
                                .description("The service's reply, keys in its order. Offline: the image is never "
                                        + "built or pushed,\n"
                                        + "so imageExistsInRegistry is false. ingredients is null when "
                                        + "Azure ML generates no\n"
                                        + "Dockerfile (a build context, a user-managed environment on a "
                                        + "base image). Printed as\n"
                                        + "JSON with a 4-space indent (json.dumps(details, indent=4); "
                                        + "the SDK's print(details)\n"
                                        + "shows a Python dict); -o json gives amlsh's 2-space form, -o "
                                        + "yaml YAML.")
                                .example("env image-details pytorch:1")
                                .build(),
                        this::imageDetails));
    }

    /**
     * {@code env show}: the SDK v1 JSON (service form, password masked) for machines, the fields that decide the image
     * for people.
     */
    record Shown(
            @JsonValue Map<String, Object> definition,
            @JsonIgnore Environment env) implements CommandResult {
        @Override
        public void printText(PrintWriter out) {
            EnvironmentText.print(out, env);
        }
    }

    /**
     * {@code env dockerfile}: the Dockerfile alone as text, so {@code > Dockerfile} gives a valid file; with
     * {@code --explain}, each instruction after a {@code #} line saying what it does (still a Dockerfile), and in
     * JSON the instructions with whose each is and why.
     */
    record DockerfileShown(
            String name,
            String version,
            String dockerfile,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<DockerfileExplanation.Instruction> instructions,
            @JsonIgnore String explained)
            implements CommandResult {
        @Override
        public void printText(PrintWriter out) {
            out.print(explained != null ? explained : dockerfile);
        }
    }

    /** {@code env conda-spec}: mutated_conda_dependencies.yml alone as text. */
    record CondaSpecShown(String name, String version, String condaSpecification) implements CommandResult {
        @Override
        public void printText(PrintWriter out) {
            out.print(condaSpecification);
        }
    }

    /**
     * {@code env conda-file}: CondaDependencies.serialize_to_string(), the text alone; {@code -o json} {name, version,
     * condaFile}.
     */
    record CondaFileShown(String name, String version, String condaFile) implements CommandResult {
        @Override
        public void printText(PrintWriter out) {
            out.print(condaFile);
        }
    }

    /**
     * {@code env image-details}: the SDK's JSON (4-space indent) as text; {@code -o json} the same tree in amlsh's
     * form.
     */
    record ImageDetailsShown(
            @JsonValue Map<String, Object> details,
            @JsonIgnore String sdkJson) implements CommandResult {
        @Override
        public void printText(PrintWriter out) {
            out.print(sdkJson);
        }
    }

    private CommandResult show(Call call) {
        Environment env = call.workspace().resolve(call.arg(0));
        return new Shown(OutputJson.environment(env), env);
    }

    private CommandResult dockerfile(Call call) {
        Environment env = call.workspace().resolve(call.arg(0));
        String dockerfile = dockerfiles.render(env);
        if (!call.flag("--explain")) {
            return new DockerfileShown(env.name(), env.version(), dockerfile, null, null);
        }
        DockerfileExplanation explanation = DockerfileExplanation.of(env, dockerfiles.plan(env));
        return new DockerfileShown(
                env.name(), env.version(), dockerfile, explanation.instructions(), explanation.text());
    }

    private CommandResult condaSpec(Call call) {
        Environment env = call.workspace().resolve(call.arg(0));
        if (env.docker().buildContext() == null) {
            env.condaSpec(); // a definition without conda dependencies has no conda file: that error, exit 1
        }
        String text = MutatedCondaFile.render(env)
                .orElseThrow(() -> new AmlshException(env.name()
                        + (env.docker().buildContext() != null
                                ? " is a build context, built as it is"
                                : " is user-managed")
                        + ": Azure ML builds no conda environment for it, so there is no conda file"));
        return new CondaSpecShown(env.name(), env.version(), text);
    }

    private CommandResult condaFile(Call call) {
        Environment env = call.workspace().resolve(call.arg(0));
        return new CondaFileShown(env.name(), env.version(), CondaDocument.textOf(env));
    }

    private CommandResult imageDetails(Call call) {
        Environment env = call.workspace().resolve(call.arg(0));
        ImageDetails details = ImageDetails.of(env, dockerfiles);
        return new ImageDetailsShown(ImageDetailsJson.toTree(details), ImageDetailsJson.write(details));
    }
}

package dev.amlsh.shell.commands;

import static dev.amlsh.shell.api.CommandSpec.Group.INSPECT;
import static dev.amlsh.shell.api.CommandSpec.command;

import dev.amlsh.conda.roundtrip.CondaDocument;
import dev.amlsh.formats.ImageDetailsJson;
import dev.amlsh.formats.OutputJson;
import dev.amlsh.image.DockerfileRenderer;
import dev.amlsh.image.ImageDetails;
import dev.amlsh.image.MutatedCondaFile;
import dev.amlsh.model.AmlshException;
import dev.amlsh.model.Environment;
import dev.amlsh.shell.api.Call;
import dev.amlsh.shell.cli.CommandSet;
import dev.amlsh.shell.cli.AmlshCommand;
import dev.amlsh.shell.api.Completion;
import dev.amlsh.shell.render.EnvironmentText;
import java.util.LinkedHashMap;
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
                new AmlshCommand(command("env show", INSPECT, "Show an environment's definition")
                        .arg("REF", Completion.ENV_REF)
                        .description("REF is NAME (the draft, else the latest version), NAME:VERSION, NAME@latest,\n"
                                + "NAME@LABEL, optionally with azureml: (never a draft). -o json gives the SDK v1 JSON.")
                        .example("env show pytorch:1 -o json")
                        .build(), this::show),
                new AmlshCommand(command("env dockerfile", INSPECT, "Print the Dockerfile Azure ML would build")
                        .arg("REF", Completion.ENV_REF)
                        .description("For a build context: its Dockerfile unchanged (Azure ML builds it as it is).\n"
                                + "A user-managed environment on a base image has none: Azure ML runs the image as it is.")
                        .example("env dockerfile pytorch > Dockerfile")
                        .build(), this::dockerfile),
                new AmlshCommand(command("env conda-spec", INSPECT, "Print the conda file Azure ML would build (mutated_conda_dependencies.yml)")
                        .arg("REF", Completion.ENV_REF)
                        .example("env conda-spec pytorch > mutated_conda_dependencies.yml")
                        .build(), this::condaSpec),
                new AmlshCommand(command("env conda-file", INSPECT, "Print the definition's conda file as the SDK holds it (conda_dependencies.yml)")
                        .arg("REF", Completion.ENV_REF)
                        .description("The text of CondaDependencies.serialize_to_string(), which env save writes as\n"
                                + "conda_dependencies.yml: the file as read and edited (comments, key order, flow or\n"
                                + "block style kept, as ruamel.yaml's round trip keeps them). A registered version\n"
                                + "holds only the plain data, so its text has no comments.")
                        .example("env conda-file pytorch > conda_dependencies.yml")
                        .build(), this::condaFile),
                new AmlshCommand(command("env image-details", INSPECT, "Print the image details JSON (Environment.get_image_details)")
                        .arg("REF", Completion.ENV_REF)
                        .description("The service's reply, keys in its order. Offline: the image is never built or pushed,\n"
                                + "so imageExistsInRegistry is false. ingredients is null when Azure ML generates no\n"
                                + "Dockerfile (a build context, a user-managed environment on a base image). Printed as\n"
                                + "JSON with a 4-space indent (json.dumps(details, indent=4); the SDK's print(details)\n"
                                + "shows a Python dict); -o json gives amlsh's 2-space form, -o yaml YAML.")
                        .example("env image-details pytorch:1")
                        .build(), this::imageDetails));
    }

    private void show(Call call) {
        Environment env = call.workspace().resolve(call.arg(0));
        call.print(OutputJson.environment(env), out -> EnvironmentText.print(out, env));
    }

    private void dockerfile(Call call) {
        Environment env = call.workspace().resolve(call.arg(0));
        String text = dockerfiles.render(env);
        call.print(document(env, "dockerfile", text), out -> out.print(text));
    }

    private void condaSpec(Call call) {
        Environment env = call.workspace().resolve(call.arg(0));
        if (env.docker().buildContext() == null) {
            env.condaSpec(); // a definition without conda dependencies has no conda file: that error, exit 1
        }
        String text = MutatedCondaFile.render(env).orElseThrow(() -> new AmlshException(env.name()
                + (env.docker().buildContext() != null ? " is a build context, built as it is" : " is user-managed")
                + ": Azure ML builds no conda environment for it, so there is no conda file"));
        call.print(document(env, "condaSpecification", text), out -> out.print(text));
    }

    private void condaFile(Call call) {
        Environment env = call.workspace().resolve(call.arg(0));
        String text = CondaDocument.textOf(env);
        call.print(document(env, "condaFile", text), out -> out.print(text));
    }

    private void imageDetails(Call call) {
        Environment env = call.workspace().resolve(call.arg(0));
        ImageDetails details = ImageDetails.of(env, dockerfiles);
        Map<String, Object> view = ImageDetailsJson.toTree(details);
        call.print(view, out -> out.print(ImageDetailsJson.write(details)));
    }

    private static Map<String, Object> document(Environment env, String key, String text) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", env.name());
        view.put("version", env.version());
        view.put(key, text);
        return view;
    }
}

package dev.amlsh.shell.commands;

import static dev.amlsh.shell.api.CommandSpec.Group.INSPECT;
import static dev.amlsh.shell.api.CommandSpec.command;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.amlsh.explain.EnvironmentExplanation;
import dev.amlsh.image.DockerfileRenderer;
import dev.amlsh.model.Environment;
import dev.amlsh.shell.api.Call;
import dev.amlsh.shell.api.CommandResult;
import dev.amlsh.shell.api.Completion;
import dev.amlsh.shell.cli.AmlshCommand;
import dev.amlsh.shell.cli.CommandSet;
import dev.amlsh.shell.render.ExplanationText;
import java.io.PrintWriter;
import java.util.List;

/** {@code env explain}: the path from an environment's conda file to its image, on one page. */
public final class EnvExplainCommands implements CommandSet {

    private final DockerfileRenderer dockerfiles;

    public EnvExplainCommands(DockerfileRenderer dockerfiles) {
        this.dockerfiles = dockerfiles;
    }

    @Override
    public List<AmlshCommand> commands() {
        return List.of(new AmlshCommand(
                command("env explain", INSPECT, "Explain what Azure ML does from the conda file to the image")
                        .arg("REF", Completion.ENV_REF)
                        .description("One page: 1. the conda file as the SDK holds it (env conda-file); 2. the "
                                + "file Azure ML\n"
                                + "builds (env conda-spec), with each change from 1; 3. what the conda "
                                + "environment's and\n"
                                + "the image's hashes are computed from, and which fields do not count; "
                                + "4. how the\n"
                                + "image is assembled, for the environment's kind. -o json gives the same "
                                + "facts.")
                        .example("env explain pytorch")
                        .example("env explain pytorch@latest -o json")
                        .build(),
                this::explain));
    }

    /** {@code env explain}: the facts as JSON (the domain's record), the page as text. */
    record Explained(@JsonValue EnvironmentExplanation explanation) implements CommandResult {
        @Override
        public void printText(PrintWriter out) {
            ExplanationText.print(out, explanation);
        }
    }

    private CommandResult explain(Call call) {
        Environment env = call.workspace().resolve(call.arg(0));
        return new Explained(EnvironmentExplanation.of(env, dockerfiles));
    }
}

package dev.amlsh.shell.commands;

import static dev.amlsh.shell.api.CommandSpec.Group.INSPECT;
import static dev.amlsh.shell.api.CommandSpec.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.amlsh.diff.Change;
import dev.amlsh.diff.DockerfileDiff;
import dev.amlsh.diff.EnvironmentDiff;
import dev.amlsh.image.DockerfileRenderer;
import dev.amlsh.model.Environment;
import dev.amlsh.shell.api.Call;
import dev.amlsh.shell.api.CommandFailed;
import dev.amlsh.shell.api.CommandResult;
import dev.amlsh.shell.api.Completion;
import dev.amlsh.shell.api.ExitCode;
import dev.amlsh.shell.cli.AmlshCommand;
import dev.amlsh.shell.cli.CommandSet;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** {@code env diff}: what changed between two environments, and whether Azure ML would build another image. */
public final class EnvDiffCommands implements CommandSet {

    private final DockerfileRenderer dockerfiles;

    public EnvDiffCommands(DockerfileRenderer dockerfiles) {
        this.dockerfiles = dockerfiles;
    }

    @Override
    public List<AmlshCommand> commands() {
        return List.of(new AmlshCommand(
                command("env diff", INSPECT, "Compare two environments and say whether the image is rebuilt")
                        .arg("BEFORE", Completion.ENV_REF)
                        .arg("AFTER", Completion.ENV_REF)
                        .flag("--dockerfile", "add a unified diff of the two Dockerfiles")
                        .flag("--exit-code", "exit 1 when they differ (like git diff --exit-code)")
                        .description("Lines: + added, - removed, ~ changed, by field (conda.NAME, pip.NAME, "
                                + "docker.baseImage, ...).")
                        .example("env diff pytorch:1 pytorch")
                        .build(),
                this::diff));
    }

    /** One change: {@code kind} is added, removed or changed; {@code before}/{@code after} null where there is none. */
    record ChangeRow(String field, String kind, String before, String after) {
        static ChangeRow of(Change c) {
            if (c instanceof Change.Added a) {
                return new ChangeRow(a.field(), "added", null, a.value());
            }
            if (c instanceof Change.Removed r) {
                return new ChangeRow(r.field(), "removed", r.value(), null);
            }
            if (c instanceof Change.Changed ch) {
                return new ChangeRow(ch.field(), "changed", ch.before(), ch.after());
            }
            throw new IllegalStateException("Change is sealed: Added, Removed, Changed, not " + c);
        }

        String line() {
            return switch (kind) {
                case "added" -> "+ " + field + ": " + after;
                case "removed" -> "- " + field + ": " + before;
                default -> "~ " + field + ": " + before + " -> " + after;
            };
        }
    }

    /**
     * {@code env diff}: the changes and the rebuild verdict; with {@code --exit-code}, differing definitions fail (exit
     * 1).
     */
    record Diffed(
            String before,
            String after,
            boolean identical,
            boolean imageRebuilt,
            boolean condaEnvironmentChanged,
            String imageBefore,
            String imageAfter,
            List<ChangeRow> changes,
            @JsonInclude(JsonInclude.Include.NON_NULL) String dockerfileDiff,
            @JsonIgnore boolean exitCode)
            implements CommandResult {
        Diffed {
            changes = List.copyOf(changes);
        }

        @Override
        public void printText(PrintWriter out) {
            changes.forEach(c -> out.println(c.line()));
            out.println(identical ? "identical definitions" : changes.size() + " change(s)");
            out.println(
                    imageRebuilt
                            ? "image: rebuilt (" + imageBefore + " -> " + imageAfter + ")"
                            : "image: the same (" + imageAfter + "), no rebuild");
            out.println("conda environment: " + (condaEnvironmentChanged ? "changed" : "the same"));
            if (dockerfileDiff != null) {
                out.print(dockerfileDiff.isEmpty() ? "Dockerfiles: identical\n" : dockerfileDiff);
            }
        }

        @Override
        public Optional<RuntimeException> failure() {
            return exitCode && !identical ? Optional.of(new CommandFailed(ExitCode.FAILED)) : Optional.empty();
        }
    }

    private CommandResult diff(Call call) {
        Environment before = call.workspace().resolve(call.arg(0));
        Environment after = call.workspace().resolve(call.arg(1));
        EnvironmentDiff diff = EnvironmentDiff.of(before, after);
        String dockerfileDiff = call.flag("--dockerfile")
                ? DockerfileDiff.unified(
                        dockerfileOrEmpty(before), dockerfileOrEmpty(after), call.arg(0), call.arg(1), 3)
                : null;
        return new Diffed(
                call.arg(0),
                call.arg(1),
                diff.identical(),
                diff.imageRebuilt(),
                diff.condaEnvironmentChanged(),
                diff.imageBefore(),
                diff.imageAfter(),
                diff.changes().stream().map(ChangeRow::of).toList(),
                dockerfileDiff,
                call.flag("--exit-code"));
    }

    /** An environment Azure ML builds no Dockerfile for (an image used as it is) diffs as an empty file. */
    private String dockerfileOrEmpty(Environment env) {
        String text = dockerfiles.plan(env).dockerfile();
        return text == null ? "" : text;
    }
}

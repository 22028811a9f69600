package dev.amlsh.shell.commands;

import static dev.amlsh.shell.api.CommandSpec.Group.INSPECT;
import static dev.amlsh.shell.api.CommandSpec.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.amlsh.diff.Change;
import dev.amlsh.diff.DockerfileDiff;
import dev.amlsh.diff.EnvironmentDiff;
import dev.amlsh.image.DockerfileRenderer;
import dev.amlsh.image.MutatedCondaFile;
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
                        .flag(
                                "--conda",
                                "add a unified diff of the two conda files Azure ML builds "
                                        + "(mutated_conda_dependencies.yml)")
                        .flag("--exit-code", "exit 1 when they differ (like git diff --exit-code)")
                        .description("--- and +++ name the two sides (NAME:VERSION, or NAME (draft)). Lines: + "
                                + "added, - removed,\n"
                                + "~ changed, by field (conda.NAME, pip.NAME, docker.baseImage, ...); in "
                                + "colour on a terminal\n"
                                + "(not with --no-color or NO_COLOR).")
                        .example("env diff pytorch:1 pytorch")
                        .example("env diff pytorch@latest pytorch --conda")
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
     * {@code env diff}: the two sides as resolved ({@code beforeLabel}, {@code afterLabel}: {@code NAME:VERSION} or
     * {@code NAME (draft)}, with the reference when it said something else), the changes and the rebuild verdict; with
     * {@code --exit-code}, differing definitions fail (exit 1).
     */
    record Diffed(
            String before,
            String after,
            String beforeLabel,
            String afterLabel,
            boolean identical,
            boolean imageRebuilt,
            boolean condaEnvironmentChanged,
            String imageBefore,
            String imageAfter,
            List<ChangeRow> changes,
            @JsonInclude(JsonInclude.Include.NON_NULL) String dockerfileDiff,
            @JsonInclude(JsonInclude.Include.NON_NULL) String condaDiff,
            @JsonIgnore boolean exitCode,
            @JsonIgnore boolean color)
            implements CommandResult {
        Diffed {
            changes = List.copyOf(changes);
        }

        @Override
        public void printText(PrintWriter out) {
            out.println(paint(BOLD, "--- " + beforeLabel));
            out.println(paint(BOLD, "+++ " + afterLabel));
            changes.forEach(c -> out.println(paint(colour(c.kind()), c.line())));
            out.println(identical ? "identical definitions" : changes.size() + " change(s)");
            out.println(
                    imageRebuilt
                            ? "image: rebuilt (" + imageBefore + " -> " + imageAfter + ")"
                            : "image: the same (" + imageAfter + "), no rebuild");
            out.println("conda environment: " + (condaEnvironmentChanged ? "changed" : "the same"));
            unified(out, "Dockerfiles", dockerfileDiff);
            unified(out, "conda files (mutated_conda_dependencies.yml)", condaDiff);
        }

        private void unified(PrintWriter out, String what, String diff) {
            if (diff == null) {
                return;
            }
            if (diff.isEmpty()) {
                out.println(what + ": identical");
                return;
            }
            out.println(what + ":");
            for (String line : diff.lines().toList()) {
                String colour = line.startsWith("---") || line.startsWith("+++")
                        ? BOLD
                        : line.startsWith("@@")
                                ? CYAN
                                : line.startsWith("+") ? GREEN : line.startsWith("-") ? RED : null;
                out.println(paint(colour, line));
            }
        }

        private static String colour(String kind) {
            return switch (kind) {
                case "added" -> GREEN;
                case "removed" -> RED;
                default -> YELLOW;
            };
        }

        private String paint(String colour, String text) {
            return color && colour != null ? colour + text + RESET : text;
        }

        @Override
        public Optional<RuntimeException> failure() {
            return exitCode && !identical ? Optional.of(new CommandFailed(ExitCode.FAILED)) : Optional.empty();
        }
    }

    private static final String GREEN = "\u001b[32m";
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String CYAN = "\u001b[36m";
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";

    private CommandResult diff(Call call) {
        Environment before = call.workspace().resolve(call.arg(0));
        Environment after = call.workspace().resolve(call.arg(1));
        String beforeLabel = label(before, call.arg(0));
        String afterLabel = label(after, call.arg(1));
        EnvironmentDiff diff = EnvironmentDiff.of(before, after);
        String dockerfileDiff = call.flag("--dockerfile")
                ? DockerfileDiff.unified(
                        dockerfileOrEmpty(before), dockerfileOrEmpty(after), beforeLabel, afterLabel, 3)
                : null;
        String condaDiff = call.flag("--conda")
                ? DockerfileDiff.unified(condaOrEmpty(before), condaOrEmpty(after), beforeLabel, afterLabel, 3)
                : null;
        return new Diffed(
                call.arg(0),
                call.arg(1),
                beforeLabel,
                afterLabel,
                diff.identical(),
                diff.imageRebuilt(),
                diff.condaEnvironmentChanged(),
                diff.imageBefore(),
                diff.imageAfter(),
                diff.changes().stream().map(ChangeRow::of).toList(),
                dockerfileDiff,
                condaDiff,
                call.flag("--exit-code"),
                call.session().color());
    }

    /** What a reference resolved to: {@code NAME:VERSION} or {@code NAME (draft)}, and the reference if it differs. */
    static String label(Environment env, String reference) {
        String resolved = env.version() == null ? env.name() + " (draft)" : env.name() + ":" + env.version();
        boolean same = reference.equals(env.version() == null ? env.name() : env.name() + ":" + env.version());
        return same ? resolved : resolved + " (" + reference + ")";
    }

    /** An environment Azure ML builds no conda environment for diffs as an empty conda file. */
    private static String condaOrEmpty(Environment env) {
        return MutatedCondaFile.render(env).orElse("");
    }

    /** An environment Azure ML builds no Dockerfile for (an image used as it is) diffs as an empty file. */
    private String dockerfileOrEmpty(Environment env) {
        String text = dockerfiles.plan(env).dockerfile();
        return text == null ? "" : text;
    }
}

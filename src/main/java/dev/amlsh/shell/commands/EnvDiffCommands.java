package dev.amlsh.shell.commands;

import static dev.amlsh.shell.api.CommandSpec.Group.INSPECT;
import static dev.amlsh.shell.api.CommandSpec.command;

import dev.amlsh.diff.Change;
import dev.amlsh.diff.DockerfileDiff;
import dev.amlsh.diff.EnvironmentDiff;
import dev.amlsh.image.DockerfileRenderer;
import dev.amlsh.model.Environment;
import dev.amlsh.shell.api.Call;
import dev.amlsh.shell.api.CommandFailed;
import dev.amlsh.shell.api.ExitCode;
import dev.amlsh.shell.cli.CommandSet;
import dev.amlsh.shell.cli.AmlshCommand;
import dev.amlsh.shell.api.Completion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code env diff}: what changed between two environments, and whether Azure ML would build another image. */
public final class EnvDiffCommands implements CommandSet {

    private final DockerfileRenderer dockerfiles;

    public EnvDiffCommands(DockerfileRenderer dockerfiles) {
        this.dockerfiles = dockerfiles;
    }

    @Override
    public List<AmlshCommand> commands() {
        return List.of(
                new AmlshCommand(command("env diff", INSPECT, "Compare two environments and say whether the image is rebuilt")
                        .arg("BEFORE", Completion.ENV_REF).arg("AFTER", Completion.ENV_REF)
                        .flag("--dockerfile", "add a unified diff of the two Dockerfiles")
                        .flag("--exit-code", "exit 1 when they differ (like git diff --exit-code)")
                        .description("Lines: + added, - removed, ~ changed, by field (conda.NAME, pip.NAME, docker.baseImage, ...).")
                        .example("env diff pytorch:1 pytorch").build(), this::diff));
    }

    private void diff(Call call) {
        Environment before = call.workspace().resolve(call.arg(0));
        Environment after = call.workspace().resolve(call.arg(1));
        EnvironmentDiff diff = EnvironmentDiff.of(before, after);
        String dockerfileDiff = call.flag("--dockerfile")
                ? DockerfileDiff.unified(dockerfileOrEmpty(before), dockerfileOrEmpty(after), call.arg(0), call.arg(1), 3)
                : null;
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("before", call.arg(0));
        view.put("after", call.arg(1));
        view.put("identical", diff.identical());
        view.put("imageRebuilt", diff.imageRebuilt());
        view.put("condaEnvironmentChanged", diff.condaEnvironmentChanged());
        view.put("imageBefore", diff.imageBefore());
        view.put("imageAfter", diff.imageAfter());
        List<Map<String, Object>> changes = new ArrayList<>();
        diff.changes().forEach(c -> changes.add(change(c)));
        view.put("changes", changes);
        if (dockerfileDiff != null) {
            view.put("dockerfileDiff", dockerfileDiff);
        }
        call.print(view, out -> {
            for (Map<String, Object> c : changes) {
                String kind = (String) c.get("kind");
                out.println(switch (kind) {
                    case "added" -> "+ " + c.get("field") + ": " + c.get("after");
                    case "removed" -> "- " + c.get("field") + ": " + c.get("before");
                    default -> "~ " + c.get("field") + ": " + c.get("before") + " -> " + c.get("after");
                });
            }
            out.println(diff.identical() ? "identical definitions" : diff.changes().size() + " change(s)");
            out.println(diff.imageRebuilt() ? "image: rebuilt (" + diff.imageBefore() + " -> " + diff.imageAfter() + ")"
                    : "image: the same (" + diff.imageAfter() + "), no rebuild");
            out.println("conda environment: " + (diff.condaEnvironmentChanged() ? "changed" : "the same"));
            if (dockerfileDiff != null) {
                out.print(dockerfileDiff.isEmpty() ? "Dockerfiles: identical\n" : dockerfileDiff);
            }
        });
        if (call.flag("--exit-code") && !diff.identical()) {
            throw new CommandFailed(ExitCode.FAILED);
        }
    }

    private static Map<String, Object> change(Change c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("field", c.field());
        if (c instanceof Change.Added a) {
            m.put("kind", "added");
            m.put("before", null);
            m.put("after", a.value());
        } else if (c instanceof Change.Removed r) {
            m.put("kind", "removed");
            m.put("before", r.value());
            m.put("after", null);
        } else if (c instanceof Change.Changed ch) {
            m.put("kind", "changed");
            m.put("before", ch.before());
            m.put("after", ch.after());
        }
        return m;
    }

    /** An environment Azure ML builds no Dockerfile for (an image used as it is) diffs as an empty file. */
    private String dockerfileOrEmpty(Environment env) {
        String text = dockerfiles.plan(env).dockerfile();
        return text == null ? "" : text;
    }
}

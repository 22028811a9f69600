package dev.amlsh.shell.commands;

import static dev.amlsh.shell.api.CommandSpec.Group.INSPECT;
import static dev.amlsh.shell.api.CommandSpec.command;

import dev.amlsh.lint.EnvironmentLint;
import dev.amlsh.lint.Finding;
import dev.amlsh.lint.Severity;
import dev.amlsh.model.AmlshException;
import dev.amlsh.model.Environment;
import dev.amlsh.shell.api.Call;
import dev.amlsh.shell.cli.CommandSet;
import dev.amlsh.shell.cli.AmlshCommand;
import dev.amlsh.shell.api.Completion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code env lint}: what in an environment is not reproducible (the engine's lint rules). */
public final class EnvLintCommands implements CommandSet {

    @Override
    public List<AmlshCommand> commands() {
        return List.of(
                new AmlshCommand(command("env lint", INSPECT, "Check an environment for reproducibility problems")
                        .arg("REF", Completion.ENV_REF)
                        .flag("--strict", "warnings fail too (exit 1), not only errors")
                        .example("env lint pytorch --strict").build(), this::lint));
    }

    private void lint(Call call) {
        Environment env = call.workspace().resolve(call.arg(0));
        List<Finding> findings = EnvironmentLint.check(env);
        boolean strict = call.flag("--strict");
        long failing = findings.stream().filter(f -> f.severity() == Severity.ERROR
                || (strict && f.severity() == Severity.WARNING)).count();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Finding f : findings) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
            m.put("code", f.code());
            m.put("field", f.field());
            m.put("message", f.message());
            rows.add(m);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("reference", call.arg(0));
        view.put("passed", failing == 0);
        view.put("findings", rows);
        call.print(view, out -> {
            for (Map<String, Object> f : rows) {
                out.println(f.get("severity") + " [" + f.get("code") + "] " + f.get("field") + ": " + f.get("message"));
            }
            out.println(findings.isEmpty() ? "no findings" : findings.size() + " finding(s)");
        });
        if (failing > 0) {
            throw new AmlshException("env lint: " + failing + " finding(s) fail" + (strict ? " (--strict)" : ""));
        }
    }
}

package dev.amlsh.shell.commands;

import static dev.amlsh.shell.api.CommandSpec.Group.INSPECT;
import static dev.amlsh.shell.api.CommandSpec.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.amlsh.lint.EnvironmentLint;
import dev.amlsh.lint.Finding;
import dev.amlsh.lint.Severity;
import dev.amlsh.model.AmlshException;
import dev.amlsh.model.Environment;
import dev.amlsh.shell.api.Call;
import dev.amlsh.shell.api.CommandResult;
import dev.amlsh.shell.api.Completion;
import dev.amlsh.shell.cli.AmlshCommand;
import dev.amlsh.shell.cli.CommandSet;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code env lint}: what in an environment is not reproducible (the engine's lint rules). */
public final class EnvLintCommands implements CommandSet {

    @Override
    public List<AmlshCommand> commands() {
        return List.of(new AmlshCommand(
                command("env lint", INSPECT, "Check an environment for reproducibility problems")
                        .arg("REF", Completion.ENV_REF)
                        .flag("--strict", "warnings fail too (exit 1), not only errors")
                        .example("env lint pytorch --strict")
                        .build(),
                this::lint));
    }

    /** One finding; {@code severity} in lower case. */
    record FindingRow(String severity, String code, String field, String message) {}

    /** {@code env lint}: the findings; errors (and with {@code --strict} warnings) fail after they are printed. */
    record Linted(
            String reference,
            boolean passed,
            List<FindingRow> findings,
            @JsonIgnore long failing,
            @JsonIgnore boolean strict)
            implements CommandResult {
        Linted {
            findings = List.copyOf(findings);
        }

        @Override
        public void printText(PrintWriter out) {
            findings.forEach(f -> out.println(f.severity() + " [" + f.code() + "] " + f.field() + ": " + f.message()));
            out.println(findings.isEmpty() ? "no findings" : findings.size() + " finding(s)");
        }

        @Override
        public Optional<RuntimeException> failure() {
            return failing == 0
                    ? Optional.empty()
                    : Optional.of(new AmlshException(
                            "env lint: " + failing + " finding(s) fail" + (strict ? " (--strict)" : "")));
        }
    }

    private CommandResult lint(Call call) {
        Environment env = call.workspace().resolve(call.arg(0));
        List<Finding> findings = EnvironmentLint.check(env);
        boolean strict = call.flag("--strict");
        long failing = findings.stream()
                .filter(f -> f.severity() == Severity.ERROR || (strict && f.severity() == Severity.WARNING))
                .count();
        List<FindingRow> rows = findings.stream()
                .map(f ->
                        new FindingRow(f.severity().name().toLowerCase(Locale.ROOT), f.code(), f.field(), f.message()))
                .toList();
        return new Linted(call.arg(0), failing == 0, rows, failing, strict);
    }
}

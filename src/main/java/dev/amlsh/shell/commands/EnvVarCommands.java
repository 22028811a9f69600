package dev.amlsh.shell.commands;

import static dev.amlsh.shell.api.CommandSpec.Group.ENV;
import static dev.amlsh.shell.api.CommandSpec.command;

import dev.amlsh.model.Environment;
import dev.amlsh.shell.api.Call;
import dev.amlsh.shell.api.CommandResult;
import dev.amlsh.shell.api.Completion;
import dev.amlsh.shell.api.UsageException;
import dev.amlsh.shell.cli.AmlshCommand;
import dev.amlsh.shell.cli.CommandSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code env var set|unset}: a draft's environment variables (not part of the image hash). */
public final class EnvVarCommands implements CommandSet {

    @Override
    public List<AmlshCommand> commands() {
        List<AmlshCommand> entries = new ArrayList<>();
        entries.add(new AmlshCommand(
                command("env var set", ENV, "Set environment variables of a draft")
                        .arg("NAME", Completion.ENV_NAME)
                        .args("KEY=VALUE", Completion.NONE)
                        .example("env var set pytorch OMP_NUM_THREADS=1")
                        .build(),
                this::varSet));
        entries.add(new AmlshCommand(
                command("env var unset", ENV, "Remove environment variables from a draft")
                        .arg("NAME", Completion.ENV_NAME)
                        .args("KEY", Completion.NONE)
                        .example("env var unset pytorch EXAMPLE_ENV_VAR")
                        .build(),
                this::varUnset));
        return entries;
    }

    private CommandResult varSet(Call call) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String pair : call.rest(1)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("'" + pair + "' is not KEY=VALUE", "env var set");
            }
            pairs.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return EnvEditCommands.edit(call, (env, changes) -> {
            Environment e = env;
            for (var p : pairs.entrySet()) {
                String old = e.environmentVariables().get(p.getKey());
                e = e.withVariable(p.getKey(), p.getValue());
                String now = p.getKey() + "=" + p.getValue();
                changes.add(
                        old == null
                                ? "added variable " + now + " to draft " + env.name()
                                : old.equals(p.getValue())
                                        ? "draft " + env.name() + " already has variable " + now
                                        : "replaced variable " + p.getKey() + "=" + old + " with " + now + " in draft "
                                                + env.name());
            }
            return e;
        });
    }

    private CommandResult varUnset(Call call) {
        return EnvEditCommands.edit(call, (env, changes) -> {
            Environment e = env;
            for (String key : call.rest(1)) {
                String old = e.environmentVariables().get(key);
                e = e.withoutVariable(key);
                changes.add("removed variable " + key + "=" + old + " from draft " + env.name());
            }
            return e;
        });
    }
}

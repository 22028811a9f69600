package dev.amlsh.shell.cli;

import dev.amlsh.shell.Call;

/** Runs one parsed command. Failures are exceptions, mapped to exit codes at the edge. */
@FunctionalInterface
public interface CommandHandler {

    void run(Call call) throws Exception;
}

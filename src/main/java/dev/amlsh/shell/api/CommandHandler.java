package dev.amlsh.shell.api;

/** Runs one parsed command and returns its result. Failures are exceptions, mapped to exit codes at the edge. */
@FunctionalInterface
public interface CommandHandler {

    CommandResult run(Call call) throws Exception;
}

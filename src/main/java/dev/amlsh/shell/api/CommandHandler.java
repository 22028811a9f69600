package dev.amlsh.shell.api;

/** Runs one parsed command. Failures are exceptions, mapped to exit codes at the edge. */
@FunctionalInterface
public interface CommandHandler {

    void run(Call call) throws Exception;
}

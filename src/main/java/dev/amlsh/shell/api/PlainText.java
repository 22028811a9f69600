package dev.amlsh.shell.api;

import java.io.PrintWriter;

/** Text printed as it is in every output format: {@code help}, {@code echo}. */
public record PlainText(String text) implements CommandResult {

    @Override
    public void printText(PrintWriter out) {
        out.print(text);
    }
}

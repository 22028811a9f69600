package dev.amlsh.shell.api;

import java.io.PrintWriter;
import java.util.function.Consumer;

/** Prints a command's result in the format of its line: the view as JSON or YAML, or the text for people. */
@FunctionalInterface
public interface ResultPrinter {

    void print(PrintWriter out, OutputFormat format, Object view, Consumer<PrintWriter> text);
}

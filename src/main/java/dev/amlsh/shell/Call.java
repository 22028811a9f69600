package dev.amlsh.shell;

import dev.amlsh.shell.cli.ParsedArgs;
import dev.amlsh.shell.render.Output;
import dev.amlsh.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** What a command sees while it runs: its parsed words, the session, the streams and the renderer. */
public final class Call {

    private final ParsedArgs args;
    private final Session session;
    private final Output output;
    private final OutputFormat format;

    public Call(ParsedArgs args, Session session, Output output) {
        this.args = args;
        this.session = session;
        this.output = output;
        this.format = args.output() != null ? OutputFormat.parse(args.output()) : session.format();
    }

    public ParsedArgs args() {
        return args;
    }

    public String arg(int index) {
        return args.arg(index);
    }

    public List<String> rest(int index) {
        return args.rest(index);
    }

    public Optional<String> option(String longName) {
        return args.option(longName);
    }

    public boolean flag(String longName) {
        return args.flag(longName);
    }

    public Session session() {
        return session;
    }

    public Workspace workspace() {
        return session.workspace();
    }

    public OutputFormat format() {
        return format;
    }

    public PrintWriter out() {
        return session.out();
    }

    public PrintWriter err() {
        return session.err();
    }

    /** A path as the user wrote it, resolved against the script's folder or the working directory. */
    public Path path(String text) {
        return session.baseDirectory().resolve(text).normalize();
    }

    public void warn(String message) {
        Diagnostics.warning(session, message);
    }

    public void note(String message) {
        Diagnostics.note(session, message);
    }

    /** Prints a result: {@code view} as JSON/YAML, or {@code text} for people. */
    public void print(Object view, Consumer<PrintWriter> text) {
        output.print(out(), format, view, text);
    }
}

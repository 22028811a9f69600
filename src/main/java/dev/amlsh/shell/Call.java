package dev.amlsh.shell;

import dev.amlsh.shell.cli.AmlshCommand;
import dev.amlsh.shell.render.Output;
import dev.amlsh.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;

/**
 * What a command sees while it runs: Spring Shell's {@link CommandContext} (the parsed input our
 * parser built, the registry, the output writer) and, through its input reader, the session and the
 * renderer ({@link SessionInput}). Option names are given as typed ({@code "--conda-file"}).
 */
public final class Call {

    private final CommandContext context;
    private final AmlshCommand command;
    private final Session session;
    private final Output output;
    private final OutputFormat format;

    public Call(CommandContext context, AmlshCommand command) {
        if (!(context.inputReader() instanceof SessionInput input)) {
            throw new IllegalStateException("amlsh commands run with a SessionInput in their CommandContext");
        }
        this.context = context;
        this.command = command;
        this.session = input.session();
        this.output = input.output();
        CommandOption format = context.getOptionByLongName("output");
        this.format = format != null ? OutputFormat.parse(format.value()) : session.format();
    }

    public AmlshCommand command() {
        return command;
    }

    public CommandContext context() {
        return context;
    }

    public String arg(int index) {
        CommandArgument a = context.getArgumentByIndex(index);
        if (a == null) {
            throw new IllegalStateException(command.getName() + " has no argument " + index);
        }
        return a.value();
    }

    /** The words from {@code index} on (a variadic argument). */
    public List<String> rest(int index) {
        return context.parsedInput().arguments().stream().filter(a -> a.index() >= index).map(CommandArgument::value)
                .toList();
    }

    /** The value of an option of this command ({@code "--conda-file"}), if given. */
    public Optional<String> option(String longName) {
        CommandOption o = context.getOptionByLongName(longName.substring(2));
        return o == null ? Optional.empty() : Optional.ofNullable(o.value());
    }

    public boolean flag(String longName) {
        return context.getOptionByLongName(longName.substring(2)) != null;
    }

    /** Whether any of the command's own options was given (line options such as {@code -o} do not count). */
    public boolean anyOption() {
        return context.parsedInput().options().stream()
                .anyMatch(given -> command.getOptions().stream().anyMatch(o -> o.longName().equals(given.longName())));
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

    /** The command's output: Spring Shell's {@code CommandContext.outputWriter()}, the session's stdout. */
    public PrintWriter out() {
        return context.outputWriter();
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

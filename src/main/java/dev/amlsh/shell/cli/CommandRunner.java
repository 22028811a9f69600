package dev.amlsh.shell.cli;

import dev.amlsh.model.AmlshException;
import dev.amlsh.model.Interrupted;
import dev.amlsh.shell.api.Call;
import dev.amlsh.shell.api.CommandFailed;
import dev.amlsh.shell.api.CommandResult;
import dev.amlsh.shell.api.Diagnostics;
import dev.amlsh.shell.api.ExitCode;
import dev.amlsh.shell.api.Session;
import dev.amlsh.shell.api.UsageException;
import dev.amlsh.shell.render.Output;
import dev.amlsh.workspace.WorkspaceUnavailableException;
import java.util.List;
import java.util.Optional;

/**
 * Runs command lines: words are parsed once ({@link CommandLine}), the command's handler is called
 * with the line's global options in force, and its result is printed in the line's format. The single place where a
 * handler's outcome becomes an
 * {@link ExitCode} and exceptions become {@code error:} lines.
 */
public final class CommandRunner {

    private final CommandLine parser;
    private final Output output;

    public CommandRunner(CommandTable table, Output output) {
        this.parser = new CommandLine(table);
        this.output = output;
    }

    public CommandTable table() {
        return parser.table();
    }

    public CommandLine parser() {
        return parser;
    }

    /**
     * Splits, parses and runs one line of a script or the prompt; {@code where} ({@code FILE:LINE}) prefixes errors in
     * scripts.
     */
    public ExitCode runLine(Session session, String line, String where) {
        List<String> words;
        try {
            words = Tokenizer.split(line);
        } catch (UsageException e) {
            return report(session, where, e, ExitCode.USAGE);
        }
        Optional<String> operator = Tokenizer.shellOperator(line);
        if (operator.isPresent()) {
            return report(session, where, systemShellOnly(operator.get(), line), ExitCode.USAGE);
        }
        return words.isEmpty() ? ExitCode.OK : run(session, words, where);
    }

    /**
     * {@code env dockerfile x > Dockerfile} typed at the prompt: help shows such examples for the system shell, where
     * {@code >} is the shell's. Here it would be an argument, so the line is refused with the one-shot form.
     */
    private static UsageException systemShellOnly(String operator, String line) {
        String what = switch (operator) {
            case "|" -> "a pipe";
            case "<" -> "an input redirection";
            default -> "an output redirection";
        };
        return new UsageException("'" + operator + "' is " + what + " of the system shell, and amlsh has none;"
                + " run the line from your system shell as one command:\n  amlsh " + line.strip());
    }

    /** Parses and runs the words of one line. */
    public ExitCode run(Session session, List<String> words, String where) {
        ParsedLine parsed;
        try {
            parsed = parser.parse(words, CommandLine.Source.LINE);
        } catch (UsageException e) {
            return report(session, where, e, ExitCode.USAGE);
        }
        return run(session, parsed, where);
    }

    /** Runs a parsed line: its global options hold while its command runs (a line of options alone does nothing). */
    public ExitCode run(Session session, ParsedLine line, String where) {
        if (!line.hasCommand()) {
            return ExitCode.OK;
        }
        Session.LineScope scope = session.startLine(line.options());
        ExitCode code;
        try {
            code = call(session, line, where);
        } finally {
            try {
                scope.close();
            } catch (WorkspaceUnavailableException e) {
                // closing a workspace only this line opened failed after the command ran
                code = report(session, where, e, ExitCode.WORKSPACE_UNAVAILABLE);
            }
        }
        return code;
    }

    /** Calls the handler, prints its result, and maps what went wrong to an exit code and an error line. */
    private ExitCode call(Session session, ParsedLine line, String where) {
        try {
            CommandResult result = line.command()
                    .handler()
                    .run(new Call(line.command().spec(), line.positionals(), line.commandOptions(), session));
            output.print(session.out(), session.format(), result);
            result.failure().ifPresent(failure -> {
                throw failure;
            });
            return ExitCode.OK;
        } catch (CommandFailed e) {
            return e.code();
        } catch (UsageException e) {
            return report(session, where, e, ExitCode.USAGE);
        } catch (AmlshException e) {
            return report(session, where, e, ExitCode.FAILED);
        } catch (WorkspaceUnavailableException e) {
            return report(session, where, e, ExitCode.WORKSPACE_UNAVAILABLE);
        } catch (Interrupted e) {
            session.out().flush();
            session.err()
                    .println(
                            where == null
                                    ? "interrupted"
                                    : dev.amlsh.model.ControlCharacters.escape(where) + ": interrupted");
            return ExitCode.INTERRUPTED;
        } catch (Exception e) {
            return report(session, where, e, ExitCode.FAILED);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // no JVM error reaches the user as a trace (issue 10); the session goes on
            return report(
                    session,
                    where,
                    new AmlshException(
                            e instanceof StackOverflowError
                                    ? "the command nested too deeply and ran out of stack"
                                    : "the command ran out of memory",
                            null,
                            e),
                    ExitCode.FAILED);
        } finally {
            session.out().flush();
            session.err().flush();
        }
    }

    private static ExitCode report(Session session, String where, Exception e, ExitCode code) {
        session.out().flush();
        Diagnostics.error(session, where, e, session.debug());
        return code;
    }
}

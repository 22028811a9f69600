package dev.amlsh.shell;

import dev.amlsh.model.AmlshException;
import dev.amlsh.shell.cli.CommandLineParser;
import dev.amlsh.shell.cli.CommandTable;
import dev.amlsh.shell.cli.ParsedArgs;
import dev.amlsh.shell.render.Output;
import dev.amlsh.shell.script.Tokenizer;
import dev.amlsh.workspace.WorkspaceUnavailableException;
import java.util.List;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;

/**
 * Runs one command line: amlsh's strict parser turns the words into Spring Shell's
 * {@code ParsedInput}, the command is looked up in Spring Shell's {@code CommandRegistry} and run
 * through {@code Command.execute(CommandContext)} with the session's writer as the output writer.
 * The single place where Spring Shell's {@link ExitStatus} and exceptions become an
 * {@link ExitCode} and {@code error:} lines.
 */
public final class CommandRunner {

    private final CommandLineParser parser;
    private final Output output;

    public CommandRunner(CommandTable table, Output output) {
        this.parser = new CommandLineParser(table);
        this.output = output;
    }

    public CommandTable table() {
        return parser.table();
    }

    public Output output() {
        return output;
    }

    /** Splits and runs one line; {@code where} ({@code FILE:LINE}) prefixes errors in scripts. */
    public ExitCode runLine(Session session, String line, String where) {
        List<String> words;
        try {
            words = Tokenizer.split(line);
        } catch (UsageException e) {
            return report(session, where, e, ExitCode.USAGE, false);
        }
        return words.isEmpty() ? ExitCode.OK : run(session, words, where);
    }

    public ExitCode run(Session session, List<String> words, String where) {
        boolean debug = session.debug();
        try {
            ParsedArgs args = parser.parse(words);
            debug |= args.debug();
            CommandRegistry registry = parser.table().registry();
            Command command = registry.getCommandByName(args.command().getName());
            CommandContext context = new CommandContext(args.toParsedInput(), registry, session.out(),
                    new SessionInput(session, output));
            return exitCode(command.execute(context));
        } catch (UsageException e) {
            return report(session, where, e, ExitCode.USAGE, debug);
        } catch (AmlshException e) {
            return report(session, where, e, ExitCode.FAILED, debug);
        } catch (WorkspaceUnavailableException e) {
            return report(session, where, e, ExitCode.WORKSPACE_UNAVAILABLE, debug);
        } catch (Exception e) {
            return report(session, where, e, ExitCode.FAILED, debug);
        } finally {
            session.out().flush();
            session.err().flush();
        }
    }

    /**
     * Spring Shell's status as amlsh's exit code: 0 is OK; amlsh's own codes (a command's
     * {@code CommandFailed}) map to themselves; Spring Shell's negative ones (usage -2, execution -1,
     * availability -3) to USAGE or FAILED.
     */
    static ExitCode exitCode(ExitStatus status) {
        if (status.equals(ExitStatus.USAGE_ERROR)) {
            return ExitCode.USAGE;
        }
        for (ExitCode code : ExitCode.values()) {
            if (code.code() == status.code()) {
                return code;
            }
        }
        return ExitCode.FAILED;
    }

    private static ExitCode report(Session session, String where, Exception e, ExitCode code, boolean debug) {
        session.out().flush();
        Diagnostics.error(session, where, e, debug);
        return code;
    }
}

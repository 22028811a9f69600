package dev.amlsh.shell;

import dev.amlsh.model.AmlshException;
import dev.amlsh.shell.cli.CommandLineParser;
import dev.amlsh.shell.cli.CommandTable;
import dev.amlsh.shell.cli.ParsedArgs;
import dev.amlsh.shell.render.HelpPrinter;
import dev.amlsh.shell.render.Output;
import dev.amlsh.shell.script.Tokenizer;
import dev.amlsh.workspace.WorkspaceUnavailableException;
import java.util.List;

/**
 * Runs one command line (already split into words) and maps what happened to an {@link ExitCode}:
 * the single place where exceptions become exit codes and {@code error:} lines.
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
            if (args.help()) {
                new HelpPrinter(parser.table()).command(session.out(), args.spec());
                return ExitCode.OK;
            }
            parser.table().find(args.spec().name()).orElseThrow().handler().run(new Call(args, session, output));
            return ExitCode.OK;
        } catch (CommandFailed e) {
            return e.code();
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

    private static ExitCode report(Session session, String where, Exception e, ExitCode code, boolean debug) {
        session.out().flush();
        Diagnostics.error(session, where, e, debug);
        return code;
    }
}

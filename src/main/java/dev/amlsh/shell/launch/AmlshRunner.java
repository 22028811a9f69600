package dev.amlsh.shell.launch;

import dev.amlsh.shell.api.ExitCode;
import dev.amlsh.shell.api.Session;
import dev.amlsh.shell.api.ShellIO;
import dev.amlsh.shell.api.UsageException;
import dev.amlsh.shell.cli.CommandLine;
import dev.amlsh.shell.cli.CommandRunner;
import dev.amlsh.shell.cli.LaunchOptions;
import dev.amlsh.shell.cli.ParsedLine;
import dev.amlsh.shell.interactive.InteractiveShell;
import dev.amlsh.shell.render.HelpPrinter;
import dev.amlsh.shell.render.VersionText;
import dev.amlsh.shell.script.ScriptRunner;
import dev.amlsh.workspace.WorkspaceCatalog;
import dev.amlsh.workspace.WorkspaceUnavailableException;
import java.util.List;
import java.util.function.Supplier;

/**
 * amlsh's one runner for its three modes, chosen from the launch options: one command, a script
 * (file or stdin), or the interactive prompt. Spring Shell's own runners are not used: in 4.0.1
 * they ignore program arguments, lose exit codes and end the shell on Ctrl-C.
 */
public final class AmlshRunner {

    private final CommandRunner commands;
    private final WorkspaceCatalogFactory catalogs;

    public AmlshRunner(CommandRunner commands, WorkspaceCatalogFactory catalogs) {
        this.commands = commands;
        this.catalogs = catalogs;
    }

    /** Parses the program arguments (the one parse step) and runs amlsh in the mode they choose; returns the exit code. */
    public ExitCode run(List<String> args, ShellIO io) {
        ParsedLine line;
        try {
            line = commands.parser().parse(args, CommandLine.Source.LAUNCH);
        } catch (UsageException e) {
            io.err().println("error: " + e.getMessage());
            io.err().flush();
            return ExitCode.USAGE;
        }
        Supplier<WorkspaceCatalog> catalog = () -> catalogs.create(io.env());
        LaunchOptions launch = line.launch();
        try (Session session = new Session(io, catalog, line.options())) {
            session.setHistory(() -> InteractiveShell.savedHistory(io.env()));
            ScriptRunner.Settings settings = new ScriptRunner.Settings(launch.continueOnError(), launch.echo());
            return switch (line.mode(io.stdinIsTerminal())) {
                case HELP -> {
                    new HelpPrinter(commands.table().specs()).program(io.out());
                    yield ExitCode.OK;
                }
                case VERSION -> {
                    io.out().println(VersionText.line());
                    yield ExitCode.OK;
                }
                case ONE_SHOT -> commands.run(session, line, null);
                case SCRIPT_FILE -> launch.scriptFile().equals("-")
                        ? new ScriptRunner(commands).runStream(session, io.in(), settings)
                        : new ScriptRunner(commands).runFile(session, io.workingDirectory().resolve(launch.scriptFile()),
                                settings);
                case SCRIPT_STDIN -> new ScriptRunner(commands).runStream(session, io.in(), settings);
                case INTERACTIVE -> new InteractiveShell(commands).run(session);
            };
        } catch (WorkspaceUnavailableException e) {
            // closing the workspace failed after the command ran
            io.err().println("error: " + e.getMessage());
            return ExitCode.WORKSPACE_UNAVAILABLE;
        } finally {
            io.out().flush();
            io.err().flush();
        }
    }
}

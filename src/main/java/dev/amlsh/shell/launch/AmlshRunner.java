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
import dev.amlsh.workspace.postgres.TeamWorkspaceCatalog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * Parses the program arguments (the one parse step) and runs amlsh in the mode they choose; returns the exit code.
     */
    public ExitCode run(List<String> args, ShellIO io) {
        ParsedLine line;
        try {
            line = commands.parser().parse(args, CommandLine.Source.LAUNCH);
        } catch (UsageException e) {
            io.err().println("error: " + dev.amlsh.model.ControlCharacters.escapeLines(e.getMessage()));
            io.err().flush();
            return ExitCode.USAGE;
        }
        LaunchOptions launch = line.launch();
        Supplier<WorkspaceCatalog> catalog = () -> catalogs.create(withAsUser(io.env(), launch.asUser()));
        try (Session session = new Session(io, catalog, line.options())) {
            // history outside the prompt is this run's own lines (Session), never the personal prompt history
            session.setKeys(new ControllingTerminal(io.stdinIsTerminal() || io.stdoutIsTerminal()));
            ScriptRunner.Settings settings =
                    new ScriptRunner.Settings(launch.continueOnError(), launch.echo(), launch.narrate(), launch.step());
            return switch (line.mode(io.stdinIsTerminal())) {
                case HELP -> {
                    new HelpPrinter(commands.table().specs()).program(io.out());
                    yield ExitCode.OK;
                }
                case VERSION -> {
                    io.out().println(VersionText.line());
                    yield ExitCode.OK;
                }
                case ONE_SHOT -> {
                    session.recordLine(String.join(
                            " ",
                            args.stream()
                                    .map(dev.amlsh.shell.cli.Tokenizer::quote)
                                    .toList()));
                    yield commands.run(session, line, null);
                }
                case SCRIPT_FILE ->
                    launch.scriptFile().equals("-")
                            ? new ScriptRunner(commands).runStream(session, io.in(), settings)
                            : new ScriptRunner(commands)
                                    .runFile(session, io.workingDirectory().resolve(launch.scriptFile()), settings);
                case SCRIPT_STDIN -> new ScriptRunner(commands).runStream(session, io.in(), settings);
                case INTERACTIVE -> new InteractiveShell(commands).run(session);
            };
        } catch (WorkspaceUnavailableException e) {
            // closing the workspace failed after the command ran
            io.err().println("error: " + dev.amlsh.model.ControlCharacters.escapeLines(e.getMessage()));
            return ExitCode.WORKSPACE_UNAVAILABLE;
        } finally {
            io.out().flush();
            io.err().flush();
        }
    }

    /**
     * {@code --as-user NAME} travels to the catalog as {@link TeamWorkspaceCatalog#AS_USER}, beside the PG* variables.
     */
    private static Map<String, String> withAsUser(Map<String, String> env, String asUser) {
        if (asUser == null) {
            return env;
        }
        Map<String, String> out = new HashMap<>(env);
        out.put(TeamWorkspaceCatalog.AS_USER, asUser);
        return out;
    }
}

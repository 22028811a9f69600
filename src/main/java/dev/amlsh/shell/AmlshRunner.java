package dev.amlsh.shell;

import dev.amlsh.model.SdkRelease;
import dev.amlsh.shell.interactive.InteractiveShell;
import dev.amlsh.shell.render.HelpPrinter;
import dev.amlsh.shell.script.ScriptRunner;
import dev.amlsh.workspace.WorkspaceCatalog;
import dev.amlsh.workspace.WorkspaceUnavailableException;
import dev.amlsh.workspace.postgres.TeamWorkspaceCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
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

    public ExitCode run(LaunchOptions options, ShellIO io) {
        boolean color = !options.noColor() && !io.noColorRequested() && io.stdoutIsTerminal();
        Supplier<WorkspaceCatalog> catalog = () -> catalogs.create(withAsUser(io.env(), options.asUser()));
        LaunchOptions.Mode mode = options.mode(io.stdinIsTerminal());
        try (Session session = new Session(io, catalog, options, color)) {
            session.setHistory(() -> InteractiveShell.savedHistory(io.env()));
            ScriptRunner.Settings settings = new ScriptRunner.Settings(options.continueOnError(), options.echo());
            return switch (mode) {
                case HELP -> {
                    new HelpPrinter(commands.table()).program(io.out());
                    yield ExitCode.OK;
                }
                case VERSION -> {
                    io.out().println(versionLine());
                    yield ExitCode.OK;
                }
                case ONE_SHOT -> commands.run(session, options.command(), null);
                case SCRIPT_FILE -> options.scriptFile().equals("-")
                        ? new ScriptRunner(commands).runStream(session, io.in(), settings)
                        : new ScriptRunner(commands).runFile(session, io.workingDirectory().resolve(options.scriptFile()),
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

    /** {@code amlsh 0.1.0 (emulates azureml-core 1.x ...)}: amlsh's version and the SDK release it emulates. */
    public static String versionLine() {
        return "amlsh " + buildVersion() + " (emulates " + SdkRelease.NAME + "; default base image "
                + SdkRelease.DEFAULT_BASE_IMAGE + ", python " + SdkRelease.DEFAULT_PYTHON_VERSION + ")";
    }

    private static String buildVersion() {
        try (InputStream in = AmlshRunner.class.getResourceAsStream("/META-INF/build-info.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("build.version", "development build");
            }
        } catch (IOException e) {
            // fall through
        }
        return "development build";
    }

    /** {@code --as-user NAME} travels to the catalog as {@link TeamWorkspaceCatalog#AS_USER}, beside the PG* variables. */
    private static Map<String, String> withAsUser(Map<String, String> env, String asUser) {
        if (asUser == null) {
            return env;
        }
        Map<String, String> out = new HashMap<>(env);
        out.put(TeamWorkspaceCatalog.AS_USER, asUser);
        return out;
    }
}

package dev.amlsh.shell.commands;

import static dev.amlsh.shell.api.CommandSpec.Group.SESSION;
import static dev.amlsh.shell.api.CommandSpec.command;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.amlsh.shell.api.Call;
import dev.amlsh.shell.api.CommandFailed;
import dev.amlsh.shell.api.CommandResult;
import dev.amlsh.shell.api.Completion;
import dev.amlsh.shell.api.ExitCode;
import dev.amlsh.shell.api.OutputFormat;
import dev.amlsh.shell.api.PlainText;
import dev.amlsh.shell.api.TerminalKeys;
import dev.amlsh.shell.api.UsageException;
import dev.amlsh.shell.cli.AmlshCommand;
import dev.amlsh.shell.cli.CommandRunner;
import dev.amlsh.shell.cli.CommandSet;
import dev.amlsh.shell.cli.CommandTable;
import dev.amlsh.shell.cli.CompletionScript;
import dev.amlsh.shell.render.HelpPrinter;
import dev.amlsh.shell.render.VersionText;
import dev.amlsh.shell.script.ScriptRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code help}, {@code script}, {@code pause}, {@code set workspace}, {@code echo}, {@code set output},
 * {@code history}, {@code clear}, {@code version}, {@code completion}, {@code exit}.
 */
public final class SessionCommands implements CommandSet {

    private final Supplier<CommandRunner> runner;

    /** The runner is looked up when a command runs, since it holds this group's own commands. */
    public SessionCommands(Supplier<CommandRunner> runner) {
        this.runner = runner;
    }

    @Override
    public List<AmlshCommand> commands() {
        return List.of(
                new AmlshCommand(
                        command("help", SESSION, "List the commands, or explain one")
                                .optionalArgs("COMMAND", Completion.COMMAND)
                                .example("help env create")
                                .build(),
                        this::help),
                new AmlshCommand(
                        command("script", SESSION, "Run a script of amlsh commands")
                                .arg("FILE", Completion.FILE)
                                .flag(
                                        "--continue-on-error",
                                        "run on after a failing line; exit with the first failure's code")
                                .flag("--echo", "print each command before its output")
                                .flag(
                                        "--narrate",
                                        "print the script's # comment blocks as narration before their command")
                                .flag("--step", "wait for Enter on the terminal before each command (q quits, exit 0)")
                                .description("One command per line; # starts a comment; quotes group words; a "
                                        + "trailing \\ continues\n"
                                        + "a line. Relative paths resolve against the script's folder; "
                                        + ":temp:/NAME is a file in the\n"
                                        + "session's temporary folder (removed at exit). Stops at the "
                                        + "first failing line. A line\n"
                                        + "starting with ! is expected to fail: the script goes on when "
                                        + "it does, and stops with an\n"
                                        + "error when it succeeds. --step and pause wait only when there "
                                        + "is a terminal.")
                                .example("script scripts/demo/seed-walkthrough.amlsh --echo")
                                .example("script scripts/demo/versions.amlsh --narrate --step")
                                .build(),
                        this::script),
                new AmlshCommand(
                        command("pause", SESSION, "Wait for Enter on the terminal (for demo scripts; q quits)")
                                .optionalArgs("TEXT", Completion.NONE)
                                .raw()
                                .description("Shows TEXT and waits for Enter; q stops the running scripts with exit "
                                        + "0. Without a\n"
                                        + "terminal (CI, a pipe) it does not wait.")
                                .example("pause 'Look at the FROM line'")
                                .build(),
                        this::pause),
                new AmlshCommand(
                        command("set workspace", SESSION, "Work in another workspace for the rest of the script")
                                .arg("NAME|PATH|:temp:", Completion.WORKSPACE)
                                .description("In a script: until the script ends; at the prompt: until amlsh exits. "
                                        + "Not remembered\n"
                                        + "(workspace use remembers). :temp: is a new workspace, thrown "
                                        + "away when it is left.")
                                .example("set workspace :temp:")
                                .build(),
                        this::setWorkspace),
                new AmlshCommand(
                        command("echo", SESSION, "Print text (for scripts)")
                                .optionalArgs("TEXT", Completion.NONE)
                                .raw()
                                .example("echo '== the Dockerfile =='")
                                .build(),
                        call -> new PlainText(String.join(" ", call.rest(0)) + "\n")),
                new AmlshCommand(
                        command("set output", SESSION, "Set the output format for the following commands")
                                .arg("FORMAT", Completion.OUTPUT_FORMAT)
                                .example("set output json")
                                .build(),
                        this::setOutput),
                new AmlshCommand(
                        command(
                                        "history",
                                        SESSION,
                                        "List this session's commands (at the prompt its history; in a script, "
                                                + "that run's lines)")
                                .example("history")
                                .build(),
                        this::history),
                new AmlshCommand(
                        command("clear", SESSION, "Clear the screen")
                                .example("clear")
                                .build(),
                        call -> {
                            call.session().clearScreen();
                            return CommandResult.NONE;
                        }),
                new AmlshCommand(
                        command("version", SESSION, "Print amlsh's version and the SDK release it emulates")
                                .example("version")
                                .build(),
                        call -> new Version(VersionText.line())),
                new AmlshCommand(
                        command("completion", SESSION, "Print the bash, zsh or fish completion script for amlsh")
                                .arg("SHELL", Completion.SHELL)
                                .description("SHELL is bash, zsh or fish. The script alone goes to stdout. Install "
                                        + "it once, from your\n"
                                        + "system shell:\n"
                                        + "  bash (needs Debian's bash-completion package: "
                                        + "sudo apt-get install bash-completion):\n"
                                        + "    mkdir -p ~/.local/share/bash-completion/completions\n"
                                        + "    amlsh completion bash > "
                                        + "~/.local/share/bash-completion/completions/amlsh\n"
                                        + "  zsh (a folder of your own on fpath, then compinit):\n"
                                        + "    mkdir -p ~/.zfunc\n"
                                        + "    amlsh completion zsh > ~/.zfunc/_amlsh\n"
                                        + "    printf '%s\\n' 'fpath=(~/.zfunc $fpath)' "
                                        + "'autoload -Uz compinit && compinit' >> ~/.zshrc\n"
                                        + "  fish:\n"
                                        + "    mkdir -p ~/.config/fish/completions\n"
                                        + "    amlsh completion fish > ~/.config/fish/completions/amlsh.fish\n"
                                        + "New shells then complete amlsh's commands, options and "
                                        + "environment names.")
                                .example("completion bash > ~/.local/share/bash-completion/completions/amlsh")
                                .example("completion zsh > ~/.zfunc/_amlsh")
                                .example("completion fish > ~/.config/fish/completions/amlsh.fish")
                                .build(),
                        this::completion),
                new AmlshCommand(
                        command("exit", SESSION, "Leave the shell (Ctrl-D does too)")
                                .example("exit")
                                .build(),
                        call -> {
                            call.session().requestExit();
                            return CommandResult.NONE;
                        }));
    }

    /** {@code version}: one line. */
    record Version(String version) implements CommandResult {
        @Override
        public void printText(PrintWriter out) {
            out.println(version);
        }
    }

    /** {@code completion SHELL}: the script alone on stdout, so {@code > file} installs it. */
    record CompletionScriptText(String shell, String script) implements CommandResult {
        @Override
        public void printText(PrintWriter out) {
            out.print(script);
        }
    }

    /** {@code history}: the lines typed at the prompt, numbered for people. */
    record History(@JsonValue List<String> lines) implements CommandResult {
        History {
            lines = List.copyOf(lines);
        }

        @Override
        public void printText(PrintWriter out) {
            for (int i = 0; i < lines.size(); i++) {
                out.println(String.format("%5d  %s", i + 1, lines.get(i)));
            }
        }
    }

    private CommandResult help(Call call) {
        CommandTable table = runner.get().table();
        List<String> words = call.rest(0);
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        if (words.isEmpty()) {
            new HelpPrinter(table.specs()).commands(out);
            out.flush();
            return new PlainText(text.toString());
        }
        String name = String.join(" ", words);
        var command = table.find(name);
        if (command.isPresent()) {
            return new PlainText(command.get().getHelp() + "\n");
        }
        List<AmlshCommand> under = table.under(name);
        if (under.isEmpty()) {
            throw new UsageException("no command '" + name + "' ('help' lists the commands)");
        }
        HelpPrinter.prefix(out, name, under.stream().map(AmlshCommand::spec).toList());
        out.flush();
        return new PlainText(text.toString());
    }

    private CommandResult script(Call call) {
        ScriptRunner.Settings settings = new ScriptRunner.Settings(
                call.flag("--continue-on-error"), call.flag("--echo"), call.flag("--narrate"), call.flag("--step"));
        ExitCode code = new ScriptRunner(runner.get()).runFile(call.session(), call.path(call.arg(0)), settings);
        if (code.failed()) {
            throw new CommandFailed(code);
        }
        return CommandResult.NONE;
    }

    private CommandResult pause(Call call) {
        TerminalKeys keys = call.session().keys();
        if (!keys.present()) {
            return CommandResult.NONE; // nobody to wait for
        }
        call.out().flush();
        String text = String.join(" ", call.rest(0));
        Optional<String> answer = keys.readLine((text.isEmpty() ? "paused" : text) + "   [Enter continues, q quits] ");
        if (answer.isEmpty() || answer.get().strip().equalsIgnoreCase("q")) {
            call.session().stopScripts();
        }
        return CommandResult.NONE;
    }

    /** A path (it has a '/') resolves like any other path in a script; a name, :temp: or a URL is kept as given. */
    private CommandResult setWorkspace(Call call) {
        String selector = call.session().workspacePath(call.arg(0).strip());
        call.session().setWorkspace(selector);
        return CommandResult.NONE;
    }

    private CommandResult setOutput(Call call) {
        call.session().setFormat(OutputFormat.parse(call.arg(0)));
        return CommandResult.NONE;
    }

    private CommandResult completion(Call call) {
        String shell = call.arg(0);
        return new CompletionScriptText(shell, CompletionScript.text(shell));
    }

    private CommandResult history(Call call) {
        return new History(call.session().history());
    }
}

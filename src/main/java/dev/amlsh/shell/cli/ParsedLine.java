package dev.amlsh.shell.cli;

import dev.amlsh.shell.api.LineOptions;
import java.util.List;
import java.util.Map;

/**
 * One command line after the one parse step ({@link CommandLine}): the global options it gave, the
 * launch options (only when amlsh starts), and the command with its positional words and its own
 * options by long name ({@code --conda-file}; a flag maps to {@code "true"}), or no command at all.
 * {@code COMMAND --help} and {@code PREFIX --help} arrive as the {@code help} command.
 */
public record ParsedLine(
        LineOptions options,
        LaunchOptions launch,
        AmlshCommand command,
        List<String> positionals,
        Map<String, String> commandOptions) {

    /** How amlsh runs when it starts with this line. */
    public enum Mode {
        HELP,
        VERSION,
        SCRIPT_FILE,
        ONE_SHOT,
        INTERACTIVE,
        SCRIPT_STDIN
    }

    public ParsedLine {
        positionals = List.copyOf(positionals);
        commandOptions = Map.copyOf(commandOptions);
    }

    public boolean hasCommand() {
        return command != null;
    }

    /**
     * {@code --help}/{@code --version} first; then {@code -f}; then a command; nothing: the prompt on a terminal, else
     * a script from stdin.
     */
    public Mode mode(boolean stdinIsTerminal) {
        if (launch.help() && command == null) {
            return Mode.HELP;
        }
        if (launch.version()) {
            return Mode.VERSION;
        }
        if (launch.scriptFile() != null) {
            return Mode.SCRIPT_FILE;
        }
        if (command != null) {
            return Mode.ONE_SHOT;
        }
        return stdinIsTerminal ? Mode.INTERACTIVE : Mode.SCRIPT_STDIN;
    }
}

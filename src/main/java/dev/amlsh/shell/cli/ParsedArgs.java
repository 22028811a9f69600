package dev.amlsh.shell.cli;

import java.util.List;
import java.util.Map;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.ParsedInput;

/**
 * One command line after amlsh's strict parsing: the command, its positional words, its options (by
 * long name as typed, {@code --conda-file}; flags map to {@code "true"}), and the per-line settings
 * {@code -o}, {@code --help} and {@code --debug}. {@link #toParsedInput()} hands it to Spring Shell.
 */
public record ParsedArgs(AmlshCommand command, List<String> positionals, Map<String, String> options,
        String output, boolean help, boolean debug) {

    public ParsedArgs {
        positionals = List.copyOf(positionals);
        options = Map.copyOf(options);
    }

    /**
     * Spring Shell's {@link ParsedInput}: the first word of the name as {@code commandName}, the rest as
     * {@code subCommands}, each given option as the command's {@link CommandOption} carrying its value,
     * the positional words as {@link CommandArgument}s. With {@code --help} only the help option is
     * passed, so {@code AbstractCommand.execute} prints the command's help and runs nothing.
     */
    public ParsedInput toParsedInput() {
        String[] words = command.getName().split(" ");
        ParsedInput.Builder input = ParsedInput.builder().commandName(words[0]);
        for (int i = 1; i < words.length; i++) {
            input.addSubCommand(words[i]);
        }
        if (help) {
            input.addOption(command.option("--help").orElseThrow());
            return input.build();
        }
        options.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> input.addOption(withValue(command.option(e.getKey()).orElseThrow(), e.getValue())));
        if (output != null) {
            input.addOption(withValue(command.option("--output").orElseThrow(), output));
        }
        for (int i = 0; i < positionals.size(); i++) {
            input.addArgument(new CommandArgument(i, positionals.get(i)));
        }
        return input.build();
    }

    private static CommandOption withValue(CommandOption o, String value) {
        return new CommandOption(o.shortName(), o.longName(), o.description(), o.required(), o.defaultValue(), value,
                o.type());
    }
}

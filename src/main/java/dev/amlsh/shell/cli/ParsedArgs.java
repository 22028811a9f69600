package dev.amlsh.shell.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One command line after parsing: the command, its positional words, its options (by long name;
 * flags map to {@code "true"}), and the per-line settings {@code -o} and {@code --help}.
 */
public record ParsedArgs(CommandSpec spec, List<String> positionals, Map<String, String> options,
        String output, boolean help, boolean debug) {

    public ParsedArgs {
        positionals = List.copyOf(positionals);
        options = Map.copyOf(options);
    }

    public String arg(int index) {
        return positionals.get(index);
    }

    public Optional<String> optionalArg(int index) {
        return index < positionals.size() ? Optional.of(positionals.get(index)) : Optional.empty();
    }

    /** The words from {@code index} on (a variadic argument). */
    public List<String> rest(int index) {
        return index >= positionals.size() ? List.of() : positionals.subList(index, positionals.size());
    }

    public Optional<String> option(String longName) {
        return Optional.ofNullable(options.get(longName));
    }

    public boolean flag(String longName) {
        return options.containsKey(longName);
    }
}

package dev.amlsh.shell.cli;

import dev.amlsh.shell.OutputFormat;
import dev.amlsh.shell.UsageException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Strict parsing of one command's words against its {@link CommandSpec}: options anywhere
 * ({@code --name VALUE}, {@code --name=VALUE}), {@code --} ends options, and anything unknown,
 * repeated, missing or malformed is a {@link UsageException} (exit 2) before the command runs.
 * Spring Shell 4.0.1's parser ignores unknown options and missing arguments, so amlsh parses itself.
 */
public final class CommandLineParser {

    /** Options every command accepts after its words. */
    public static final List<CommandSpec.Opt> LINE_OPTIONS = List.of(
            new CommandSpec.Opt("--output", 'o', "FORMAT", "text, json or yaml for this command", Completion.OUTPUT_FORMAT),
            new CommandSpec.Opt("--debug", null, null, "show the stack trace of an error", Completion.NONE),
            new CommandSpec.Opt("--help", 'h', null, "show this command's help", Completion.NONE));

    private final CommandTable table;

    public CommandLineParser(CommandTable table) {
        this.table = table;
    }

    public CommandTable table() {
        return table;
    }

    /** Finds the command the words name, or explains why there is none. */
    public CommandTable.Entry resolve(List<String> words) {
        var match = table.match(words);
        if (match.isPresent()) {
            return match.get().getKey();
        }
        String first = words.get(0);
        List<CommandSpec> under = table.under(first);
        if (!under.isEmpty()) {
            String subs = under.stream().map(s -> s.name().substring(first.length() + 1)).collect(Collectors.joining(", "));
            String given = words.size() > 1 && !words.get(1).startsWith("-") ? "'" + first + " " + words.get(1) + "'" : "'" + first + "'";
            throw new UsageException("unknown command " + given + ": " + first + " takes one of " + subs);
        }
        throw new UsageException("unknown command '" + first + "' ('help' lists the commands)");
    }

    public ParsedArgs parse(List<String> words) {
        CommandTable.Entry entry = resolve(words);
        CommandSpec spec = entry.spec();
        int used = spec.name().split(" ").length;
        List<String> rest = words.subList(used, words.size());
        if (spec.rawArguments()) {
            return new ParsedArgs(spec, rest, Map.of(), null, false, false);
        }
        List<String> positionals = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        String output = null;
        boolean help = false;
        boolean debug = false;
        boolean optionsEnded = false;
        for (int i = 0; i < rest.size(); i++) {
            String word = rest.get(i);
            if (optionsEnded || !word.startsWith("-") || word.equals("-")) {
                positionals.add(word);
                continue;
            }
            if (word.equals("--")) {
                optionsEnded = true;
                continue;
            }
            String name = word;
            String inline = null;
            int eq = word.indexOf('=');
            if (word.startsWith("--") && eq > 0) {
                name = word.substring(0, eq);
                inline = word.substring(eq + 1);
            }
            CommandSpec.Opt opt = spec.option(name).orElse(null);
            if (opt == null) {
                opt = LINE_OPTIONS.stream().filter(o -> o.matches(word.startsWith("--") && word.indexOf('=') > 0
                        ? word.substring(0, word.indexOf('=')) : word)).findFirst()
                        .orElseThrow(() -> new UsageException("unknown option '" + word + "' for '" + spec.name()
                                + "' (see '" + spec.name() + " --help')", spec.name()));
            }
            String value = null;
            if (opt.isFlag()) {
                if (inline != null) {
                    throw new UsageException("option " + opt.longName() + " takes no value", spec.name());
                }
            } else if (inline != null) {
                value = inline;
            } else if (i + 1 < rest.size()) {
                value = rest.get(++i);
            } else {
                throw new UsageException("option " + opt.longName() + " needs a value (" + opt.valueName() + ")", spec.name());
            }
            if (opt.completion() == Completion.BOOLEAN && !value.equals("true") && !value.equals("false")) {
                throw new UsageException("option " + opt.longName() + " takes true or false, not '" + value + "'", spec.name());
            }
            switch (opt.longName()) {
                case "--output" -> output = OutputFormat.parse(value).label();
                case "--help" -> help = true;
                case "--debug" -> debug = true;
                default -> {
                    if (options.putIfAbsent(opt.longName(), opt.isFlag() ? "true" : value) != null) {
                        throw new UsageException("option " + opt.longName() + " is given twice", spec.name());
                    }
                }
            }
        }
        if (!help) {
            checkArguments(spec, positionals);
        }
        return new ParsedArgs(spec, positionals, options, output, help, debug);
    }

    private static void checkArguments(CommandSpec spec, List<String> positionals) {
        List<CommandSpec.Arg> args = spec.args();
        int required = (int) args.stream().filter(CommandSpec.Arg::required).count();
        boolean variadic = !args.isEmpty() && args.get(args.size() - 1).variadic();
        if (positionals.size() < required) {
            CommandSpec.Arg missing = args.get(positionals.size());
            throw new UsageException("'" + spec.name() + "' needs " + missing.name() + ": " + spec.synopsis(), spec.name());
        }
        if (!variadic && positionals.size() > args.size()) {
            throw new UsageException("unexpected argument '" + positionals.get(args.size()) + "' for '" + spec.name()
                    + "': " + spec.synopsis(), spec.name());
        }
    }
}

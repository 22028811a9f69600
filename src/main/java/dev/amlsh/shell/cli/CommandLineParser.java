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
            String second = words.size() > 1 ? words.get(1) : "";
            String suggestion = closest(second, under.stream().map(x -> x.name().substring(first.length() + 1).split(" ")[0])
                    .distinct().toList());
            throw new UsageException("unknown command " + given + (suggestion == null ? "" : " (did you mean '" + first
                    + " " + suggestion + "'?)") + ": " + first + " takes one of " + subs);
        }
        String suggestion = closest(first, table.all().stream().map(e -> e.spec().name().split(" ")[0]).distinct().toList());
        throw new UsageException("unknown command '" + first + "'"
                + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)") + " ('help' lists the commands)");
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
                        .orElseThrow(() -> unknownOption(spec, word));
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

    private static UsageException unknownOption(CommandSpec spec, String word) {
        List<String> names = new ArrayList<>(spec.options().stream().map(CommandSpec.Opt::longName).toList());
        LINE_OPTIONS.forEach(o -> names.add(o.longName()));
        String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
        String suggestion = closest(name, names);
        return new UsageException("unknown option '" + name + "' for '" + spec.name() + "'"
                + (suggestion == null ? "" : " (did you mean " + suggestion + "?)")
                + " (see '" + spec.name() + " --help')", spec.name());
    }

    /** The candidate within edit distance 2 of {@code word}, if exactly one is closest. */
    static String closest(String word, List<String> candidates) {
        String best = null;
        int bestDistance = 3;
        for (String c : candidates) {
            int d = distance(word, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Edit distance counting a swap of two neighbours as one edit (optimal string alignment). */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
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

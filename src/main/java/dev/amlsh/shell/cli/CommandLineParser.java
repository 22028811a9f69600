package dev.amlsh.shell.cli;

import dev.amlsh.shell.OutputFormat;
import dev.amlsh.shell.UsageException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.shell.core.command.CommandOption;

/**
 * Strict parsing of one command's words against its {@link CommandSpec}: options anywhere
 * ({@code --name VALUE}, {@code --name=VALUE}), {@code --} ends options, and anything unknown,
 * repeated, missing or malformed is a {@link UsageException} (exit 2) before the command runs.
 * Spring Shell 4.0.1's parser ignores unknown options and missing arguments, so amlsh parses itself,
 * against the command's Spring Shell metadata ({@code getOptions()}), and hands the result on as a
 * {@code ParsedInput} ({@link ParsedArgs#toParsedInput()}).
 */
public final class CommandLineParser {

    private final CommandTable table;

    public CommandLineParser(CommandTable table) {
        this.table = table;
    }

    public CommandTable table() {
        return table;
    }

    /** Finds the command the words name, or explains why there is none. */
    public AmlshCommand resolve(List<String> words) {
        var match = table.match(words);
        if (match.isPresent()) {
            return match.get().getKey();
        }
        String first = words.get(0);
        for (int k = Math.min(2, words.size()); k >= 1; k--) {
            if (words.subList(0, k).stream().anyMatch(w -> w.startsWith("-"))) {
                continue;
            }
            String prefix = String.join(" ", words.subList(0, k));
            List<AmlshCommand> under = table.under(prefix);
            if (under.isEmpty()) {
                continue;
            }
            List<String> tails = under.stream().map(c -> c.getName().substring(prefix.length() + 1)).toList();
            String subs = String.join(", ", tails);
            String next = words.size() > k && !words.get(k).startsWith("-") ? words.get(k) : null;
            if (next == null) {
                throw new UsageException("'" + prefix + "' needs a command: " + prefix + " takes one of " + subs);
            }
            String suggestion = closest(next, tails.stream().map(t -> t.split(" ")[0]).distinct().toList());
            throw new UsageException("unknown command '" + prefix + " " + next + "'" + (suggestion == null ? ""
                    : " (did you mean '" + prefix + " " + suggestion + "'?)") + ": " + prefix + " takes one of " + subs);
        }
        String suggestion = closest(first, table.all().stream().map(e -> e.getName().split(" ")[0]).distinct().toList());
        throw new UsageException("unknown command '" + first + "'"
                + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)") + " ('help' lists the commands)");
    }

    public ParsedArgs parse(List<String> words) {
        AmlshCommand command = resolve(words);
        String name = command.getName();
        int used = name.split(" ").length;
        List<String> rest = words.subList(used, words.size());
        if (command.rawArguments()) {
            return new ParsedArgs(command, rest, Map.of(), null, false, false);
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
            String given = word;
            String inline = null;
            int eq = word.indexOf('=');
            if (word.startsWith("--") && eq > 0) {
                given = word.substring(0, eq);
                inline = word.substring(eq + 1);
            }
            CommandOption opt = command.option(given).orElseThrow(() -> unknownOption(command, word));
            String longName = "--" + opt.longName();
            String value = null;
            if (AmlshCommand.isFlag(opt)) {
                if (inline != null) {
                    throw new UsageException("option " + longName + " takes no value", name);
                }
            } else if (inline != null) {
                value = inline;
            } else if (i + 1 < rest.size()) {
                value = rest.get(++i);
            } else {
                throw new UsageException("option " + longName + " needs a value (" + command.valueName(opt) + ")", name);
            }
            if (opt.type() == Boolean.class && !value.equals("true") && !value.equals("false")) {
                throw new UsageException("option " + longName + " takes true or false, not '" + value + "'", name);
            }
            switch (longName) {
                case "--output" -> output = OutputFormat.parse(value).label();
                case "--help" -> help = true;
                case "--debug" -> debug = true;
                default -> {
                    if (options.putIfAbsent(longName, AmlshCommand.isFlag(opt) ? "true" : value) != null) {
                        throw new UsageException("option " + longName + " is given twice", name);
                    }
                }
            }
        }
        if (!help) {
            checkArguments(command, positionals);
            checkRelations(command, options);
        }
        return new ParsedArgs(command, positionals, options, output, help, debug);
    }

    private static UsageException unknownOption(AmlshCommand command, String word) {
        List<String> names = new ArrayList<>();
        command.getOptions().forEach(o -> names.add("--" + o.longName()));
        AmlshCommand.LINE_OPTIONS.forEach(o -> names.add("--" + o.longName()));
        String given = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
        String suggestion = closest(given, names);
        return new UsageException("unknown option '" + given + "' for '" + command.getName() + "'"
                + (suggestion == null ? "" : " (did you mean " + suggestion + "?)")
                + " (see '" + command.getName() + " --help')", command.getName());
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

    private static void checkRelations(AmlshCommand command, Map<String, String> options) {
        for (CommandSpec.Relation r : command.relations()) {
            boolean first = options.containsKey(r.first());
            boolean second = options.containsKey(r.second());
            if (r.exclusive() && first && second) {
                throw new UsageException(r.first() + " and " + r.second() + " exclude each other: give one (see '"
                        + command.getName() + " --help')", command.getName());
            }
            if (!r.exclusive() && first && !second) {
                throw new UsageException(r.first() + " goes with " + r.second(), command.getName());
            }
        }
    }

    private static void checkArguments(AmlshCommand spec, List<String> positionals) {
        List<CommandSpec.Arg> args = spec.arguments();
        int required = (int) args.stream().filter(CommandSpec.Arg::required).count();
        boolean variadic = !args.isEmpty() && args.get(args.size() - 1).variadic();
        if (positionals.size() < required) {
            CommandSpec.Arg missing = args.get(positionals.size());
            throw new UsageException("'" + spec.getName() + "' needs " + missing.name() + ": " + spec.synopsis(), spec.getName());
        }
        if (!variadic && positionals.size() > args.size()) {
            throw new UsageException("unexpected argument '" + positionals.get(args.size()) + "' for '" + spec.getName()
                    + "': " + spec.synopsis(), spec.getName());
        }
    }
}

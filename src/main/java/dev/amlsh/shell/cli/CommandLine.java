package dev.amlsh.shell.cli;

import dev.amlsh.shell.api.CommandSpec;
import dev.amlsh.shell.api.Completion;
import dev.amlsh.shell.api.GlobalOption;
import dev.amlsh.shell.api.LineOptions;
import dev.amlsh.shell.api.OutputFormat;
import dev.amlsh.shell.api.UsageException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one parse step from words to a {@link ParsedLine}, the same for program arguments, script lines
 * and the prompt: global options ({@link GlobalOption}) before the command; the command's words (the
 * longest name in the {@link CommandTable}); then, anywhere after them, the command's own options
 * ({@code --name VALUE}, {@code --name=VALUE}; {@code --} ends options), the global options of every
 * line, and positional words. A command's own option wins over a global one of the same spelling.
 * Anything unknown, repeated, missing or malformed is a {@link UsageException} (exit 2) before the
 * command runs. Launch options ({@code -f}, {@code --echo}, ...) are accepted only when amlsh starts.
 */
public final class CommandLine {

    /** Where the words come from: the program arguments, or a line of a script or the prompt. */
    public enum Source {
        LAUNCH,
        LINE
    }

    private final CommandTable table;

    public CommandLine(CommandTable table) {
        this.table = table;
    }

    public CommandTable table() {
        return table;
    }

    /** The mutable state of one parse: what the global options said so far. */
    private static final class Globals {
        OutputFormat output;
        String workspace;
        boolean readOnly;
        boolean noColor;
        boolean debug;
        boolean help;
        String file;
        boolean continueOnError;
        boolean echo;
        boolean narrate;
        boolean step;
        boolean version;
        String asUser;
        final Set<GlobalOption> given = EnumSet.noneOf(GlobalOption.class);

        LineOptions line() {
            return new LineOptions(output, workspace, readOnly, noColor, debug);
        }

        LaunchOptions launch() {
            return new LaunchOptions(file, continueOnError, echo, narrate, step, help, version, asUser);
        }

        void set(GlobalOption option, String value, String command) {
            if (!given.add(option)) {
                throw new UsageException("option " + option.longName() + " is given twice", command);
            }
            switch (option) {
                case OUTPUT -> output = OutputFormat.parse(value);
                case WORKSPACE -> workspace = value;
                case READ_ONLY -> readOnly = true;
                case NO_COLOR -> noColor = true;
                case DEBUG -> debug = true;
                case HELP -> help = true;
                case FILE -> file = value;
                case CONTINUE_ON_ERROR -> continueOnError = true;
                case ECHO -> echo = true;
                case NARRATE -> narrate = true;
                case STEP -> step = true;
                case VERSION -> version = true;
                case AS_USER -> asUser = value;
            }
        }
    }

    public ParsedLine parse(List<String> words, Source source) {
        Globals globals = new Globals();
        int i = 0;
        for (; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("-") || word.equals("-")) {
                break;
            }
            String name = optionName(word);
            GlobalOption option = GlobalOption.named(name)
                    .orElseThrow(() -> new UsageException("unknown option '" + name + "' ("
                            + (source == Source.LAUNCH ? "amlsh --help" : "help") + " lists the options)"));
            if (option.scope() == GlobalOption.Scope.LAUNCH && source == Source.LINE) {
                throw new UsageException("option " + option.longName() + " is for starting amlsh (amlsh "
                        + option.usage() + "), not for a line"
                        + (option == GlobalOption.FILE ? ": 'script FILE' runs a script" : ""));
            }
            i = readGlobal(words, i, option, globals, null);
        }
        List<String> rest = words.subList(i, words.size());
        if (rest.isEmpty()) {
            return noCommand(globals, source);
        }
        if (globals.file != null) {
            throw new UsageException("-f runs a script: give either -f FILE or a command, not both");
        }
        var match = table.match(rest);
        if (match.isEmpty()) {
            if (globals.help || rest.stream().anyMatch(GlobalOption.HELP::spelledAs)) {
                // PREFIX --help (env --help): the commands under it, as 'help PREFIX' lists them
                return help(
                        globals,
                        rest.stream().takeWhile(w -> !w.startsWith("-")).toList());
            }
            throw unknownCommand(rest);
        }
        AmlshCommand command = match.get().getKey();
        List<String> tail = rest.subList(match.get().getValue(), rest.size());
        if (command.spec().rawArguments()) {
            if (globals.help) {
                return help(globals, List.of(command.getName().split(" ")));
            }
            return new ParsedLine(globals.line(), globals.launch(), command, tail, Map.of());
        }
        List<String> positionals = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        boolean optionsEnded = false;
        for (int k = 0; k < tail.size(); k++) {
            String word = tail.get(k);
            if (optionsEnded || !word.startsWith("-") || word.equals("-")) {
                positionals.add(word);
                continue;
            }
            if (word.equals("--")) {
                optionsEnded = true;
                continue;
            }
            String name = optionName(word);
            var own = command.option(name);
            if (own.isPresent()) {
                k = readOwn(tail, k, command, own.get(), options);
                continue;
            }
            var global = GlobalOption.named(name).filter(g -> g.scope() == GlobalOption.Scope.LINE);
            if (global.isEmpty()) {
                throw unknownOption(command, name);
            }
            k = readGlobal(tail, k, global.get(), globals, command.getName());
        }
        if (globals.help) {
            return help(globals, List.of(command.getName().split(" ")));
        }
        checkArguments(command, positionals);
        checkRelations(command, options);
        return new ParsedLine(globals.line(), globals.launch(), command, positionals, options);
    }

    /**
     * Only options: at launch they choose the mode; on a line {@code --help} lists the commands, anything else does
     * nothing.
     */
    private ParsedLine noCommand(Globals globals, Source source) {
        if (globals.help && source == Source.LINE) {
            return help(globals, List.of());
        }
        return new ParsedLine(globals.line(), globals.launch(), null, List.of(), Map.of());
    }

    /** {@code help WORDS}: what {@code WORDS --help} means. */
    private ParsedLine help(Globals globals, List<String> words) {
        AmlshCommand help = table.find("help").orElseThrow(() -> new IllegalStateException("no help command"));
        globals.help = false;
        return new ParsedLine(globals.line(), globals.launch(), help, words, Map.of());
    }

    /** {@code --name} of {@code --name=value}. */
    private static String optionName(String word) {
        int eq = word.indexOf('=');
        return word.startsWith("--") && eq > 0 ? word.substring(0, eq) : word;
    }

    /** {@code value} of {@code --name=value}, else null. */
    private static String inlineValue(String word) {
        int eq = word.indexOf('=');
        return word.startsWith("--") && eq > 0 ? word.substring(eq + 1) : null;
    }

    /** Reads a global option at {@code i} (and its value); returns the index of its last word. */
    private static int readGlobal(List<String> words, int i, GlobalOption option, Globals globals, String command) {
        String word = words.get(i);
        String inline = inlineValue(word);
        String value = null;
        if (option.isFlag()) {
            if (inline != null) {
                throw new UsageException("option " + option.longName() + " takes no value", command);
            }
        } else if (inline != null) {
            value = inline;
        } else if (i + 1 < words.size()) {
            value = words.get(++i);
        } else {
            throw new UsageException(
                    "option " + option.longName() + " needs a value (" + option.valueName() + ")", command);
        }
        globals.set(option, value, command);
        return i;
    }

    /** Reads one of the command's own options at {@code k}; returns the index of its last word. */
    private static int readOwn(
            List<String> words, int k, AmlshCommand command, CommandSpec.Opt opt, Map<String, String> options) {
        String name = command.getName();
        String inline = inlineValue(words.get(k));
        String value;
        if (opt.isFlag()) {
            if (inline != null) {
                throw new UsageException("option " + opt.longName() + " takes no value", name);
            }
            value = "true";
        } else if (inline != null) {
            value = inline;
        } else if (k + 1 < words.size()) {
            value = words.get(++k);
        } else {
            throw new UsageException("option " + opt.longName() + " needs a value (" + opt.valueName() + ")", name);
        }
        if (opt.completion() == Completion.BOOLEAN && !value.equals("true") && !value.equals("false")) {
            throw new UsageException("option " + opt.longName() + " takes true or false, not '" + value + "'", name);
        }
        if (options.putIfAbsent(opt.longName(), value) != null) {
            throw new UsageException("option " + opt.longName() + " is given twice", name);
        }
        return k;
    }

    private UsageException unknownCommand(List<String> words) {
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
            List<String> tails = under.stream()
                    .map(c -> c.getName().substring(prefix.length() + 1))
                    .toList();
            String subs = String.join(", ", tails);
            String next = words.size() > k && !words.get(k).startsWith("-") ? words.get(k) : null;
            if (next == null) {
                return new UsageException("'" + prefix + "' needs a command: " + prefix + " takes one of " + subs);
            }
            String suggestion = closest(
                    next, tails.stream().map(t -> t.split(" ")[0]).distinct().toList());
            return new UsageException("unknown command '" + prefix + " " + next + "'"
                    + (suggestion == null ? "" : " (did you mean '" + prefix + " " + suggestion + "'?)") + ": " + prefix
                    + " takes one of " + subs);
        }
        String suggestion = closest(
                first,
                table.all().stream()
                        .map(e -> e.getName().split(" ")[0])
                        .distinct()
                        .toList());
        return new UsageException("unknown command '" + first + "'"
                + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)") + " ('help' lists the commands)");
    }

    private static UsageException unknownOption(AmlshCommand command, String given) {
        List<String> names = new ArrayList<>();
        command.spec().options().forEach(o -> names.add(o.longName()));
        GlobalOption.of(GlobalOption.Scope.LINE).forEach(o -> names.add(o.longName()));
        String suggestion = closest(given, names);
        return new UsageException(
                "unknown option '" + given + "' for '" + command.getName() + "'"
                        + (suggestion == null ? "" : " (did you mean " + suggestion + "?)")
                        + " (see '" + command.getName() + " --help')",
                command.getName());
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
        for (CommandSpec.Relation r : command.spec().relations()) {
            boolean first = options.containsKey(r.first());
            boolean second = options.containsKey(r.second());
            if (r.exclusive() && first && second) {
                throw new UsageException(
                        r.first() + " and " + r.second() + " exclude each other: give one (see '" + command.getName()
                                + " --help')",
                        command.getName());
            }
            if (!r.exclusive() && first && !second) {
                throw new UsageException(r.first() + " goes with " + r.second(), command.getName());
            }
        }
    }

    private static void checkArguments(AmlshCommand command, List<String> positionals) {
        CommandSpec spec = command.spec();
        List<CommandSpec.Arg> args = spec.args();
        int required = (int) args.stream().filter(CommandSpec.Arg::required).count();
        boolean variadic = !args.isEmpty() && args.get(args.size() - 1).variadic();
        if (positionals.size() < required) {
            CommandSpec.Arg missing = args.get(positionals.size());
            throw new UsageException(
                    "'" + spec.name() + "' needs " + missing.name() + ": " + spec.synopsis(), spec.name());
        }
        if (!variadic && positionals.size() > args.size()) {
            throw new UsageException(
                    "unexpected argument '" + positionals.get(args.size()) + "' for '" + spec.name() + "': "
                            + spec.synopsis(),
                    spec.name());
        }
    }
}

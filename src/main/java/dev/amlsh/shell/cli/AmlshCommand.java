package dev.amlsh.shell.cli;

import dev.amlsh.shell.Call;
import dev.amlsh.shell.CommandFailed;
import dev.amlsh.shell.render.HelpPrinter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.shell.core.command.AbstractCommand;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.ExitStatus;

/**
 * One amlsh command as a Spring Shell {@link org.springframework.shell.core.command.Command}: name,
 * group, description, help and options ({@link CommandOption}: long/short name, description,
 * required, type) are Spring Shell's; {@code help}, usage errors and TAB completion read them from
 * here. What Spring Shell has no slot for stays ours, as fields: positional arguments, value names
 * ({@code FILE}), completion kinds, examples, the group's order, and raw words ({@code echo}).
 *
 * <p>Options follow Spring Shell's conventions: {@code longName} without the dashes, a space for no
 * short name; a flag is {@code boolean.class}, a true/false value {@code Boolean.class}, anything
 * else {@code String.class}. {@code execute} (Spring Shell's, from {@link AbstractCommand}) prints
 * {@link #getHelp()} when the parsed input holds only {@code --help}, otherwise runs the handler.
 */
public final class AmlshCommand extends AbstractCommand {

    /** Options every command accepts after its words ({@code -o json}, {@code --debug}, {@code --help}). */
    public static final List<CommandOption> LINE_OPTIONS = List.of(
            option('o', "output", "text, json or yaml for this command", String.class),
            option(' ', "debug", "show the stack trace of an error", boolean.class),
            option('h', "help", "show this command's help", boolean.class));

    private static final Map<String, CommandSpec.Opt> LINE_EXTRAS = Map.of(
            "output", new CommandSpec.Opt("--output", 'o', "FORMAT", "", Completion.OUTPUT_FORMAT));

    private final CommandSpec.Group group;
    private final List<CommandSpec.Arg> arguments;
    private final Map<String, CommandSpec.Opt> extras = new LinkedHashMap<>();
    private final String details;
    private final List<String> examples;
    private final boolean rawArguments;
    private final List<CommandSpec.Relation> relations;
    private final CommandHandler handler;
    private String help;

    public AmlshCommand(CommandSpec spec, CommandHandler handler) {
        super(spec.name(), spec.summary(), spec.group().title());
        this.group = spec.group();
        this.arguments = spec.args();
        this.details = spec.description();
        this.examples = spec.examples();
        this.rawArguments = spec.rawArguments();
        this.relations = spec.relations();
        this.handler = handler;
        List<CommandOption> options = new ArrayList<>();
        for (CommandSpec.Opt o : spec.options()) {
            Class<?> type = o.isFlag() ? boolean.class : o.completion() == Completion.BOOLEAN ? Boolean.class : String.class;
            CommandOption option = option(o.shortName() == null ? ' ' : o.shortName(), o.longName().substring(2),
                    o.description(), type);
            options.add(option);
            extras.put(option.longName(), o);
        }
        setOptions(List.copyOf(options));
    }

    private static CommandOption option(char shortName, String longName, String description, Class<?> type) {
        return CommandOption.with().shortName(shortName).longName(longName).description(description).required(false)
                .type(type).build();
    }

    /** Runs the handler; a {@link CommandFailed} (a result that is a failure, no error line) becomes its exit status. */
    @Override
    public ExitStatus doExecute(CommandContext context) throws Exception {
        try {
            handler.run(new Call(context, this));
            return ExitStatus.OK;
        } catch (CommandFailed e) {
            return new ExitStatus(e.code().code(), e.code().name());
        }
    }

    /** The full text of {@code COMMAND --help}, rendered from this command's metadata on first use. */
    @Override
    public String getHelp() {
        if (help == null) {
            help = HelpPrinter.text(this);
        }
        return help;
    }

    public CommandSpec.Group group() {
        return group;
    }

    public List<CommandSpec.Arg> arguments() {
        return arguments;
    }

    /** The longer explanation printed under the usage line ("" if none). */
    public String details() {
        return details;
    }

    public List<String> examples() {
        return examples;
    }

    /** Words are passed as given, without option parsing ({@code echo}). */
    public boolean rawArguments() {
        return rawArguments;
    }

    /** Options that exclude each other, or need another ({@code --pip-version} needs {@code --pip-file}). */
    public List<CommandSpec.Relation> relations() {
        return relations;
    }

    /** This command's option or a line option named by {@code word} ({@code --name} or {@code -n}). */
    public Optional<CommandOption> option(String word) {
        for (CommandOption o : getOptions()) {
            if (o.isOptionEqual(word)) {
                return Optional.of(o);
            }
        }
        return LINE_OPTIONS.stream().filter(o -> o.isOptionEqual(word)).findFirst();
    }

    public static boolean isFlag(CommandOption option) {
        return option.type() == boolean.class;
    }

    /** {@code FILE} in {@code --conda-file FILE}; null for a flag. */
    public String valueName(CommandOption option) {
        CommandSpec.Opt extra = extra(option);
        return extra == null ? null : extra.valueName();
    }

    /** What TAB offers for this option's value. */
    public Completion completion(CommandOption option) {
        CommandSpec.Opt extra = extra(option);
        return extra == null ? Completion.NONE : extra.completion();
    }

    private CommandSpec.Opt extra(CommandOption option) {
        CommandSpec.Opt own = extras.get(option.longName());
        return own != null ? own : LINE_EXTRAS.get(option.longName());
    }

    /** {@code env create NAME [--conda-file FILE] ...}, as help and usage errors print it. */
    public String synopsis() {
        StringBuilder s = new StringBuilder(getName());
        for (CommandSpec.Arg a : arguments) {
            String word = a.name() + (a.variadic() ? "..." : "");
            s.append(' ').append(a.required() ? word : "[" + word + "]");
        }
        for (CommandOption o : getOptions()) {
            s.append(" [--").append(o.longName()).append(isFlag(o) ? "" : " " + valueName(o)).append(']');
        }
        return s.toString();
    }
}

package dev.amlsh.shell.cli;

import dev.amlsh.shell.api.CommandHandler;
import dev.amlsh.shell.api.CommandSpec;
import dev.amlsh.shell.api.Completion;
import dev.amlsh.shell.render.HelpPrinter;
import java.util.List;
import java.util.Optional;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.ExitStatus;

/**
 * One amlsh command as Spring Shell's registry holds it: its {@link CommandSpec} and its
 * {@link CommandHandler}. Name, group, description, help and {@link CommandOption}s are Spring Shell's
 * view of the spec, computed from it; everything amlsh reads (arguments, value names, completion
 * kinds, relations, examples) it reads from {@link #spec()}.
 *
 * <p>amlsh runs a command by parsing its words once ({@link CommandLine}) and calling the handler
 * ({@link CommandRunner}); Spring Shell's runners and {@code ParsedInput} are not used (see
 * {@code AmlshApplication}), so Spring Shell's {@link #execute(CommandContext)} is refused.
 */
public final class AmlshCommand implements Command {

    private final CommandSpec spec;
    private final CommandHandler handler;
    private final List<CommandOption> options;
    private String help;

    public AmlshCommand(CommandSpec spec, CommandHandler handler) {
        this.spec = spec;
        this.handler = handler;
        this.options = spec.options().stream().map(AmlshCommand::springOption).toList();
    }

    /**
     * Spring Shell's conventions: no dashes, a space for no short name; a flag is {@code boolean}, a true/false value
     * {@code Boolean}.
     */
    private static CommandOption springOption(CommandSpec.Opt o) {
        Class<?> type =
                o.isFlag() ? boolean.class : o.completion() == Completion.BOOLEAN ? Boolean.class : String.class;
        return CommandOption.with()
                .shortName(o.shortName() == null ? ' ' : o.shortName())
                .longName(o.longName().substring(2))
                .description(o.description())
                .required(false)
                .type(type)
                .build();
    }

    public CommandSpec spec() {
        return spec;
    }

    public CommandHandler handler() {
        return handler;
    }

    @Override
    public String getName() {
        return spec.name();
    }

    @Override
    public String getDescription() {
        return spec.summary();
    }

    @Override
    public String getGroup() {
        return spec.group().title();
    }

    @Override
    public List<CommandOption> getOptions() {
        return options;
    }

    /** The full text of {@code COMMAND --help}, rendered from the spec on first use (no trailing newline). */
    @Override
    public String getHelp() {
        if (help == null) {
            help = HelpPrinter.text(spec);
        }
        return help;
    }

    @Override
    public ExitStatus execute(CommandContext context) {
        throw new UnsupportedOperationException("amlsh runs " + spec.name()
                + " through its own parser (CommandLine) and runner (CommandRunner), not Spring Shell's");
    }

    /** This command's own option spelled {@code word} ({@code --name}, or {@code -n} for one with a short name). */
    public Optional<CommandSpec.Opt> option(String word) {
        return spec.options().stream()
                .filter(o -> o.longName().equals(word) || (o.shortName() != null && word.equals("-" + o.shortName())))
                .findFirst();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AmlshCommand c && c.spec.name().equals(spec.name());
    }

    @Override
    public int hashCode() {
        return spec.name().hashCode();
    }
}

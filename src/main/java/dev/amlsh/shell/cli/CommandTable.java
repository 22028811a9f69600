package dev.amlsh.shell.cli;

import dev.amlsh.shell.api.CommandSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandRegistry;

/**
 * Every command amlsh knows, held in Spring Shell's {@link CommandRegistry} (built here from the
 * command beans, without the registry's context scan); lookups by name go through the registry.
 * The registry is a set, so the declaration order {@code help} lists commands in is kept alongside.
 */
public final class CommandTable {

    private final CommandRegistry registry;
    private final List<AmlshCommand> ordered = new ArrayList<>();

    public CommandTable(Collection<? extends CommandSet> groups) {
        Set<Command> commands = new LinkedHashSet<>();
        for (CommandSet group : groups) {
            for (AmlshCommand command : group.commands()) {
                if (!commands.add(command)) {
                    throw new IllegalStateException("two commands named " + command.getName());
                }
                ordered.add(command);
            }
        }
        this.registry = new CommandRegistry(commands);
    }

    public CommandRegistry registry() {
        return registry;
    }

    public Optional<AmlshCommand> find(String name) {
        return registry.getCommandByName(name) instanceof AmlshCommand command
                ? Optional.of(command)
                : Optional.empty();
    }

    /** The commands in declaration order (the order of {@code help}). */
    public List<AmlshCommand> all() {
        return List.copyOf(ordered);
    }

    /** The commands' specs in declaration order. */
    public List<CommandSpec> specs() {
        return ordered.stream().map(AmlshCommand::spec).toList();
    }

    /** The longest command name made of the first words, and how many words it used. */
    public Optional<Map.Entry<AmlshCommand, Integer>> match(List<String> words) {
        for (int n = Math.min(3, words.size()); n >= 1; n--) {
            Optional<AmlshCommand> command = find(String.join(" ", words.subList(0, n)));
            if (command.isPresent()) {
                return Optional.of(Map.entry(command.get(), n));
            }
        }
        return Optional.empty();
    }

    /** Commands whose name starts with these words and a space ({@code env} gives the env commands). */
    public List<AmlshCommand> under(String prefix) {
        return registry.getCommandsByPrefix(prefix + " ").stream()
                .filter(AmlshCommand.class::isInstance)
                .map(AmlshCommand.class::cast)
                .sorted(Comparator.comparingInt(ordered::indexOf))
                .toList();
    }
}

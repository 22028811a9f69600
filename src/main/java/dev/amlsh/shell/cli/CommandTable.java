package dev.amlsh.shell.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every command amlsh knows, by its words ({@code "env create"}), in declaration order. */
public final class CommandTable {

    /** A command: what it accepts and what runs it. */
    public record Entry(CommandSpec spec, CommandHandler handler) {}

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public CommandTable(Collection<? extends CommandGroup> groups) {
        for (CommandGroup group : groups) {
            for (Entry entry : group.commands()) {
                if (entries.putIfAbsent(entry.spec().name(), entry) != null) {
                    throw new IllegalStateException("two commands named " + entry.spec().name());
                }
            }
        }
    }

    public Optional<Entry> find(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    public Collection<Entry> all() {
        return entries.values();
    }

    /** The longest command name made of the first words, and how many words it used. */
    public Optional<Map.Entry<Entry, Integer>> match(List<String> words) {
        for (int n = Math.min(3, words.size()); n >= 1; n--) {
            Entry e = entries.get(String.join(" ", words.subList(0, n)));
            if (e != null) {
                return Optional.of(Map.entry(e, n));
            }
        }
        return Optional.empty();
    }

    /** Commands whose name starts with these words and a space ({@code env} gives the env commands). */
    public List<CommandSpec> under(String prefix) {
        List<CommandSpec> result = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.spec().name().startsWith(prefix + " ")) {
                result.add(e.spec());
            }
        }
        return result;
    }
}

package dev.amlsh.shell.render;

import dev.amlsh.shell.api.CommandSpec;
import dev.amlsh.shell.api.GlobalOption;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** {@code help}, {@code help COMMAND}, {@code COMMAND --help} and {@code amlsh --help}, from the command specs. */
public final class HelpPrinter {

    private final List<CommandSpec> specs;

    /** The commands in declaration order. */
    public HelpPrinter(List<CommandSpec> specs) {
        this.specs = List.copyOf(specs);
    }

    /** The global usage: how to start amlsh, its options, then the commands by group. */
    public void program(PrintWriter out) {
        out.println("amlsh: Azure Machine Learning environments, offline");
        out.println();
        out.println("Usage:");
        out.println("  amlsh                          start the interactive shell");
        out.println("  amlsh [OPTIONS] COMMAND...     run one command and exit");
        out.println("  amlsh [OPTIONS] -f FILE        run a script (-f - or amlsh < FILE reads stdin)");
        out.println();
        out.println("Options for every command, before or after it (at the prompt and in scripts: for that line):");
        options(out, GlobalOption.Scope.LINE);
        out.println();
        out.println("Options when amlsh starts, before the command:");
        options(out, GlobalOption.Scope.LAUNCH);
        out.println();
        out.println("Exit codes: 0 ok, 1 the command failed, 2 usage error, 3 workspace unavailable.");
        out.println();
        commands(out);
    }

    private static void options(PrintWriter out, GlobalOption.Scope scope) {
        for (GlobalOption o : GlobalOption.of(scope)) {
            out.println(String.format("  %-30s %s", o.usage(), o.description()));
        }
    }

    /** The commands in {@code help}'s order: by group, then as declared. */
    public List<CommandSpec> byGroup() {
        List<CommandSpec> ordered = new ArrayList<>();
        for (CommandSpec.Group group : CommandSpec.Group.values()) {
            specs.stream().filter(c -> c.group() == group).forEach(ordered::add);
        }
        return ordered;
    }

    /** Every command, by group; one table, so the descriptions line up across groups. */
    public void commands(PrintWriter out) {
        List<CommandSpec> ordered = byGroup();
        List<String> lines = listing(ordered).render().lines().toList();
        for (int i = 0; i < ordered.size(); i++) {
            if (i == 0 || ordered.get(i).group() != ordered.get(i - 1).group()) {
                if (i > 0) {
                    out.println();
                }
                out.println(ordered.get(i).group().title() + ":");
            }
            out.println("  " + lines.get(i));
        }
        out.println();
        out.println("'help COMMAND' or 'COMMAND --help' explains one command.");
    }

    /** The commands under a prefix ({@code help env}, {@code env --help}). */
    public static void prefix(PrintWriter out, String prefix, List<CommandSpec> commands) {
        out.println("Commands under '" + prefix + "':");
        listing(commands).print(out, "  ");
    }

    private static Table listing(List<CommandSpec> commands) {
        Table table = Table.labelled();
        commands.forEach(c -> table.row(c.name(), c.summary()));
        return table;
    }

    /**
     * {@code COMMAND --help}: summary, usage line, details, options, the global options, examples; no trailing newline.
     */
    public static String text(CommandSpec command) {
        StringWriter buffer = new StringWriter();
        PrintWriter out = new PrintWriter(buffer);
        out.println(command.summary());
        out.println();
        out.println("Usage: " + command.synopsis());
        if (!command.description().isEmpty()) {
            out.println();
            for (String line : command.description().split("\n")) {
                out.println("  " + line);
            }
        }
        if (!command.options().isEmpty()) {
            out.println();
            out.println("Options:");
            for (CommandSpec.Opt o : command.options()) {
                String left = o.longName() + (o.isFlag() ? "" : " " + o.valueName());
                out.println(String.format("  %-24s %s", left, o.description()));
            }
        }
        out.println();
        out.println("Also: "
                + GlobalOption.of(GlobalOption.Scope.LINE).stream()
                        .map(o -> o.shortName().map(s -> "-" + s + "/").orElse("")
                                + o.longName()
                                + (o.isFlag() ? "" : " " + o.valueName()))
                        .collect(Collectors.joining(", "))
                + (command.rawArguments() ? " (before the command: the words after it are its text)" : ""));
        if (!command.examples().isEmpty()) {
            out.println();
            out.println(command.examples().size() == 1 ? "Example:" : "Examples:");
            for (String example : command.examples()) {
                out.println("  " + example);
            }
        }
        out.flush();
        String text = buffer.toString();
        return text.substring(0, text.length() - 1);
    }
}

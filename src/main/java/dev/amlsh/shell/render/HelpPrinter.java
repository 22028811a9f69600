package dev.amlsh.shell.render;

import dev.amlsh.shell.cli.CommandLineParser;
import dev.amlsh.shell.cli.CommandSpec;
import dev.amlsh.shell.cli.CommandTable;
import java.io.PrintWriter;
import java.util.List;

/** {@code help}, {@code help COMMAND}, {@code COMMAND --help} and {@code amlsh --help}, from the specs. */
public final class HelpPrinter {

    private final CommandTable table;

    public HelpPrinter(CommandTable table) {
        this.table = table;
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
        out.println("Options:");
        out.println("  -o, --output FORMAT            text (default), json or yaml");
        out.println("  --workspace NAME|PATH|:temp:   the workspace for this run (:temp: is thrown away)");
        out.println("  --read-only                    open the workspace read-only (writes exit 3)");
        out.println("  --no-color                     no colour (also when NO_COLOR is set)");
        out.println("  --debug                        show stack traces of errors");
        out.println("  -f, --file FILE                run a script");
        out.println("  --continue-on-error            in a script, run on after a failing line");
        out.println("  --echo                         in a script, print each command before its output");
        out.println("  -h, --help                     this help");
        out.println("  -V, --version                  the amlsh version and the SDK release it emulates");
        out.println();
        out.println("Exit codes: 0 ok, 1 the command failed, 2 usage error, 3 workspace unavailable.");
        out.println();
        commands(out);
    }

    /** Every command, by group. */
    public void commands(PrintWriter out) {
        for (CommandSpec.Group group : CommandSpec.Group.values()) {
            List<CommandSpec> specs = table.all().stream().map(CommandTable.Entry::spec)
                    .filter(s -> s.group() == group).toList();
            if (specs.isEmpty()) {
                continue;
            }
            out.println(group.title() + ":");
            for (CommandSpec spec : specs) {
                out.println(String.format("  %-22s %s", spec.name(), spec.summary()));
            }
            out.println();
        }
        out.println("'help COMMAND' or 'COMMAND --help' explains one command.");
    }

    /** The commands under a prefix ({@code help env}). */
    public void prefix(PrintWriter out, String prefix, List<CommandSpec> specs) {
        out.println("Commands under '" + prefix + "':");
        for (CommandSpec spec : specs) {
            out.println(String.format("  %-22s %s", spec.name(), spec.summary()));
        }
    }

    public void command(PrintWriter out, CommandSpec spec) {
        out.println(spec.summary());
        out.println();
        out.println("Usage: " + spec.synopsis());
        if (!spec.description().isEmpty()) {
            out.println();
            for (String line : spec.description().split("\n")) {
                out.println("  " + line);
            }
        }
        if (!spec.options().isEmpty()) {
            out.println();
            out.println("Options:");
            for (CommandSpec.Opt o : spec.options()) {
                printOption(out, o);
            }
        }
        if (!spec.rawArguments()) {
            out.println();
            out.println("Also: -o/--output FORMAT, --debug, -h/--help");
        }
        if (!spec.examples().isEmpty()) {
            out.println();
            out.println(spec.examples().size() == 1 ? "Example:" : "Examples:");
            for (String example : spec.examples()) {
                out.println("  " + example);
            }
        }
    }

    private static void printOption(PrintWriter out, CommandSpec.Opt o) {
        String left = o.longName() + (o.isFlag() ? "" : " " + o.valueName());
        out.println(String.format("  %-24s %s", left, o.description()));
    }

    static List<CommandSpec.Opt> lineOptions() {
        return CommandLineParser.LINE_OPTIONS;
    }
}

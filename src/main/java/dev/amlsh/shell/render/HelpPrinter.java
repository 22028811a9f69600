package dev.amlsh.shell.render;

import dev.amlsh.shell.cli.AmlshCommand;
import dev.amlsh.shell.cli.CommandSpec;
import dev.amlsh.shell.cli.CommandTable;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.shell.core.command.CommandOption;

/** {@code help}, {@code help COMMAND}, {@code COMMAND --help} and {@code amlsh --help}, from the commands' metadata. */
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
        out.println("  --workspace NAME|PATH|:temp:   the workspace for this run (:temp: is thrown away),");
        out.println("    or postgresql://[USER@]HOST[:PORT]/DB[?schema=S], a team workspace on a server");
        out.println("  --as-user NAME                 on a server: whose drafts (default: the database user)");
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

    /** Every command, by group; one table, so the descriptions line up across groups. */
    public void commands(PrintWriter out) {
        List<AmlshCommand> ordered = new ArrayList<>();
        for (CommandSpec.Group group : CommandSpec.Group.values()) {
            table.all().stream().filter(c -> c.group() == group).forEach(ordered::add);
        }
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

    /** The commands under a prefix ({@code help env}). */
    public void prefix(PrintWriter out, String prefix, List<AmlshCommand> commands) {
        out.println("Commands under '" + prefix + "':");
        listing(commands).print(out, "  ");
    }

    private static Table listing(List<AmlshCommand> commands) {
        Table table = Table.labelled();
        commands.forEach(c -> table.row(c.getName(), c.getDescription()));
        return table;
    }

    /**
     * {@code COMMAND --help}, from the command's Spring Shell metadata (description, options) and
     * amlsh's extras (usage line, details, examples); no trailing newline (Spring Shell's
     * {@code AbstractCommand} prints it with {@code println}).
     */
    public static String text(AmlshCommand command) {
        StringWriter buffer = new StringWriter();
        PrintWriter out = new PrintWriter(buffer);
        out.println(command.getDescription());
        out.println();
        out.println("Usage: " + command.synopsis());
        if (!command.details().isEmpty()) {
            out.println();
            for (String line : command.details().split("\n")) {
                out.println("  " + line);
            }
        }
        if (!command.getOptions().isEmpty()) {
            out.println();
            out.println("Options:");
            for (CommandOption o : command.getOptions()) {
                String left = "--" + o.longName() + (AmlshCommand.isFlag(o) ? "" : " " + command.valueName(o));
                out.println(String.format("  %-24s %s", left, o.description()));
            }
        }
        if (!command.rawArguments()) {
            out.println();
            out.println("Also: -o/--output FORMAT, --debug, -h/--help");
        }
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

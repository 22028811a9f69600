package dev.amlsh.shell;

import java.util.List;

/**
 * The program arguments, read before Spring starts: global options, then the command's words.
 * The mode follows from them: {@code --help}/{@code --version}; {@code -f FILE} (or {@code -f -})
 * runs a script; words run one command; nothing runs the prompt on a terminal, else reads a
 * script from stdin. {@code --as-user NAME}: whose drafts a team workspace on a server shows
 * (default: the database user).
 */
public record LaunchOptions(OutputFormat output, String workspace, boolean readOnly, boolean noColor,
        boolean debug, String scriptFile, boolean help, boolean version, boolean continueOnError, boolean echo,
        List<String> command, String asUser) {

    public enum Mode { HELP, VERSION, SCRIPT_FILE, ONE_SHOT, INTERACTIVE, SCRIPT_STDIN }

    public LaunchOptions {
        command = List.copyOf(command);
    }

    public LaunchOptions(OutputFormat output, String workspace, boolean readOnly, boolean noColor, boolean debug,
            String scriptFile, boolean help, boolean version, boolean continueOnError, boolean echo,
            List<String> command) {
        this(output, workspace, readOnly, noColor, debug, scriptFile, help, version, continueOnError, echo, command, null);
    }

    public static LaunchOptions defaults() {
        return new LaunchOptions(OutputFormat.TEXT, null, false, false, false, null, false, false, false, false, List.of());
    }

    public Mode mode(boolean stdinIsTerminal) {
        if (help) {
            return Mode.HELP;
        }
        if (version) {
            return Mode.VERSION;
        }
        if (scriptFile != null) {
            return Mode.SCRIPT_FILE;
        }
        if (!command.isEmpty()) {
            return Mode.ONE_SHOT;
        }
        return stdinIsTerminal ? Mode.INTERACTIVE : Mode.SCRIPT_STDIN;
    }

    /** Parses the global options up to the first word that is not one; the rest is the command. */
    public static LaunchOptions parse(String[] args) {
        OutputFormat output = OutputFormat.TEXT;
        String workspace = null;
        String asUser = null;
        String file = null;
        boolean readOnly = false;
        boolean noColor = false;
        boolean debug = false;
        boolean help = false;
        boolean version = false;
        boolean continueOnError = false;
        boolean echo = false;
        int i = 0;
        for (; i < args.length; i++) {
            String word = args[i];
            String name = word;
            String inline = null;
            if (word.startsWith("--") && word.indexOf('=') > 0) {
                name = word.substring(0, word.indexOf('='));
                inline = word.substring(word.indexOf('=') + 1);
            }
            switch (name) {
                case "-o", "--output" -> output = OutputFormat.parse(inline != null ? inline : next(args, ++i, name, "FORMAT"));
                case "--workspace" -> workspace = inline != null ? inline : next(args, ++i, name, "NAME|PATH|URL|:temp:");
                case "--as-user" -> asUser = inline != null ? inline : next(args, ++i, name, "NAME");
                case "-f", "--file" -> file = inline != null ? inline : next(args, ++i, name, "FILE");
                case "--read-only" -> readOnly = flag(inline, name);
                case "--no-color" -> noColor = flag(inline, name);
                case "--debug" -> debug = flag(inline, name);
                case "-h", "--help" -> help = flag(inline, name);
                case "-V", "--version" -> version = flag(inline, name);
                case "--continue-on-error" -> continueOnError = flag(inline, name);
                case "--echo" -> echo = flag(inline, name);
                default -> {
                    if (word.startsWith("-") && !word.equals("-")) {
                        throw new UsageException("unknown option '" + word + "' (amlsh --help lists the options)");
                    }
                    if (file != null) {
                        throw new UsageException("-f runs a script: give either -f FILE or a command, not both");
                    }
                    return new LaunchOptions(output, workspace, readOnly, noColor, debug, file, help, version,
                            continueOnError, echo, List.of(args).subList(i, args.length), asUser);
                }
            }
        }
        return new LaunchOptions(output, workspace, readOnly, noColor, debug, file, help, version, continueOnError,
                echo, List.of(), asUser);
    }

    private static String next(String[] args, int i, String name, String what) {
        if (i >= args.length) {
            throw new UsageException("option " + name + " needs a value (" + what + ")");
        }
        return args[i];
    }

    private static boolean flag(String inline, String name) {
        if (inline != null) {
            throw new UsageException("option " + name + " takes no value");
        }
        return true;
    }
}

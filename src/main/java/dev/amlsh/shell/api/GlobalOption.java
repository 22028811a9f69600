package dev.amlsh.shell.api;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * amlsh's global options, declared once: the parser, {@code amlsh --help}, each command's help, TAB
 * completion and the completion scripts' table read them from here. A {@link Scope#LINE} option is
 * accepted before or after the command, in one-shot runs, at the prompt and in scripts (there it applies
 * to its one line); a {@link Scope#LAUNCH} option only before the command, when amlsh starts. A
 * command's own option of the same spelling wins ({@code env register --version 3}).
 */
public enum GlobalOption {
    OUTPUT('o', "--output", "FORMAT", "text (default), json or yaml", Completion.OUTPUT_FORMAT, Scope.LINE),
    WORKSPACE(
            null,
            "--workspace",
            "NAME|PATH|:temp:",
            "the workspace (:temp: is thrown away; postgresql://... a team" + " workspace on a server)",
            Completion.WORKSPACE,
            Scope.LINE),
    READ_ONLY(null, "--read-only", null, "open the workspace read-only (writes exit 3)", Completion.NONE, Scope.LINE),
    NO_COLOR(null, "--no-color", null, "no colour (also when NO_COLOR is set)", Completion.NONE, Scope.LINE),
    DEBUG(null, "--debug", null, "show stack traces of errors", Completion.NONE, Scope.LINE),
    HELP('h', "--help", null, "this help; after a command, the command's help", Completion.NONE, Scope.LINE),
    FILE('f', "--file", "FILE", "run a script", Completion.FILE, Scope.LAUNCH),
    CONTINUE_ON_ERROR(
            null,
            "--continue-on-error",
            null,
            "in a script, run on after a failing line",
            Completion.NONE,
            Scope.LAUNCH),
    ECHO(null, "--echo", null, "in a script, print each command before its output", Completion.NONE, Scope.LAUNCH),
    NARRATE(
            null,
            "--narrate",
            null,
            "in a script, print its # comments as narration before their command",
            Completion.NONE,
            Scope.LAUNCH),
    STEP(
            null,
            "--step",
            null,
            "in a script, wait for Enter on the terminal before each command (q quits)",
            Completion.NONE,
            Scope.LAUNCH),
    VERSION('V', "--version", null, "the amlsh version and the SDK release it emulates", Completion.NONE, Scope.LAUNCH),
    AS_USER(
            null,
            "--as-user",
            "NAME",
            "on a server workspace, whose drafts (default: the database user)",
            Completion.NONE,
            Scope.LAUNCH);

    /** Where an option is accepted: on every command line, or only when amlsh starts. */
    public enum Scope {
        LINE,
        LAUNCH
    }

    private final Character shortName;
    private final String longName;
    private final String valueName;
    private final String description;
    private final Completion completion;
    private final Scope scope;

    GlobalOption(
            Character shortName,
            String longName,
            String valueName,
            String description,
            Completion completion,
            Scope scope) {
        this.shortName = shortName;
        this.longName = longName;
        this.valueName = valueName;
        this.description = description;
        this.completion = completion;
        this.scope = scope;
    }

    /** The options of one scope, in declaration order. */
    public static List<GlobalOption> of(Scope scope) {
        return Arrays.stream(values()).filter(o -> o.scope == scope).toList();
    }

    /** The option spelled {@code word} ({@code -o} or {@code --output}), if any. */
    public static Optional<GlobalOption> named(String word) {
        return Arrays.stream(values()).filter(o -> o.spelledAs(word)).findFirst();
    }

    public boolean spelledAs(String word) {
        return word.equals(longName) || (shortName != null && word.equals("-" + shortName));
    }

    public Optional<Character> shortName() {
        return Optional.ofNullable(shortName);
    }

    /** {@code --output}. */
    public String longName() {
        return longName;
    }

    /** {@code FORMAT} in {@code --output FORMAT}; null for a flag. */
    public String valueName() {
        return valueName;
    }

    public boolean isFlag() {
        return valueName == null;
    }

    public String description() {
        return description;
    }

    public Completion completion() {
        return completion;
    }

    public Scope scope() {
        return scope;
    }

    /** {@code -o, --output FORMAT}: how help shows it. */
    public String usage() {
        return (shortName == null ? "" : "-" + shortName + ", ")
                + longName
                + (valueName == null ? "" : " " + valueName);
    }
}

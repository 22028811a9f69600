package dev.amlsh.shell.api;

import java.util.ArrayList;
import java.util.List;

/**
 * How a command is declared, once: its words, positional arguments and options, with help text and
 * examples. With its {@link CommandHandler} it is the single source for parsing, {@code help} and
 * {@code --help}, TAB completion, the completion scripts' table and the sections of docs/COMMANDS.md
 * (a test checks each has one); Spring Shell's registry holds the pair as a command.
 */
public record CommandSpec(
        String name,
        Group group,
        String summary,
        List<Arg> args,
        List<Opt> options,
        String description,
        List<String> examples,
        boolean rawArguments,
        List<Relation> relations) {

    /**
     * How two options relate: {@code exclusive} (not both) or {@code first} needs {@code second}.
     * The parser rejects a line that breaks one (exit 2) before the command runs.
     */
    public record Relation(String first, String second, boolean exclusive) {}

    /** The groups {@code help} lists commands under, in this order. */
    public enum Group {
        ENV("Environments"),
        INSPECT("Inspect and generate"),
        REGISTRY("Registry"),
        FILES("Files"),
        WORKSPACE("Workspaces"),
        CURATED("Curated base images"),
        SESSION("Session and scripts");

        private final String title;

        Group(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** A positional argument; a variadic one takes all remaining words. */
    public record Arg(String name, boolean required, boolean variadic, Completion completion) {}

    /** An option: {@code --long VALUE}, or a flag when {@code valueName} is null. */
    public record Opt(
            String longName, Character shortName, String valueName, String description, Completion completion) {

        public boolean isFlag() {
            return valueName == null;
        }
    }

    public CommandSpec {
        args = List.copyOf(args);
        options = List.copyOf(options);
        examples = List.copyOf(examples);
        relations = List.copyOf(relations);
    }

    /** {@code env create NAME [--conda-file FILE] ...}, as help and usage errors print it. */
    public String synopsis() {
        StringBuilder s = new StringBuilder(name);
        for (Arg a : args) {
            String word = a.name() + (a.variadic() ? "..." : "");
            s.append(' ').append(a.required() ? word : "[" + word + "]");
        }
        for (Opt o : options) {
            s.append(" [")
                    .append(o.longName())
                    .append(o.isFlag() ? "" : " " + o.valueName())
                    .append(']');
        }
        return s.toString();
    }

    public static Builder command(String name, Group group, String summary) {
        return new Builder(name, group, summary);
    }

    /** Fluent construction, so each command reads as its own documentation. */
    public static final class Builder {
        private final String name;
        private final Group group;
        private final String summary;
        private final List<Arg> args = new ArrayList<>();
        private final List<Opt> options = new ArrayList<>();
        private final List<String> examples = new ArrayList<>();
        private final List<Relation> relations = new ArrayList<>();
        private String description = "";
        private boolean raw;

        private Builder(String name, Group group, String summary) {
            this.name = name;
            this.group = group;
            this.summary = summary;
        }

        public Builder arg(String argName, Completion completion) {
            args.add(new Arg(argName, true, false, completion));
            return this;
        }

        public Builder args(String argName, Completion completion) {
            args.add(new Arg(argName, true, true, completion));
            return this;
        }

        public Builder optionalArgs(String argName, Completion completion) {
            args.add(new Arg(argName, false, true, completion));
            return this;
        }

        public Builder option(String longName, String valueName, String text, Completion completion) {
            options.add(new Opt(longName, null, valueName, text, completion));
            return this;
        }

        public Builder flag(String longName, String text) {
            options.add(new Opt(longName, null, null, text, Completion.NONE));
            return this;
        }

        public Builder description(String text) {
            this.description = text;
            return this;
        }

        public Builder example(String line) {
            examples.add(line);
            return this;
        }

        /** The two options exclude each other. */
        public Builder exclusive(String first, String second) {
            relations.add(new Relation(first, second, true));
            return this;
        }

        /** {@code option} is only meaningful with {@code needed}. */
        public Builder requires(String option, String needed) {
            relations.add(new Relation(option, needed, false));
            return this;
        }

        /** Words are passed as given, without option parsing ({@code echo}). */
        public Builder raw() {
            this.raw = true;
            return this;
        }

        public CommandSpec build() {
            return new CommandSpec(name, group, summary, args, options, description, examples, raw, relations);
        }
    }
}

package dev.amlsh.shell.interactive;

import dev.amlsh.image.BaseImageCatalog;
import dev.amlsh.shell.api.CommandSpec;
import dev.amlsh.shell.api.Completion;
import dev.amlsh.shell.api.GlobalOption;
import dev.amlsh.shell.api.Session;
import dev.amlsh.shell.cli.AmlshCommand;
import dev.amlsh.shell.cli.CommandTable;
import dev.amlsh.shell.cli.CompletionScript;
import dev.amlsh.workspace.EnvironmentSummary;
import dev.amlsh.workspace.WorkspaceCatalog;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jline.builtins.Completers.FileNameCompleter;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * TAB completion from the command specs: global options and command words (the registry), then
 * options (the command's own and the global options of every line), then values by what the argument
 * or option holds ({@code help env <TAB>} offers the words under {@code env}). Environment names and versions are read
 * from the workspace when TAB is
 * pressed, so an environment created a moment ago is offered.
 *
 * <p>Spring Shell's {@code CompletionProvider} is not used: it is one function per command bean,
 * and its {@code CompletionContext} carries neither the session (whose workspace holds the names to
 * offer; commands are shared by sessions) nor JLine's reader and line, which file-name completion
 * needs. Its proposals would only be copied into JLine {@link Candidate}s here.
 */
public final class AmlshCompleter implements Completer {

    private final CommandTable table;
    private final Session session;
    private final FileNameCompleter files = new FileNameCompleter();

    public AmlshCompleter(CommandTable table, Session session) {
        this.table = table;
        this.session = session;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> before = line.words().subList(0, line.wordIndex());
        int first = 0;
        while (first < before.size() && before.get(first).startsWith("-")) {
            Optional<GlobalOption> global = lineOption(before.get(first));
            boolean takesValue = global.isPresent()
                    && !global.get().isFlag()
                    && !before.get(first).contains("=");
            if (takesValue && first + 1 == before.size()) {
                values(global.get().completion(), List.of(), reader, line, candidates);
                return;
            }
            first += takesValue ? 2 : 1;
        }
        List<String> words = before.subList(Math.min(first, before.size()), before.size());
        Optional<Map.Entry<AmlshCommand, Integer>> match = table.match(words);
        if (match.isEmpty()) {
            if (line.word().startsWith("-")) {
                lineOptions(candidates);
            } else {
                commandWords(words, candidates);
            }
            return;
        }
        AmlshCommand command = match.get().getKey();
        List<String> rest = words.subList(match.get().getValue(), words.size());
        if (command.spec().rawArguments()) {
            return;
        }
        if (!rest.isEmpty()) {
            String previous = rest.get(rest.size() - 1);
            Optional<CommandSpec.Opt> own = command.option(previous);
            if (own.isPresent() && !own.get().isFlag()) {
                values(own.get().completion(), List.of(), reader, line, candidates);
                return;
            }
            Optional<GlobalOption> global = lineOption(previous);
            if (own.isEmpty() && global.isPresent() && !global.get().isFlag()) {
                values(global.get().completion(), List.of(), reader, line, candidates);
                return;
            }
        }
        if (line.word().startsWith("-")) {
            for (CommandSpec.Opt o : command.spec().options()) {
                candidates.add(new Candidate(o.longName(), o.longName(), null, o.description(), null, null, true));
            }
            lineOptions(candidates);
            return;
        }
        List<String> positionals = positionals(command, rest);
        List<CommandSpec.Arg> args = command.spec().args();
        if (!args.isEmpty()) {
            int last = args.size() - 1;
            CommandSpec.Arg arg = args.get(Math.min(positionals.size(), last));
            if (positionals.size() <= last || arg.variadic()) {
                values(arg.completion(), positionals, reader, line, candidates);
            }
        }
    }

    /** A global option of every line spelled {@code word} ({@code -o}, {@code --output}, {@code --output=json}). */
    private static Optional<GlobalOption> lineOption(String word) {
        String name = word.startsWith("--") && word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
        return GlobalOption.named(name).filter(o -> o.scope() == GlobalOption.Scope.LINE);
    }

    private static void lineOptions(List<Candidate> candidates) {
        for (GlobalOption o : GlobalOption.of(GlobalOption.Scope.LINE)) {
            candidates.add(new Candidate(o.longName(), o.longName(), null, o.description(), null, null, true));
        }
    }

    /** The next word of a command name after {@code before} ({@code env} offers create, clone, ...). */
    private void commandWords(List<String> before, List<Candidate> candidates) {
        for (String word : nextCommandWords(before)) {
            candidates.add(new Candidate(word, word, null, null, null, null, true));
        }
    }

    private Set<String> nextCommandWords(List<String> before) {
        String prefix = String.join(" ", before);
        Set<String> next = new LinkedHashSet<>();
        for (AmlshCommand command : table.all()) {
            String name = command.getName();
            if (before.isEmpty() || name.startsWith(prefix + " ")) {
                String tail = before.isEmpty() ? name : name.substring(prefix.length() + 1);
                next.add(tail.split(" ")[0]);
            }
        }
        return next;
    }

    /** The positional words typed so far, skipping options and their values. */
    private static List<String> positionals(AmlshCommand command, List<String> rest) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
            String word = rest.get(i);
            Optional<CommandSpec.Opt> own = command.option(word);
            Optional<GlobalOption> global = lineOption(word);
            if (own.isPresent()) {
                i += own.get().isFlag() ? 0 : 1;
            } else if (global.isPresent()) {
                i += global.get().isFlag() || word.contains("=") ? 0 : 1;
            } else if (!word.startsWith("-") || word.equals("-")) {
                words.add(word);
            }
        }
        return words;
    }

    /**
     * Values of this kind; {@code earlier} are the positional words before (help offers the next word of a command
     * name).
     */
    private void values(
            Completion completion,
            List<String> earlier,
            LineReader reader,
            ParsedLine line,
            List<Candidate> candidates) {
        List<String> values = new ArrayList<>();
        try {
            switch (completion) {
                case ENV_REF -> {
                    values.addAll(environmentNames());
                    values.addAll(versions());
                }
                case ENV_NAME -> values.addAll(environmentNames());
                case ENV_VERSION -> {
                    values.addAll(registeredNames());
                    values.addAll(versions());
                }
                case FILE, DIRECTORY -> files.complete(reader, line, candidates);
                case WORKSPACE -> {
                    session.catalog().list().forEach(w -> values.add(w.name()));
                    values.add(WorkspaceCatalog.TEMPORARY);
                    String word = line.word();
                    if (word.contains("/") || word.startsWith(".") || word.startsWith("~")) {
                        files.complete(reader, line, candidates); // a workspace file: ./course.amlsh
                    }
                }
                case CURATED_IMAGE -> BaseImageCatalog.bundled().all().forEach(i -> values.add(i.image()));
                case OUTPUT_FORMAT -> values.addAll(List.of("text", "json", "yaml"));
                case BOOLEAN -> values.addAll(List.of("true", "false"));
                case SHELL -> values.addAll(CompletionScript.SHELLS);
                case COMMAND -> values.addAll(nextCommandWords(earlier));
                case NONE -> {}
            }
        } catch (RuntimeException workspaceNotReadable) {
            return; // completion never fails loudly: the command itself will report the problem
        }
        for (String v : new LinkedHashSet<>(values)) {
            candidates.add(new Candidate(v, v, null, null, null, null, !v.endsWith(":")));
        }
    }

    // one summary query each: completing in a workspace of 10,000 names parses no definition

    private List<String> environmentNames() {
        return session.workspace().store().summaries(false).stream()
                .map(EnvironmentSummary::name)
                .toList();
    }

    private List<String> registeredNames() {
        return session.workspace().store().summaries(true).stream()
                .filter(s -> s.versions() > 0)
                .map(EnvironmentSummary::name)
                .toList();
    }

    private List<String> versions() {
        return session.workspace().store().versionSummaries(null).stream()
                .map(v -> v.name() + ":" + v.version())
                .toList();
    }
}

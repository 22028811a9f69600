package dev.amlsh.shell.interactive;

import dev.amlsh.image.BaseImageCatalog;
import dev.amlsh.model.Environment;
import dev.amlsh.shell.CompletionScript;
import dev.amlsh.shell.Session;
import dev.amlsh.shell.cli.AmlshCommand;
import dev.amlsh.shell.cli.CommandSpec;
import dev.amlsh.shell.cli.CommandTable;
import dev.amlsh.shell.cli.Completion;
import dev.amlsh.workspace.RegisteredVersion;
import dev.amlsh.workspace.WorkspaceStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.completer.FileNameCompleter;
import org.springframework.shell.core.command.CommandOption;

/**
 * TAB completion from the commands' metadata: command words (the registry), then options (Spring
 * Shell's {@code CommandOption}s of the command and the line options), then values by what the
 * argument or option holds. Environment names and versions are read from the workspace when TAB is
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
        Optional<java.util.Map.Entry<AmlshCommand, Integer>> match = table.match(before);
        if (match.isEmpty()) {
            commandWords(before, candidates);
            return;
        }
        AmlshCommand command = match.get().getKey();
        List<String> rest = before.subList(match.get().getValue(), before.size());
        if (!rest.isEmpty()) {
            Optional<CommandOption> previous = command.option(rest.get(rest.size() - 1));
            if (previous.isPresent() && !AmlshCommand.isFlag(previous.get())) {
                values(command.completion(previous.get()), reader, line, candidates);
                return;
            }
        }
        if (line.word().startsWith("-")) {
            for (CommandOption o : command.getOptions()) {
                candidates.add(new Candidate("--" + o.longName(), "--" + o.longName(), null, o.description(), null, null, true));
            }
            for (CommandOption o : AmlshCommand.LINE_OPTIONS) {
                candidates.add(new Candidate("--" + o.longName(), "--" + o.longName(), null, o.description(), null, null, true));
            }
            return;
        }
        int position = positionalIndex(command, rest);
        List<CommandSpec.Arg> args = command.arguments();
        if (!args.isEmpty()) {
            int last = args.size() - 1;
            CommandSpec.Arg arg = args.get(Math.min(position, last));
            if (position <= last || arg.variadic()) {
                values(arg.completion(), reader, line, candidates);
            }
        }
    }

    private void commandWords(List<String> before, List<Candidate> candidates) {
        String prefix = String.join(" ", before);
        Set<String> next = new LinkedHashSet<>();
        for (AmlshCommand command : table.all()) {
            String name = command.getName();
            if (before.isEmpty() || name.startsWith(prefix + " ")) {
                String tail = before.isEmpty() ? name : name.substring(prefix.length() + 1);
                next.add(tail.split(" ")[0]);
            }
        }
        for (String word : next) {
            candidates.add(new Candidate(word, word, null, null, null, null, true));
        }
    }

    private static int positionalIndex(AmlshCommand command, List<String> rest) {
        int count = 0;
        for (int i = 0; i < rest.size(); i++) {
            Optional<CommandOption> o = command.option(rest.get(i));
            if (o.isPresent()) {
                i += AmlshCommand.isFlag(o.get()) || rest.get(i).contains("=") ? 0 : 1;
            } else {
                count++;
            }
        }
        return count;
    }

    private void values(Completion completion, LineReader reader, ParsedLine line, List<Candidate> candidates) {
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
                case WORKSPACE -> session.catalog().list().forEach(w -> values.add(w.name()));
                case CURATED_IMAGE -> BaseImageCatalog.bundled().all().forEach(i -> values.add(i.image()));
                case OUTPUT_FORMAT -> values.addAll(List.of("text", "json", "yaml"));
                case BOOLEAN -> values.addAll(List.of("true", "false"));
                case SHELL -> values.addAll(CompletionScript.SHELLS);
                case COMMAND -> table.all().forEach(c -> values.add(c.getName().split(" ")[0]));
                case NONE -> { }
            }
        } catch (RuntimeException workspaceNotReadable) {
            return; // completion never fails loudly: the command itself will report the problem
        }
        for (String v : new LinkedHashSet<>(values)) {
            candidates.add(new Candidate(v, v, null, null, null, null, !v.endsWith(":")));
        }
    }

    private List<String> environmentNames() {
        WorkspaceStore store = session.workspace().store();
        Set<String> names = new LinkedHashSet<>();
        store.drafts().stream().map(Environment::name).forEach(names::add);
        names.addAll(store.names(false));
        return new ArrayList<>(names);
    }

    private List<String> registeredNames() {
        return session.workspace().store().names(true);
    }

    private List<String> versions() {
        WorkspaceStore store = session.workspace().store();
        List<String> result = new ArrayList<>();
        for (String name : store.names(true)) {
            for (RegisteredVersion v : store.versions(name)) {
                result.add(name + ":" + v.version());
            }
        }
        return result;
    }
}

package dev.amlsh.conda.roundtrip;

import dev.amlsh.conda.TextFile;
import dev.amlsh.model.CondaDependency;
import dev.amlsh.model.CondaFileText;
import dev.amlsh.model.CondaPackage;
import dev.amlsh.model.CondaSpec;
import dev.amlsh.model.Environment;
import dev.amlsh.model.PipSection;
import dev.amlsh.model.YamlScalars;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A definition's conda file as the SDK holds it: ruamel.yaml's round-trip document of the file
 * as read and edited (key order, comments and blank lines, flow or block style per collection,
 * YAML 1.2 scalar types). {@link #text()} is what {@code CondaDependencies.serialize_to_string()}
 * returns and what {@code save_to_directory} writes as {@code conda_dependencies.yml}.
 * {@link CondaSpec} stays the meaning; this keeps the form, and follows the spec through
 * {@link #reconcile}.
 */
public final class CondaDocument implements CondaFileText {

    private static final String SDK_DEFAULT_RESOURCE = "sdk-default-conda-dependencies.yml";

    private final YamlNode.Map root;

    CondaDocument(YamlNode.Map root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /** Reads a conda file's text (a BOM is already gone; CRLF is read as LF, like Python's text mode). */
    public static CondaDocument read(TextFile file) {
        return new CondaDocument(RoundTripReader.read(file));
    }

    public static CondaDocument parse(Path path, String text) {
        return read(new TextFile(path, text));
    }

    /**
     * A document a workspace kept ({@link #storedForm()}); a workspace written before amlsh kept
     * the whole tree holds the text, which is read as a file.
     */
    public static CondaDocument fromStored(Path path, String stored) {
        return StoredDocument.isStored(stored) ? new CondaDocument(StoredDocument.read(stored)) : parse(path, stored);
    }

    /**
     * The whole tree, so the next command edits what the SDK's {@code CommentedMap} would hold
     * (a comment's original column, an emptied flow list's style), not a re-read of the text.
     */
    @Override
    public String storedForm() {
        return StoredDocument.write(root);
    }

    /**
     * {@code CondaDependencies()}: the SDK's own default file with its comments (what
     * {@code Environment(name)} starts from).
     */
    public static CondaDocument sdkDefault() {
        try (InputStream in = CondaDocument.class.getResourceAsStream(SDK_DEFAULT_RESOURCE)) {
            String text =
                    new String(Objects.requireNonNull(in, SDK_DEFAULT_RESOURCE).readAllBytes(), StandardCharsets.UTF_8);
            return parse(Path.of("conda_dependencies.yml"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The plain data the service returns ({@code Environment.get} rebuilds
     * {@code CondaDependencies(_underlying_structure=dict)}): no comments, block style, keys in
     * the order of the definition's JSON.
     */
    public static CondaDocument plain(CondaSpec spec) {
        return new CondaDocument(new YamlNode.Map(List.of(), false, List.of())).reconcile(spec);
    }

    /**
     * The conda file the SDK holds for a definition: its document when it has one, else ruamel's
     * dump of the plain data ({@code Environment.get} of a registered version).
     */
    public static String textOf(Environment env) {
        CondaSpec spec = env.condaSpec(); // none: the definition's own error ("... has no conda dependencies")
        return env.condaFile() != null ? env.condaFile().text() : plain(spec).text();
    }

    /** The document a definition's conda file is written from: its own, else the plain data's. */
    public static CondaDocument of(Environment env) {
        CondaSpec spec = env.condaSpec(); // none: the definition's own error ("... has no conda dependencies")
        return env.condaFile() instanceof CondaDocument document ? document : plain(spec);
    }

    /** The same document without a comment or blank line: what is left of its text once they are dropped. */
    public CondaDocument withoutComments() {
        return new CondaDocument((YamlNode.Map) uncommented(root));
    }

    private static YamlNode uncommented(YamlNode node) {
        if (node instanceof YamlNode.Map map) {
            return new YamlNode.Map(
                    map.entries().stream()
                            .map(e -> new YamlNode.Entry(e.key(), uncommented(e.value()), null, List.of(), List.of()))
                            .toList(),
                    map.flow(),
                    List.of(),
                    List.of());
        }
        if (node instanceof YamlNode.Seq seq) {
            return new YamlNode.Seq(
                    seq.items().stream()
                            .map(i -> new YamlNode.Item(uncommented(i.value()), List.of(), null))
                            .toList(),
                    seq.flow());
        }
        return node;
    }

    @Override
    public CondaDocument follow(CondaSpec spec) {
        return reconcile(spec);
    }

    @Override
    public boolean hasPipKeyWithoutList() {
        YamlNode.Entry deps = root.entry("dependencies");
        if (deps != null && deps.value() instanceof YamlNode.Seq seq) {
            for (YamlNode.Item item : seq.items()) {
                if (item.value() instanceof YamlNode.Map map
                        && map.entry("pip") != null
                        && map.entry("pip").value() instanceof YamlNode.Scalar s
                        && s.kind() == YamlNode.Kind.NULL) {
                    return true;
                }
            }
        }
        return false;
    }

    public YamlNode.Map root() {
        return root;
    }

    /** ruamel's round-trip dump of the document, byte for byte. */
    @Override
    public String text() {
        return RoundTripWriter.write(root);
    }

    /**
     * This document after an edit that gave {@code spec}: kept items keep their comments and style,
     * an item replaced in place keeps its place and comments, removed items go with their comments,
     * new items are appended (after the comment that ends the list, as ruamel appends them).
     */
    public CondaDocument reconcile(CondaSpec spec) {
        return new CondaDocument(Reconciler.reconcile(root, spec));
    }

    /**
     * The document's data as a spec (what {@code as_dict()} holds): a variable's value typed as the
     * SDK's loader types it ({@code 010} the integer 10). Structure is not checked here: the conda file reader does.
     */
    public CondaSpec spec() {
        String name = null;
        String prefix = null;
        List<String> channels = null; // no key
        List<CondaDependency> dependencies = null;
        Map<String, Object> variables = new LinkedHashMap<>();
        for (YamlNode.Entry entry : root.entries()) {
            switch (entry.key()) {
                case "name" -> name = text(entry.value());
                case "prefix" -> prefix = text(entry.value());
                case "channels" -> channels = texts(entry.value());
                case "dependencies" -> {
                    dependencies = new ArrayList<>();
                    if (entry.value() instanceof YamlNode.Seq seq) {
                        for (YamlNode.Item item : seq.items()) {
                            if (item.value() instanceof YamlNode.Map map && map.entry("pip") != null) {
                                dependencies.add(
                                        new PipSection(texts(map.entry("pip").value())));
                            } else if (item.value() instanceof YamlNode.Scalar s && text(s) != null) {
                                dependencies.add(new CondaPackage(text(s)));
                            }
                        }
                    }
                }
                case "variables" -> {
                    if (entry.value() instanceof YamlNode.Map map) {
                        for (YamlNode.Entry v : map.entries()) {
                            variables.put(v.key(), typed(v.value()));
                        }
                    }
                }
                default -> {}
            }
        }
        return new CondaSpec(name, channels, dependencies, prefix, variables);
    }

    /** A variable's value as the SDK's loader types it (YAML 1.2); a list or mapping as its text, or null. */
    private static Object typed(YamlNode node) {
        if (node instanceof YamlNode.Scalar s && s.kind() != YamlNode.Kind.STR) {
            return s.kind() == YamlNode.Kind.NULL ? null : YamlScalars.plain(s.value());
        }
        return text(node);
    }

    private static String text(YamlNode node) {
        if (node instanceof YamlNode.Scalar s) {
            return s.kind() == YamlNode.Kind.NULL ? null : s.kind() == YamlNode.Kind.STR ? s.value() : s.text();
        }
        return null;
    }

    private static List<String> texts(YamlNode node) {
        if (node instanceof YamlNode.Seq seq) {
            return seq.items().stream()
                    .map(i -> text(i.value()))
                    .filter(Objects::nonNull)
                    .toList();
        }
        return List.of();
    }

    /**
     * {@code set_pip_requirements} (what {@code from_pip_requirements} calls): the whole pip list
     * replaced by a new plain list, so the old list's comments go even where a line is the same.
     */
    public CondaDocument withPipListReplaced(List<String> requirements) {
        YamlNode.Seq list = new YamlNode.Seq(
                requirements.stream()
                        .map(r -> YamlNode.Item.of(YamlNode.Scalar.string(r)))
                        .toList(),
                false);
        YamlNode.Entry deps = root.entry("dependencies");
        List<YamlNode.Entry> entries = new ArrayList<>(root.entries());
        if (deps == null || !(deps.value() instanceof YamlNode.Seq seq)) {
            YamlNode.Seq newDeps = new YamlNode.Seq(List.of(YamlNode.Item.of(pipMap(list))), false);
            if (deps == null) {
                entries.add(YamlNode.Entry.of("dependencies", newDeps));
            } else {
                entries.set(entries.indexOf(deps), deps.withValue(newDeps));
            }
            return new CondaDocument(new YamlNode.Map(entries, root.flow(), root.pre(), root.end()));
        }
        List<YamlNode.Item> items = new ArrayList<>(seq.items());
        boolean replaced = false;
        for (int i = 0; i < items.size() && !replaced; i++) {
            if (items.get(i).value() instanceof YamlNode.Map map && map.entry("pip") != null) {
                List<YamlNode.Entry> pipEntries = new ArrayList<>(map.entries());
                YamlNode.Entry pip = map.entry("pip");
                pipEntries.set(pipEntries.indexOf(pip), pip.withValue(list));
                items.set(i, items.get(i).withValue(new YamlNode.Map(pipEntries, map.flow(), map.pre(), map.end())));
                replaced = true;
            }
        }
        if (!replaced) {
            items.add(YamlNode.Item.of(pipMap(list)));
        }
        entries.set(entries.indexOf(deps), deps.withValue(new YamlNode.Seq(items, seq.flow())));
        return new CondaDocument(new YamlNode.Map(entries, root.flow(), root.pre(), root.end()));
    }

    private static YamlNode.Map pipMap(YamlNode.Seq list) {
        return new YamlNode.Map(List.of(YamlNode.Entry.of("pip", list)), false, List.of());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CondaDocument other && root.equals(other.root);
    }

    @Override
    public int hashCode() {
        return root.hashCode();
    }

    @Override
    public String toString() {
        return text();
    }
}

package dev.amlsh.conda.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amlsh.model.CondaDependency;
import dev.amlsh.model.CondaPackage;
import dev.amlsh.model.CondaSpec;
import dev.amlsh.model.PipSection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The round-trip text is a fixed point, as ruamel's is for what it writes: reading what was
 * written gives the same document, writing that again gives the same bytes, and every value
 * survives its quoting, escaping and folding. Documents are generated with comments in every
 * slot ruamel keeps, flow and block lists, and scalars that need each style.
 */
class RoundTripProperties {

    static final List<String> TRICKY = List.of(
            "numpy",
            "yes",
            "no",
            "010",
            "0o17",
            "0x1F",
            "1.5",
            "1e3",
            ".inf",
            "true",
            "False",
            "null",
            "~",
            "",
            "a: b",
            "#x",
            "a #b",
            "-x",
            "- x",
            "[x]",
            "{x}",
            "x,y",
            "'q'",
            "\"d\"",
            "it's",
            " lead",
            "trail ",
            "ünïcödé",
            "@at",
            "`tick",
            "%p",
            "&a",
            "*a",
            "!t",
            "|p",
            ">g",
            "x:",
            "---",
            "...",
            "a\tb",
            "line\nbreak",
            "bell\u0007",
            "--index-url https://example.com/simple",
            "2001-12-14",
            "python=3.10",
            "pip>=23",
            "conda-forge::numpy>=1.20",
            "pkg; python_version<'3.9'",
            "12:30",
            "+1",
            "-0",
            "https://very-long-host.example.com/a/very/long/path/that/goes/on/and/on/past/eighty/columns/for/sure",
            "words that go on and on and on and on and on and on and on and on and on past the width of eighty");

    /**
     * Values of every kind; but not a plain {@code ?x} or {@code :x}, which YAML 1.2 (ruamel) reads
     * as text inside a flow list and SnakeYAML's 1.1 scanner as an indicator (docs/EMULATION.md).
     */
    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(
                        Arbitraries.of(TRICKY),
                        Arbitraries.strings()
                                .withChars("ab-_.=<>: #'\"[]{},!&*|%@`?\t")
                                .ofMinLength(1)
                                .ofMaxLength(12),
                        Arbitraries.strings()
                                .alpha()
                                .numeric()
                                .withChars(' ')
                                .ofMinLength(1)
                                .ofMaxLength(120))
                .filter(v -> !(v.length() > 1 && (v.startsWith("?") || v.startsWith(":")) && v.charAt(1) != ' '));
    }

    @Provide
    Arbitrary<CommentToken> comments() {
        Arbitrary<String> text = Arbitraries.strings()
                .alpha()
                .numeric()
                .withChars(" #:-'\"")
                .ofMaxLength(30)
                .map(t -> "# " + t.strip());
        Arbitrary<List<String>> lines = Arbitraries.oneOf(
                        Arbitraries.just(""),
                        Combinators.combine(Arbitraries.integers().between(0, 8), text)
                                .as((indent, t) -> " ".repeat(indent) + t))
                .list()
                .ofMaxSize(3);
        return Arbitraries.oneOf(
                Combinators.combine(text, Arbitraries.integers().between(0, 90), lines)
                        .as((t, col, ls) -> {
                            StringBuilder v = new StringBuilder(t).append('\n');
                            ls.forEach(l -> v.append(l).append('\n'));
                            return new CommentToken(v.toString(), col);
                        }),
                lines.filter(ls -> !ls.isEmpty()).map(ls -> {
                    StringBuilder v = new StringBuilder("\n");
                    ls.forEach(l -> v.append(l).append('\n'));
                    return new CommentToken(v.toString(), 0);
                }));
    }

    @Provide
    Arbitrary<CondaSpec> specs() {
        Arbitrary<String> v = values();
        Arbitrary<List<CondaDependency>> deps = Combinators.combine(
                        v.list().ofMaxSize(5),
                        v.list().ofMaxSize(5),
                        Arbitraries.integers().between(-1, 5))
                .as((conda, pip, at) -> {
                    List<CondaDependency> d = new ArrayList<>();
                    conda.stream().filter(s -> !s.isBlank()).forEach(s -> d.add(new CondaPackage(s)));
                    if (at >= 0) {
                        d.add(Math.min(at, d.size()), new PipSection(pip));
                    }
                    return d;
                });
        Arbitrary<Map<String, Object>> vars = Combinators.combine(
                        Arbitraries.strings()
                                .alpha()
                                .ofMinLength(1)
                                .ofMaxLength(8)
                                .list()
                                .ofMaxSize(4),
                        v.list().ofSize(4))
                .as((keys, values) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (int i = 0; i < keys.size(); i++) {
                        m.put(keys.get(i), values.get(i));
                    }
                    return m;
                });
        return Combinators.combine(v.injectNull(0.3), v.list().ofMaxSize(4), deps, v.injectNull(0.7), vars)
                .as(CondaSpec::new);
    }

    @Provide
    Arbitrary<CondaDocument> documents() {
        return Combinators.combine(
                        specs(),
                        comments().injectNull(0.6).list().ofSize(40),
                        Arbitraries.of(true, false).list().ofSize(6))
                .as(RoundTripProperties::decorate);
    }

    /** The plain document of a spec, with comments put in the slots ruamel keeps and some lists in flow style. */
    static CondaDocument decorate(CondaSpec spec, List<CommentToken> comments, List<Boolean> flows) {
        int[] next = {0};
        java.util.function.Supplier<CommentToken> comment = () -> comments.get(next[0]++ % comments.size());
        YamlNode.Map root = CondaDocument.plain(spec).root();
        List<YamlNode.Entry> entries = new ArrayList<>();
        int f = 0;
        for (YamlNode.Entry e : root.entries()) {
            YamlNode value = decorateNode(e.value(), comment, flows.get(f++ % flows.size()));
            boolean leaf = value instanceof YamlNode.Scalar
                    || value instanceof YamlNode.Seq s && (s.flow() || s.items().isEmpty())
                    || value instanceof YamlNode.Map m
                            && (m.flow() || m.entries().isEmpty());
            CommentToken post = comment.get();
            // a key's own comment on a block collection must start on the key's line (eol), as the reader finds it
            if (!leaf && post != null && post.value().startsWith("\n")) {
                post = null;
            }
            entries.add(new YamlNode.Entry(e.key(), value, post, List.of()));
        }
        List<CommentToken> head = new ArrayList<>();
        CommentToken h = comment.get();
        if (h != null && !h.value().startsWith("\n")) {
            head.add(new CommentToken(h.value().substring(0, h.value().indexOf('\n') + 1), 0));
        }
        return new CondaDocument(new YamlNode.Map(entries, false, head));
    }

    static YamlNode decorateNode(YamlNode node, java.util.function.Supplier<CommentToken> comment, boolean flow) {
        if (node instanceof YamlNode.Seq seq) {
            if (flow && !seq.items().isEmpty()) {
                return new YamlNode.Seq(seq.items(), true);
            }
            List<YamlNode.Item> items = new ArrayList<>();
            for (YamlNode.Item item : seq.items()) {
                YamlNode value = decorateNode(item.value(), comment, false);
                CommentToken post = value instanceof YamlNode.Scalar ? comment.get() : null;
                items.add(new YamlNode.Item(value, List.of(), post));
            }
            return new YamlNode.Seq(items, false);
        }
        if (node instanceof YamlNode.Map map) {
            if (flow && !map.entries().isEmpty()) {
                return new YamlNode.Map(map.entries(), true, List.of());
            }
            List<YamlNode.Entry> entries = new ArrayList<>();
            for (YamlNode.Entry e : map.entries()) {
                YamlNode value = decorateNode(e.value(), comment, false);
                CommentToken post = value instanceof YamlNode.Scalar ? comment.get() : null;
                entries.add(new YamlNode.Entry(e.key(), value, post, List.of()));
            }
            return new YamlNode.Map(entries, false, List.of());
        }
        return node;
    }

    @Property(tries = 200)
    void theStoredFormGivesBackTheSameDocument(@ForAll("documents") CondaDocument doc) {
        // what a workspace keeps between commands is the whole tree, not a re-read of the text
        CondaDocument back = CondaDocument.fromStored(Path.of("stored"), doc.storedForm());
        assertThat(back).isEqualTo(doc);
        assertThat(back.text()).isEqualTo(doc.text());
    }

    @Property(tries = 400)
    void writingWhatWasReadGivesTheSameBytesAndValues(@ForAll("documents") CondaDocument doc) {
        String first = doc.text();
        CondaDocument read = CondaDocument.parse(Path.of("generated.yml"), first);
        String second = read.text();
        assertThat(second).as("emit(parse(emit(d))) == emit(d)").isEqualTo(first);
        assertThat(CondaDocument.parse(Path.of("generated.yml"), second))
                .as("parse is stable")
                .isEqualTo(read);
        assertThat(read.spec())
                .as("values survive quoting, escaping and folding")
                .isEqualTo(doc.spec());
    }

    @Property(tries = 200)
    void anEditKeepsTheTextStable(@ForAll("documents") CondaDocument doc, @ForAll("specs") CondaSpec edited) {
        CondaDocument reconciled = doc.reconcile(edited);
        String text = reconciled.text();
        CondaDocument read = CondaDocument.parse(Path.of("edited.yml"), text);
        assertThat(read.text()).isEqualTo(text);
        assertThat(read.spec()).isEqualTo(CondaDocument.plain(edited).spec());
    }
}

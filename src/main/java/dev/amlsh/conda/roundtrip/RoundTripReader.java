package dev.amlsh.conda.roundtrip;

import dev.amlsh.conda.TextFile;
import dev.amlsh.conda.YamlNodes;
import dev.amlsh.model.AmlshException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;

/**
 * Reads a conda file into a round-trip document the way ruamel.yaml's {@code round_trip_load}
 * does: structure and scalar styles from SnakeYAML's event stream (its syntax errors keep their
 * line and column), scalar types by YAML 1.2, and comments from the text between events, put
 * where ruamel's scanner puts them: after a value, into that value's comment (through any
 * comment and blank lines that follow); between a key and its block collection, onto the key
 * when the key's line has a comment, else before the collection's first item; before the first
 * key, at the head of the document. Line ends are read as Python's text mode reads them.
 */
public final class RoundTripReader {

    private final String text;
    private final int[] lineStarts;
    private final TextFile file;

    private RoundTripReader(TextFile file) {
        this.file = file;
        this.text = file.text().replace("\r\n", "\n").replace('\r', '\n');
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The document's root mapping; an empty document is an error of the file. */
    public static YamlNode.Map read(TextFile file) {
        return new RoundTripReader(file).document();
    }

    private YamlNode.Map document() {
        Yaml yaml = new Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(YamlNodes.loaderOptions()),
                new org.yaml.snakeyaml.representer.Representer(new DumperOptions()), new DumperOptions(),
                YamlNodes.loaderOptions());
        List<Event> events = new ArrayList<>();
        try {
            for (Event e : yaml.parse(new StringReader(text))) {
                events.add(e);
            }
        } catch (YAMLException e) {
            throw YamlNodes.error(file, e);
        }
        Iterator<Event> it = events.stream()
                .filter(e -> e instanceof ScalarEvent || e instanceof CollectionStartEvent
                        || e instanceof SequenceEndEvent || e instanceof MappingEndEvent)
                .iterator();
        if (!it.hasNext()) {
            throw AmlshException.inFile(file.path(), "is empty: a conda file needs at least a dependencies list");
        }
        Event first = it.next();
        if (!(first instanceof MappingStartEvent start) || start.isFlow()) {
            throw new AmlshException("a conda file must be a block mapping of name, channels, dependencies, ...",
                    file.at(first.getStartMark().getLine() + 1, first.getStartMark().getColumn() + 1));
        }
        List<CommentToken> head = preTokens(0, offset(first.getStartMark()));
        Built root = mapping(start, it, 0);
        YamlNode.Map map = (YamlNode.Map) root.node;
        return new YamlNode.Map(map.entries(), false, head);
    }

    /** A node and, when it ends with a value (not a block collection), where that value ends. */
    private record Built(YamlNode node, int end, boolean leaf) {}

    private Built node(Event event, Iterator<Event> it, int flowLevel) {
        if (event instanceof ScalarEvent scalar) {
            return new Built(scalar(scalar), offset(scalar.getEndMark()), true);
        }
        if (event instanceof SequenceStartEvent seq) {
            return sequence(seq, it, flowLevel);
        }
        if (event instanceof MappingStartEvent map) {
            return mapping(map, it, flowLevel);
        }
        throw new AmlshException("anchors and aliases are not supported in conda files",
                file.at(event.getStartMark().getLine() + 1, event.getStartMark().getColumn() + 1));
    }

    private YamlNode.Scalar scalar(ScalarEvent event) {
        if (event.getTag() != null && !event.getTag().equals("!")) {
            throw new AmlshException("tags (" + event.getTag() + ") are not supported in conda files",
                    file.at(event.getStartMark().getLine() + 1, event.getStartMark().getColumn() + 1));
        }
        if (event.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN) {
            return Yaml12.plain(event.getValue());
        }
        // quoted and block scalars are strings; ruamel drops the quotes where plain reads the same
        return YamlNode.Scalar.string(event.getValue());
    }

    private Built sequence(SequenceStartEvent start, Iterator<Event> it, int flowLevel) {
        boolean flow = start.isFlow();
        int level = flow ? flowLevel + 1 : flowLevel;
        List<YamlNode.Item> items = new ArrayList<>();
        while (true) {
            Event e = it.next();
            if (e instanceof SequenceEndEvent end) {
                if (flow) {
                    // ruamel sets no style on an empty collection: items added later are block style
                    return new Built(new YamlNode.Seq(items, !items.isEmpty()), offset(end.getEndMark()), true);
                }
                return new Built(new YamlNode.Seq(items, false), -1, false);
            }
            Built item = node(e, it, level);
            CommentToken post = null;
            if (item.leaf && level == 0) {
                post = postToken(item.end);
            }
            items.add(new YamlNode.Item(item.node, List.of(), post));
        }
    }

    private Built mapping(MappingStartEvent start, Iterator<Event> it, int flowLevel) {
        boolean flow = start.isFlow();
        int level = flow ? flowLevel + 1 : flowLevel;
        List<YamlNode.Entry> entries = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (true) {
            Event e = it.next();
            if (e instanceof MappingEndEvent end) {
                YamlNode.Map map = new YamlNode.Map(entries, flow && !entries.isEmpty(), List.of());
                return flow ? new Built(map, offset(end.getEndMark()), true) : new Built(map, -1, false);
            }
            if (!(e instanceof ScalarEvent keyEvent)) {
                throw new AmlshException("a key must be a single value",
                        file.at(e.getStartMark().getLine() + 1, e.getStartMark().getColumn() + 1));
            }
            String key = keyEvent.getValue();
            if (!seen.add(key)) {
                throw new AmlshException("duplicate key '" + key + "'",
                        file.at(keyEvent.getStartMark().getLine() + 1, keyEvent.getStartMark().getColumn() + 1));
            }
            int afterKey = afterColon(offset(keyEvent.getEndMark()));
            Event valueEvent = it.next();
            if (valueEvent instanceof ScalarEvent scalar && scalar.getValue().isEmpty()
                    && scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN) {
                // an empty value: its comment starts after the key's colon
                CommentToken post = level == 0 ? postToken(afterKey) : null;
                entries.add(new YamlNode.Entry(key, YamlNode.Scalar.nullValue(), post, List.of()));
                continue;
            }
            boolean blockCollection = valueEvent instanceof CollectionStartEvent c && !c.isFlow();
            if (blockCollection && level == 0) {
                int valueStart = offset(valueEvent.getStartMark());
                CommentToken keyComment = keyLineComment(afterKey, valueStart);
                List<CommentToken> pre = keyComment == null ? preTokens(lineEnd(afterKey) + 1, lineStartOf(valueStart)) : List.of();
                Built value = node(valueEvent, it, level);
                YamlNode node = value.node;
                List<CommentToken> entryPre = List.of();
                if (!pre.isEmpty() && node instanceof YamlNode.Seq seq && !seq.items().isEmpty()) {
                    List<YamlNode.Item> items = new ArrayList<>(seq.items());
                    YamlNode.Item first = items.get(0);
                    items.set(0, new YamlNode.Item(first.value(), pre, first.post()));
                    node = new YamlNode.Seq(items, false);
                } else if (!pre.isEmpty()) {
                    entryPre = pre;
                }
                entries.add(new YamlNode.Entry(key, node, keyComment, entryPre));
                continue;
            }
            Built value = node(valueEvent, it, level);
            CommentToken post = value.leaf && level == 0 ? postToken(value.end) : null;
            entries.add(new YamlNode.Entry(key, value.node, post, List.of()));
        }
    }

    // text positions

    private int offset(Mark mark) {
        int line = Math.min(mark.getLine(), lineStarts.length - 1);
        return Math.min(lineStarts[line] + mark.getColumn(), text.length());
    }

    private int lineEnd(int offset) {
        int end = text.indexOf('\n', offset);
        return end < 0 ? text.length() : end;
    }

    private int lineStartOf(int offset) {
        return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
    }

    private int afterColon(int offset) {
        int i = offset;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i < text.length() && text.charAt(i) == ':' ? i + 1 : offset;
    }

    /** The comment on a line after {@code from}, as (text from '#', column), or null. */
    private CommentToken eolComment(int from) {
        int end = lineEnd(from);
        String rest = text.substring(Math.min(from, end), end);
        int hash = rest.indexOf('#');
        if (hash < 0 || !rest.substring(0, hash).isBlank()) {
            return null;
        }
        int at = from + hash;
        return new CommentToken(text.substring(at, end), at - lineStartOf(at));
    }

    /** Full lines after {@code from}'s line that are blank or only a comment, up to the first other line. */
    private List<String> commentLines(int lineStart) {
        List<String> lines = new ArrayList<>();
        int i = lineStart;
        while (i < text.length()) {
            int end = lineEnd(i);
            String line = text.substring(i, end);
            String stripped = line.strip();
            if (!stripped.isEmpty() && !stripped.startsWith("#")) {
                break;
            }
            if (end >= text.length() && line.isEmpty()) {
                break;
            }
            lines.add(stripped.isEmpty() ? "" : line.stripTrailing());
            i = end + 1;
        }
        return lines;
    }

    /** The comment after a value: its end-of-line comment and the comment and blank lines that follow. */
    private CommentToken postToken(int valueEnd) {
        CommentToken eol = eolComment(valueEnd);
        int next = lineEnd(valueEnd) + 1;
        List<String> lines = next <= text.length() ? commentLines(next) : List.of();
        if (eol == null && lines.isEmpty()) {
            return null;
        }
        StringBuilder value = new StringBuilder(eol == null ? "" : eol.value()).append('\n');
        for (String line : lines) {
            value.append(line).append('\n');
        }
        return new CommentToken(value.toString(), eol == null ? 0 : eol.column());
    }

    /** The comment on a key's line (with the lines after it up to the value), or null when none. */
    private CommentToken keyLineComment(int afterKey, int valueStart) {
        CommentToken eol = eolComment(afterKey);
        if (eol == null) {
            return null;
        }
        StringBuilder value = new StringBuilder(eol.value()).append('\n');
        int i = lineEnd(afterKey) + 1;
        int stop = lineStartOf(valueStart);
        while (i < stop && i < text.length()) {
            int end = lineEnd(i);
            String line = text.substring(i, end);
            value.append(line.isBlank() ? "" : line.stripTrailing()).append('\n');
            i = end + 1;
        }
        return new CommentToken(value.toString(), eol.column());
    }

    /**
     * Comment lines before a collection's first item, one token per comment line with the blank
     * lines after it; blank lines before the first comment are tokens of their own.
     */
    private List<CommentToken> preTokens(int from, int to) {
        List<CommentToken> tokens = new ArrayList<>();
        int i = from;
        while (i < to && i < text.length()) {
            int end = lineEnd(i);
            String line = text.substring(i, end);
            if (line.isBlank()) {
                if (tokens.isEmpty() || tokens.get(tokens.size() - 1).value().equals("\n")) {
                    tokens.add(new CommentToken("\n", 0));
                } else {
                    CommentToken last = tokens.remove(tokens.size() - 1);
                    tokens.add(new CommentToken(last.value() + "\n", last.column()));
                }
            } else {
                int hash = line.indexOf('#');
                if (hash >= 0 && line.substring(0, hash).isBlank()) {
                    tokens.add(new CommentToken(line.substring(hash).stripTrailing() + "\n", hash));
                }
            }
            i = end + 1;
        }
        return tokens;
    }
}

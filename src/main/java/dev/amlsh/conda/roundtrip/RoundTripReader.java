package dev.amlsh.conda.roundtrip;

import dev.amlsh.conda.TextFile;
import dev.amlsh.conda.YamlNodes;
import dev.amlsh.model.AmlshException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;

/**
 * Reads a conda file into a round-trip document the way ruamel.yaml 0.17.4's
 * {@code round_trip_load} does. Structure and scalar styles come from SnakeYAML's event stream
 * (so its syntax errors keep their line and column); scalar types follow YAML 1.2. Comments come
 * from the text after each token, scanned as ruamel's {@code RoundTripScanner} scans it and given
 * where it gives them: comments starting on a value's line (a scalar, a key's colon, a flow
 * collection's end) become that token's comment, together with every comment and blank line up
 * to the next token; after a scalar, comments on later lines do too; any other comments wait for
 * the next token: the next item (before its dash), the next key (before it; the first key of a
 * mapping: before the mapping), or the end of the document. Line ends are read as Python's text
 * mode reads them.
 */
public final class RoundTripReader {

    /** What the token before a run of comments was; ruamel attaches comments by it. */
    private enum Before {
        SCALAR,
        VALUE_INDICATOR,
        FLOW_END,
        OTHER
    }

    /** A comment token as ruamel's scanner makes it: its text, and where it starts. */
    private record Scanned(String value, int line, int column) {}

    private final TextFile file;
    private final String text;
    private final int[] lineStarts;
    /** Comments waiting for the next token (ruamel's pre comments). */
    private List<CommentToken> pending = new ArrayList<>();

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
        Yaml yaml = new Yaml(
                new org.yaml.snakeyaml.constructor.SafeConstructor(YamlNodes.loaderOptions()),
                new org.yaml.snakeyaml.representer.Representer(new DumperOptions()),
                new DumperOptions(),
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
                .filter(e -> e instanceof NodeEvent || e instanceof SequenceEndEvent || e instanceof MappingEndEvent)
                .iterator();
        if (!it.hasNext()) {
            throw AmlshException.inFile(file.path(), "is empty: a conda file needs at least a dependencies list");
        }
        Event first = it.next();
        if (!(first instanceof MappingStartEvent start) || start.isFlow()) {
            throw problem(first, "a conda file must be a block mapping of name, channels, dependencies, ...");
        }
        if (it.hasNext()
                && events.stream()
                                .filter(e -> e instanceof org.yaml.snakeyaml.events.DocumentStartEvent)
                                .count()
                        > 1) {
            throw AmlshException.inFile(file.path(), "holds more than one YAML document: a conda file is one mapping");
        }
        attach(Before.OTHER, 0, -1);
        List<CommentToken> head = takePending();
        YamlNode.Map body = mapping(start, it, 0);
        // whatever no token took is the document's end comment
        return new YamlNode.Map(body.entries(), false, head, takePending());
    }

    private AmlshException problem(Event event, String message) {
        Mark mark = event.getStartMark();
        return new AmlshException(message, file.at(mark.getLine() + 1, mark.getColumn() + 1));
    }

    // structure

    /** A value, and the comment its last token took (null when none, or when it ends a block collection). */
    private record Built(YamlNode node, CommentToken post) {}

    private Built value(Event event, Iterator<Event> it, int flowLevel) {
        if (event instanceof ScalarEvent scalar) {
            YamlNode.Scalar node = scalar(scalar);
            return new Built(
                    node,
                    flowLevel == 0
                            ? attach(Before.SCALAR, offset(scalar.getEndMark()), line(scalar.getEndMark()))
                            : null);
        }
        if (event instanceof SequenceStartEvent seq) {
            return sequence(seq, it, flowLevel);
        }
        if (event instanceof MappingStartEvent map) {
            YamlNode.Map node = mapping(map, it, flowLevel);
            return new Built(node, flowLevel == 0 && map.isFlow() ? flowEnd : null);
        }
        if (event instanceof AliasEvent) {
            throw problem(event, "aliases (*name) are not supported in conda files");
        }
        throw problem(event, "unexpected YAML here");
    }

    /** The comment a flow collection's end took (set when a top-level flow collection ends). */
    private CommentToken flowEnd;

    private YamlNode.Scalar scalar(ScalarEvent event) {
        if (event.getAnchor() != null) {
            throw problem(event, "anchors (&" + event.getAnchor() + ") are not supported in conda files");
        }
        if (event.getTag() != null && !event.getTag().equals("!")) {
            throw problem(event, "tags (" + event.getTag() + ") are not supported in conda files");
        }
        if (event.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN) {
            return Yaml12.plain(event.getValue());
        }
        // quoted and block scalars are strings; ruamel drops the quotes where plain reads the same
        return YamlNode.Scalar.string(event.getValue());
    }

    private Built sequence(SequenceStartEvent start, Iterator<Event> it, int flowLevel) {
        rejectAnchor(start);
        boolean flow = start.isFlow();
        int level = flow ? flowLevel + 1 : flowLevel;
        List<YamlNode.Item> items = new ArrayList<>();
        while (true) {
            Event e = it.next();
            if (e instanceof SequenceEndEvent end) {
                if (!flow) {
                    return new Built(new YamlNode.Seq(items, false), null);
                }
                // ruamel sets no style on an empty collection: items added later are block style
                YamlNode.Seq seq = new YamlNode.Seq(items, !items.isEmpty());
                return new Built(
                        seq,
                        flowLevel == 0
                                ? attach(Before.FLOW_END, offset(end.getEndMark()), line(end.getEndMark()))
                                : null);
            }
            List<CommentToken> pre = level == 0 ? takePending() : List.of();
            Built item = value(e, it, level);
            items.add(new YamlNode.Item(item.node(), pre, item.post()));
        }
    }

    private YamlNode.Map mapping(MappingStartEvent start, Iterator<Event> it, int flowLevel) {
        rejectAnchor(start);
        boolean flow = start.isFlow();
        int level = flow ? flowLevel + 1 : flowLevel;
        List<YamlNode.Entry> entries = new ArrayList<>();
        List<CommentToken> mapPre = List.of();
        Set<String> seen = new HashSet<>();
        while (true) {
            Event e = it.next();
            if (e instanceof MappingEndEvent end) {
                YamlNode.Map map = new YamlNode.Map(entries, flow && !entries.isEmpty(), mapPre);
                if (flow && flowLevel == 0) {
                    flowEnd = attach(Before.FLOW_END, offset(end.getEndMark()), line(end.getEndMark()));
                }
                return map;
            }
            if (!(e instanceof ScalarEvent keyEvent)) {
                throw problem(e, "a key must be a single value");
            }
            String key = keyEvent.getValue();
            if (!seen.add(key)) {
                throw problem(keyEvent, "duplicate key '" + key + "'");
            }
            List<CommentToken> keyPre = level == 0 ? takePending() : List.of();
            if (entries.isEmpty() && !keyPre.isEmpty()) {
                mapPre = keyPre; // before a mapping's first key: the mapping's own comment
                keyPre = List.of();
            }
            Event valueEvent = it.next();
            boolean onLaterLine =
                    valueEvent.getStartMark().getLine() > keyEvent.getEndMark().getLine()
                            || valueEvent instanceof ScalarEvent s
                                    && s.getValue().isEmpty()
                                    && s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
            CommentToken post = null;
            if (level == 0 && onLaterLine) {
                // the colon is the token before whatever comes next
                int colon = afterColon(offset(keyEvent.getEndMark()));
                post = attach(Before.VALUE_INDICATOR, colon, lineOf(colon));
            }
            List<CommentToken> valuePre = List.of();
            Built value;
            if (valueEvent instanceof ScalarEvent s
                    && s.getValue().isEmpty()
                    && s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN) {
                value = new Built(YamlNode.Scalar.nullValue(), null);
            } else {
                value = value(valueEvent, it, level);
                if (value.node() instanceof YamlNode.Map child && !child.pre().isEmpty()) {
                    valuePre = child.pre(); // ruamel keeps them in the parent's slot 3 as well; written once
                    value = new Built(
                            new YamlNode.Map(child.entries(), child.flow(), List.of(), child.end()), value.post());
                }
            }
            entries.add(new YamlNode.Entry(key, value.node(), post != null ? post : value.post(), valuePre, keyPre));
        }
    }

    private void rejectAnchor(CollectionStartEvent event) {
        if (event.getAnchor() != null) {
            throw problem(event, "anchors (&" + event.getAnchor() + ") are not supported in conda files");
        }
        if (event.getTag() != null && !event.getTag().equals("!")) {
            throw problem(event, "tags (" + event.getTag() + ") are not supported in conda files");
        }
    }

    private List<CommentToken> takePending() {
        List<CommentToken> taken = pending;
        pending = new ArrayList<>();
        return taken;
    }

    // comments

    /**
     * Scans the comments after a token ending at {@code from} and gives them out as ruamel's
     * {@code get_token} does: the token's own comment (returned), or pre comments for the next token.
     */
    private CommentToken attach(Before before, int from, int tokenLine) {
        List<Scanned> comments = scan(from);
        if (comments.isEmpty()) {
            return null;
        }
        Scanned first = comments.get(0);
        StringBuilder value;
        if (before != Before.OTHER && first.line() == tokenLine) {
            value = new StringBuilder(first.value());
        } else if (before == Before.SCALAR) {
            value = new StringBuilder("\n".repeat(first.line() - tokenLine))
                    .append(" ".repeat(first.column()))
                    .append(first.value());
        } else {
            for (Scanned c : comments) {
                pending.add(new CommentToken(c.value(), c.column()));
            }
            return null;
        }
        for (Scanned c : comments.subList(1, comments.size())) {
            value.append(" ".repeat(c.column())).append(c.value());
        }
        return new CommentToken(value.toString(), first.column());
    }

    /** ruamel's {@code RoundTripScanner.scan_to_next_token}, repeated up to the next real token. */
    private List<Scanned> scan(int from) {
        List<Scanned> out = new ArrayList<>();
        int pos = from;
        while (true) {
            while (pos < text.length() && text.charAt(pos) == ' ') {
                pos++;
            }
            if (pos >= text.length()) {
                return out;
            }
            char ch = text.charAt(pos);
            if (ch == '#') {
                int start = pos;
                StringBuilder comment = new StringBuilder();
                while (true) {
                    if (pos >= text.length()) {
                        comment.append('\n'); // a stream ends with a line break
                        break;
                    }
                    char c = text.charAt(pos++);
                    comment.append(c);
                    if (c == '\n') {
                        break;
                    }
                }
                while (pos < text.length() && text.charAt(pos) == '\n') { // blank lines right after it
                    comment.append('\n');
                    pos++;
                }
                out.add(new Scanned(
                        stripTrailingSpaces(comment.toString()), lineOf(start), start - lineStarts[lineOf(start)]));
            } else if (ch == '\n') {
                pos++;
                int start = pos;
                if (pos < text.length() && text.charAt(pos) == '\n') { // empty lines
                    StringBuilder comment = new StringBuilder();
                    while (pos < text.length() && " \t\n".indexOf(text.charAt(pos)) >= 0) {
                        comment.append(text.charAt(pos++));
                    }
                    String value = comment.toString();
                    if (pos < text.length() && text.charAt(pos) == '#') {
                        value = value.substring(0, value.lastIndexOf('\n')) + "\n";
                    }
                    out.add(new Scanned(stripTrailingSpaces(value), lineOf(start), 0));
                }
            } else {
                return out;
            }
        }
    }

    private static String stripTrailingSpaces(String value) {
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == ' ') {
            end--;
        }
        return value.substring(0, end);
    }

    // text positions

    private int offset(Mark mark) {
        int line = Math.min(mark.getLine(), lineStarts.length - 1);
        return Math.min(lineStarts[line] + mark.getColumn(), text.length());
    }

    private static int line(Mark mark) {
        return mark.getLine();
    }

    private int lineOf(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private int afterColon(int offset) {
        int i = offset;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i < text.length() && text.charAt(i) == ':' ? i + 1 : offset;
    }
}

package dev.amlsh.conda.roundtrip;

import dev.amlsh.conda.roundtrip.RoundTripEmitter.Event;
import dev.amlsh.conda.roundtrip.RoundTripEmitter.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * ruamel.yaml's round-trip representer and serializer: a document to the emitter's events, each
 * carrying the comments its collection keeps for it (a mapping value gets its key's slots 2 and
 * 3, a sequence item its index's slots 0 and 1; a flow collection's comment goes after its end).
 */
final class RoundTripWriter {

    private final List<Event> events = new ArrayList<>();

    private RoundTripWriter() {}

    static String write(YamlNode.Map root) {
        RoundTripWriter writer = new RoundTripWriter();
        writer.node(root, null, root.pre().isEmpty() ? null : root.pre(), true);
        return RoundTripEmitter.emit(writer.events);
    }

    private void node(YamlNode node, CommentToken post, List<CommentToken> pre, boolean root) {
        if (node instanceof YamlNode.Scalar scalar) {
            events.add(scalarEvent(scalar, root, post, pre));
        } else if (node instanceof YamlNode.Seq seq) {
            {
                // departure: ruamel 0.17.4 writes an emptied block list whose key has a comment as
                // 'key: # c' then '[]' on the next line and breaks the next key ('dependencies: -');
                // amlsh writes it as the empty flow list it is, the comment after it
                boolean flow = seq.flow() || seq.items().isEmpty() && post != null;
                events.add(
                        new Event(Type.SEQ_START, null, false, flow, seq.items().size(), flow ? null : post, pre));
                for (YamlNode.Item item : seq.items()) {
                    node(item.value(), item.post(), item.pre().isEmpty() ? null : item.pre(), false);
                }
                events.add(new Event(Type.SEQ_END, null, false, flow, 0, flow ? post : null, null));
            }
        } else if (node instanceof YamlNode.Map map) {
            {
                boolean flow = map.flow() || map.entries().isEmpty() && post != null; // as for lists above
                List<CommentToken> mapPre = pre != null ? pre : map.pre().isEmpty() ? null : map.pre();
                events.add(new Event(
                        Type.MAP_START, null, false, flow, map.entries().size(), flow ? null : post, mapPre));
                for (YamlNode.Entry entry : map.entries()) {
                    events.add(scalarEvent(
                            YamlNode.Scalar.string(entry.key()),
                            false,
                            null,
                            entry.keyPre().isEmpty() ? null : entry.keyPre()));
                    node(entry.value(), entry.post(), entry.pre().isEmpty() ? null : entry.pre(), false);
                }
                events.add(new Event(
                        Type.MAP_END,
                        null,
                        false,
                        flow,
                        0,
                        flow ? post : null,
                        map.end().isEmpty() ? null : map.end()));
            }
        }
    }

    private static Event scalarEvent(YamlNode.Scalar scalar, boolean root, CommentToken post, List<CommentToken> pre) {
        YamlNode.Scalar written = scalar;
        if (scalar.kind() == YamlNode.Kind.NULL) {
            // ruamel's represent_none: 'null' only for a document that is nothing but null
            written = new YamlNode.Scalar(null, YamlNode.Kind.NULL, root ? "null" : "");
        }
        // plain is possible only when reading the plain text back gives the same type
        boolean implicit = Yaml12.resolve(written.text()) == written.kind() || written.kind() == YamlNode.Kind.NULL;
        return new Event(Type.SCALAR, written, implicit, false, 0, post, pre);
    }
}

package dev.amlsh.conda.roundtrip;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The form a workspace keeps a draft's conda document in between commands: the whole tree as
 * JSON, so that what the SDK's in-memory {@code CommentedMap} keeps from one edit to the next
 * survives, where the written text would lose it (a comment's original column once a longer
 * value pushed it right, the flow style of a list an edit emptied, the list a comment below an
 * empty {@code []} belongs to). A conda file can never be this JSON: its key
 * {@code amlshCondaDocument} is not a conda key, so older rows holding the text still read.
 */
final class StoredDocument {

    static final String MARKER = "{\"amlshCondaDocument\":1,";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private StoredDocument() {}

    static boolean isStored(String text) {
        return text.startsWith(MARKER);
    }

    static String write(YamlNode.Map root) {
        ObjectNode top = MAPPER.createObjectNode();
        top.put("amlshCondaDocument", 1);
        top.set("root", node(root));
        return MAPPER.writeValueAsString(top);
    }

    static YamlNode.Map read(String stored) {
        try {
            return (YamlNode.Map) node(MAPPER.readTree(stored).get("root"));
        } catch (RuntimeException e) { // JacksonException is one
            throw new IllegalArgumentException("not a stored conda document: " + e.getMessage(), e);
        }
    }

    private static ObjectNode node(YamlNode node) {
        ObjectNode out = MAPPER.createObjectNode();
        if (node instanceof YamlNode.Scalar s) {
            out.put("scalar", s.kind().name());
            out.put("value", s.value());
            out.put("text", s.text());
        } else if (node instanceof YamlNode.Seq seq) {
            out.put("seq", seq.flow());
            ArrayNode items = out.putArray("items");
            for (YamlNode.Item item : seq.items()) {
                ObjectNode i = items.addObject();
                i.set("value", node(item.value()));
                i.set("pre", comments(item.pre()));
                i.set("post", comment(item.post()));
            }
        } else if (node instanceof YamlNode.Map map) {
            out.put("map", map.flow());
            out.set("pre", comments(map.pre()));
            out.set("end", comments(map.end()));
            ArrayNode entries = out.putArray("entries");
            for (YamlNode.Entry entry : map.entries()) {
                ObjectNode e = entries.addObject();
                e.put("key", entry.key());
                e.set("value", node(entry.value()));
                e.set("post", comment(entry.post()));
                e.set("pre", comments(entry.pre()));
                e.set("keyPre", comments(entry.keyPre()));
            }
        }
        return out;
    }

    private static YamlNode node(JsonNode json) {
        if (json.has("scalar")) {
            return new YamlNode.Scalar(
                    string(json.get("value")),
                    YamlNode.Kind.valueOf(json.get("scalar").stringValue()),
                    string(json.get("text")));
        }
        if (json.has("seq")) {
            List<YamlNode.Item> items = new ArrayList<>();
            for (JsonNode i : json.get("items")) {
                items.add(new YamlNode.Item(node(i.get("value")), comments(i.get("pre")), comment(i.get("post"))));
            }
            return new YamlNode.Seq(items, json.get("seq").booleanValue());
        }
        List<YamlNode.Entry> entries = new ArrayList<>();
        for (JsonNode e : json.get("entries")) {
            entries.add(new YamlNode.Entry(
                    e.get("key").stringValue(),
                    node(e.get("value")),
                    comment(e.get("post")),
                    comments(e.get("pre")),
                    comments(e.get("keyPre"))));
        }
        return new YamlNode.Map(
                entries, json.get("map").booleanValue(), comments(json.get("pre")), comments(json.get("end")));
    }

    private static String string(JsonNode json) {
        return json == null || json.isNull() ? null : json.stringValue();
    }

    private static JsonNode comment(CommentToken token) {
        if (token == null) {
            return MAPPER.nullNode();
        }
        ObjectNode out = MAPPER.createObjectNode();
        out.put("value", token.value());
        out.put("column", token.column());
        return out;
    }

    private static CommentToken comment(JsonNode json) {
        return json == null || json.isNull()
                ? null
                : new CommentToken(
                        json.get("value").stringValue(), json.get("column").intValue());
    }

    private static ArrayNode comments(List<CommentToken> tokens) {
        ArrayNode out = MAPPER.createArrayNode();
        tokens.forEach(t -> out.add(comment(t)));
        return out;
    }

    private static List<CommentToken> comments(JsonNode json) {
        List<CommentToken> out = new ArrayList<>();
        for (JsonNode t : json) {
            out.add(comment(t));
        }
        return out;
    }
}

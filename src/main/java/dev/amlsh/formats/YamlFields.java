package dev.amlsh.formats;

import dev.amlsh.conda.TextFile;
import dev.amlsh.conda.YamlNodes;
import dev.amlsh.model.AmlshException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One YAML mapping read key by key from composed nodes, so every problem names the line and
 * column of the key or value at fault. Keys are unique; a key given twice is an error at its
 * second place.
 */
final class YamlFields {

    private final TextFile file;
    private final String path;
    private final Map<String, NodeTuple> tuples;
    private final Node node;

    private YamlFields(TextFile file, String path, Node node, Map<String, NodeTuple> tuples) {
        this.file = file;
        this.path = path;
        this.node = node;
        this.tuples = tuples;
    }

    static YamlFields of(TextFile file, String path, Node node, String what) {
        if (!(node instanceof MappingNode map)) {
            throw problem(file, node, what + " must be a mapping of keys to values, not " + describe(node));
        }
        Map<String, NodeTuple> tuples = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            Node key = tuple.getKeyNode();
            if (!(key instanceof ScalarNode scalar) || key.getTag().equals(Tag.MERGE)) {
                throw problem(file, key, "a key must be a single value");
            }
            if (tuples.put(scalar.getValue(), tuple) != null) {
                throw problem(file, key, "duplicate key '" + qualified(path, scalar.getValue()) + "'");
            }
        }
        return new YamlFields(file, path, node, tuples);
    }

    Set<String> keys() {
        return tuples.keySet();
    }

    boolean has(String key) {
        return tuples.containsKey(key);
    }

    void rejectUnknown(Set<String> known, String what) {
        List<AmlshException> unknown = unknownKeys(known, what);
        if (!unknown.isEmpty()) {
            throw unknown.get(0);
        }
    }

    /** One problem per key not in {@code known}, in the file's order. */
    List<AmlshException> unknownKeys(Set<String> known, String what) {
        List<AmlshException> problems = new ArrayList<>();
        for (Map.Entry<String, NodeTuple> e : tuples.entrySet()) {
            if (!known.contains(e.getKey())) {
                problems.add(problem(
                        file,
                        e.getValue().getKeyNode(),
                        "unknown key '" + qualified(path, e.getKey()) + "' in " + what + " (allowed: "
                                + String.join(", ", known.stream().sorted().toList()) + ")"));
            }
        }
        return problems;
    }

    Node keyNode(String key) {
        return tuples.get(key).getKeyNode();
    }

    Node value(String key) {
        NodeTuple tuple = tuples.get(key);
        return tuple == null ? null : tuple.getValueNode();
    }

    /** A scalar's text; null when absent or YAML null; an error for a list or mapping. */
    String string(String key) {
        Node v = value(key);
        if (v == null || isNull(v)) {
            return null;
        }
        if (v instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        throw problem(file, v, "'" + qualified(path, key) + "' must be a single value, not " + describe(v));
    }

    YamlFields object(String key, String what) {
        return of(file, qualified(path, key), value(key), what);
    }

    Map<String, String> stringMap(String key) {
        Node v = value(key);
        if (v == null || isNull(v)) {
            return Map.of();
        }
        YamlFields fields = object(key, "'" + qualified(path, key) + "'");
        Map<String, String> result = new LinkedHashMap<>();
        for (String k : fields.keys()) {
            String value = fields.string(k);
            result.put(k, value == null ? "" : value);
        }
        return result;
    }

    AmlshException problemAt(Node at, String message) {
        return problem(file, at, message);
    }

    AmlshException problemHere(String message) {
        return problem(file, node, message);
    }

    TextFile file() {
        return file;
    }

    static boolean isNull(Node node) {
        return YamlNodes.isNull(node);
    }

    static AmlshException problem(TextFile file, Node node, String message) {
        return YamlNodes.problem(file, node, message);
    }

    static String describe(Node node) {
        return YamlNodes.describe(node);
    }

    private static String qualified(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static Set<String> set(String... keys) {
        return new HashSet<>(java.util.Arrays.asList(keys));
    }
}

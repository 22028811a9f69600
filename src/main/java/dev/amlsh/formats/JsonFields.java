package dev.amlsh.formats;

import dev.amlsh.model.AmlshException;
import dev.amlsh.model.YamlScalars;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One JSON object of a {@link JsonDocument}, read field by field with types checked: a wrong
 * type is an error at that value's line and column, naming the field's path.
 */
final class JsonFields {

    private final JsonDocument doc;
    private final String pointer;
    private final String path;
    private final Map<String, Object> map;

    private JsonFields(JsonDocument doc, String pointer, String path, Map<String, Object> map) {
        this.doc = doc;
        this.pointer = pointer;
        this.path = path;
        this.map = map;
    }

    @SuppressWarnings("unchecked")
    static JsonFields of(JsonDocument doc, String pointer, String path, Object value) {
        if (!(value instanceof Map)) {
            throw doc.problem(
                    pointer,
                    (path.isEmpty() ? "the document" : "'" + path + "'") + " must be a JSON object, not "
                            + describe(value));
        }
        return new JsonFields(doc, pointer, path, (Map<String, Object>) value);
    }

    boolean has(String key) {
        return map.containsKey(key);
    }

    /** Keys outside {@code known}, in order. */
    List<String> unknownKeys(Set<String> known) {
        return map.keySet().stream().filter(k -> !known.contains(k)).toList();
    }

    void rejectUnknown(Set<String> known) {
        for (String key : unknownKeys(known)) {
            throw problem(
                    key,
                    "unknown key '" + qualified(key) + "' (amlsh reads the SDK v1 keys: "
                            + String.join(", ", known.stream().sorted().toList()) + ")");
        }
    }

    Object raw(String key) {
        return map.get(key);
    }

    String string(String key, String absent) {
        if (!map.containsKey(key)) {
            return absent;
        }
        Object v = map.get(key);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        if (v instanceof Number) {
            return v.toString();
        }
        throw problem(key, "'" + qualified(key) + "' must be a string, not " + describe(v));
    }

    /** A whole number (a port); an error for anything else. */
    long integer(String key) {
        Object v = map.get(key);
        if ((v instanceof Long || v instanceof Integer || v instanceof java.math.BigInteger)
                && ((Number) v).longValue() >= 0
                && ((Number) v).longValue() <= 65535) {
            return ((Number) v).longValue();
        }
        throw problem(key, "'" + qualified(key) + "' must be a port number (0 to 65535), not " + describe(v));
    }

    boolean bool(String key, boolean absent) {
        Boolean b = optionalBool(key);
        return b == null ? absent : b;
    }

    Boolean optionalBool(String key) {
        Object v = map.get(key);
        if (v == null || v instanceof Boolean) {
            return (Boolean) v;
        }
        throw problem(key, "'" + qualified(key) + "' must be true or false, not " + describe(v));
    }

    JsonFields object(String key) {
        return of(doc, child(key), qualified(key), map.get(key));
    }

    /** A list of plain values; null or absent is the empty list. */
    List<Object> list(String key) {
        Object v = map.get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        throw problem(key, "'" + qualified(key) + "' must be a list, not " + describe(v));
    }

    List<String> strings(String key) {
        List<Object> items = list(key);
        List<String> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (!(item instanceof String s)) {
                throw doc.problem(
                        child(key) + "/" + i,
                        "an entry of '" + qualified(key) + "' must be a string, not " + describe(item));
            }
            result.add(s);
        }
        return result;
    }

    /** Each entry of a list of objects, read by {@code reader}. */
    <T> List<T> objects(String key, Function<JsonFields, T> reader) {
        List<Object> items = list(key);
        List<T> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            result.add(reader.apply(of(doc, child(key) + "/" + i, qualified(key) + "[" + i + "]", items.get(i))));
        }
        return result;
    }

    /** A map of string values (numbers and booleans as their text); null or absent is empty. */
    Map<String, String> stringMap(String key) {
        Object v = map.get(key);
        if (v == null) {
            return Map.of();
        }
        JsonFields fields = of(doc, child(key), qualified(key), v);
        Map<String, String> result = new LinkedHashMap<>();
        for (String k : fields.map.keySet()) {
            Object value = fields.map.get(k);
            if (value instanceof Map || value instanceof List) {
                throw fields.problem(k, "'" + fields.qualified(k) + "' must be a string, not " + describe(value));
            }
            result.put(k, value == null ? null : value.toString());
        }
        return result;
    }

    /** An object of scalars (strings, numbers, booleans, null) in order, typed as {@link YamlScalars} values. */
    Map<String, Object> scalarMap(String key) {
        Object v = map.get(key);
        if (v == null) {
            return Map.of();
        }
        JsonFields fields = of(doc, child(key), qualified(key), v);
        Map<String, Object> result = new LinkedHashMap<>();
        for (String k : fields.map.keySet()) {
            Object value = fields.map.get(k);
            if (value instanceof Map || value instanceof List) {
                throw fields.problem(k, "'" + fields.qualified(k) + "' must be a single value, not " + describe(value));
            }
            result.put(k, YamlScalars.fromJson(value));
        }
        return result;
    }

    AmlshException problem(String key, String message) {
        return doc.problem(child(key), message);
    }

    AmlshException problemHere(String message) {
        return doc.problem(pointer, message);
    }

    JsonDocument document() {
        return doc;
    }

    String child(String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    String qualified(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map) {
            return "an object";
        }
        if (v instanceof List) {
            return "a list";
        }
        if (v instanceof String) {
            return "a string";
        }
        if (v instanceof Boolean) {
            return "a boolean";
        }
        return "a number";
    }
}

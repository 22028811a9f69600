package dev.amlsh.formats;

import dev.amlsh.model.YamlScalars;
import java.util.List;
import java.util.Map;

/**
 * Writes plain values (maps in their order, lists, strings, numbers, booleans, null) as JSON
 * the way Python's {@code json.dumps(obj, indent=N)} does: {@code "key": value}, items on
 * their own lines, {@code []} and {@code {}} for empty containers, no trailing newline. With
 * {@code asciiOnly} every non-ASCII character is a lowercase {@code \\uXXXX} escape
 * ({@code ensure_ascii=True}, what the SDK writes).
 */
public final class JsonText {

    private final String indent;
    private final boolean asciiOnly;

    private JsonText(int indent, boolean asciiOnly) {
        this.indent = " ".repeat(indent);
        this.asciiOnly = asciiOnly;
    }

    /** The SDK's files: 4 spaces, ASCII only. */
    public static JsonText sdk() {
        return new JsonText(4, true);
    }

    /** amlsh's {@code -o json}: 2 spaces, UTF-8 text kept as it is. */
    public static JsonText output() {
        return new JsonText(2, false);
    }

    public String write(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value, 0);
        return out.toString();
    }

    private void append(StringBuilder out, Object value, int level) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Double d) {
            out.append(YamlScalars.pythonRepr(d)); // json.dumps prints floats as repr() does
        } else if (value instanceof Boolean || value instanceof Number) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            String sep = "\n";
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(sep).append(indent.repeat(level + 1));
                string(out, String.valueOf(e.getKey()));
                out.append(": ");
                append(out, e.getValue(), level + 1);
                sep = ",\n";
            }
            out.append('\n').append(indent.repeat(level)).append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            String sep = "\n";
            for (Object item : list) {
                out.append(sep).append(indent.repeat(level + 1));
                append(out, item, level + 1);
                sep = ",\n";
            }
            out.append('\n').append(indent.repeat(level)).append(']');
        } else {
            string(out, value.toString());
        }
    }

    private void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || (asciiOnly && c > 0x7E && c != 0x7F)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}

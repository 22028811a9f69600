package dev.amlsh.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Collects changes field by field; keyed lists are compared by key, in the order of the second side. */
final class FieldComparison {

    private final List<Change> changes = new ArrayList<>();

    void value(String field, Object before, Object after) {
        String a = before == null ? null : before.toString();
        String b = after == null ? null : after.toString();
        if (Objects.equals(a, b)) {
            return;
        }
        if (a == null) {
            changes.add(new Change.Added(field, b));
        } else if (b == null) {
            changes.add(new Change.Removed(field, a));
        } else {
            changes.add(new Change.Changed(field, a, b));
        }
    }

    /** Items matched by key: removed (in the first side's order), then added and changed (in the second's). */
    <T> void keyed(String prefix, List<T> before, List<T> after, Function<T, String> key, Function<T, String> text) {
        Map<String, String> a = index(before, key, text);
        Map<String, String> b = index(after, key, text);
        a.forEach((k, v) -> {
            if (!b.containsKey(k)) {
                changes.add(new Change.Removed(prefix + "." + k, v));
            }
        });
        b.forEach((k, v) -> {
            if (!a.containsKey(k)) {
                changes.add(new Change.Added(prefix + "." + k, v));
            } else if (!a.get(k).equals(v)) {
                changes.add(new Change.Changed(prefix + "." + k, a.get(k), v));
            }
        });
        List<String> common = a.keySet().stream().filter(b::containsKey).toList();
        List<String> commonAfter = b.keySet().stream().filter(a::containsKey).toList();
        if (!common.equals(commonAfter)) {
            changes.add(
                    new Change.Changed(prefix + ".order", String.join(", ", common), String.join(", ", commonAfter)));
        }
    }

    private static <T> Map<String, String> index(List<T> items, Function<T, String> key, Function<T, String> text) {
        Map<String, String> map = new LinkedHashMap<>();
        for (T item : items) {
            map.merge(key.apply(item), text.apply(item), (x, y) -> x + ", " + y);
        }
        return map;
    }

    List<Change> changes() {
        return List.copyOf(changes);
    }
}

package dev.amlsh.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Defensive copies that keep insertion order and, unlike {@code List.copyOf}/{@code Map.copyOf},
 * allow null values: the SDK's JSON has nulls in lists and maps we must keep as they are.
 */
public final class Immutable {

    private Immutable() {}

    public static <T> List<T> list(List<? extends T> source) {
        if (source == null || source.isEmpty()) {
            return List.of();
        }
        return Collections.unmodifiableList(new ArrayList<>(source));
    }

    public static <K, V> Map<K, V> map(Map<? extends K, ? extends V> source) {
        if (source == null || source.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(source));
    }
}

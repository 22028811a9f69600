package dev.amlsh.shell.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an edit of a draft did, line by line: plain sentences (settings, variables) and list
 * changes ({@link ListChange}), kept in order for the text output and for {@code -o json}.
 * An edit may run again when the store retries its transaction, so it starts empty each time.
 */
final class EditLog {

    private final List<String> lines = new ArrayList<>();
    private final List<Object> views = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    void add(String sentence) {
        lines.add(sentence);
        views.add(Map.of("text", sentence));
    }

    void add(ListChange change) {
        if (change.isWarning()) {
            warnings.add(change.text());
        } else {
            lines.add(change.text());
        }
        views.add(change.view());
    }

    void clear() {
        lines.clear();
        views.clear();
        warnings.clear();
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    List<Object> views() {
        return List.copyOf(views);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }
}

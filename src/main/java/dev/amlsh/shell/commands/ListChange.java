package dev.amlsh.shell.commands;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Objects;

/**
 * What one edit of a list (channels, conda packages, pip entries) did, found by comparing the
 * list before and after: {@code added}, {@code removed}, {@code replaced} (in place, or with
 * the new entry at the end, as {@code add_pip_package} puts it), {@code moved} (an entry
 * already listed went to the end), or {@code unchanged}/{@code absent} (the SDK's no-ops). The
 * sentence printed for people and the {@code -o json} entry (its components) come from this one
 * record, so they always agree.
 */
record ListChange(String action, String kind, String item, List<String> removed, List<String> added, String text)
        implements EditLog.Entry {

    static ListChange of(
            String kind, String item, List<String> before, List<String> after, String draft, boolean adding) {
        List<String> removed = before.stream().filter(x -> !after.contains(x)).toList();
        List<String> added = after.stream().filter(x -> !before.contains(x)).toList();
        if (!added.isEmpty() && !removed.isEmpty()) {
            String moved = movedToEnd(before, after, removed, added) ? " (now at the end)" : "";
            return new ListChange(
                    "replaced",
                    kind,
                    item,
                    removed,
                    added,
                    "replaced " + kind + " " + String.join(", ", removed) + " with " + String.join(", ", added) + moved
                            + " in draft " + draft);
        }
        if (!added.isEmpty()) {
            return new ListChange(
                    "added",
                    kind,
                    item,
                    removed,
                    added,
                    "added " + kind + " " + String.join(", ", added) + " to draft " + draft);
        }
        if (!removed.isEmpty()) {
            return new ListChange(
                    "removed",
                    kind,
                    item,
                    removed,
                    added,
                    "removed " + kind + " " + String.join(", ", removed) + " from draft " + draft);
        }
        if (!before.equals(after)) {
            return new ListChange(
                    "moved",
                    kind,
                    item,
                    removed,
                    added,
                    "moved " + kind + " " + item + " to the end in draft " + draft);
        }
        if (adding) {
            return new ListChange(
                    "unchanged", kind, item, removed, added, "draft " + draft + " already has " + kind + " " + item);
        }
        return new ListChange(
                "absent",
                kind,
                item,
                removed,
                added,
                "draft " + draft + " has no " + kind + " " + item + ": nothing removed");
    }

    /** A replacement that is not where the old entry was: the old one was not last, the new one is. */
    private static boolean movedToEnd(
            List<String> before, List<String> after, List<String> removed, List<String> added) {
        int oldIndex = before.indexOf(removed.get(0));
        int newIndex = after.indexOf(added.get(added.size() - 1));
        return oldIndex != before.size() - 1 && newIndex == after.size() - 1 && oldIndex != newIndex;
    }

    /** A no-op the SDK makes silently; amlsh says so on stderr and exits 0, so ported scripts run on. */
    @Override
    @JsonIgnore
    public boolean isWarning() {
        return action.equals("absent");
    }

    ListChange {
        Objects.requireNonNull(text, "text");
    }
}

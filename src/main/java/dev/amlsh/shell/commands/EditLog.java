package dev.amlsh.shell.commands;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;

/**
 * What an edit of a draft did, line by line: plain sentences (settings, variables) and list
 * changes ({@link ListChange}), kept in order for the text output and for {@code -o json}.
 * An edit may run again when the store retries its transaction, so it starts empty each time.
 */
final class EditLog {

    /** One line of an edit: its JSON entry is the record's components, its text the sentence. */
    sealed interface Entry permits Sentence, ListChange {
        String text();

        /** A no-op the SDK makes silently: said on stderr, not in the result's text. */
        @JsonIgnore
        boolean isWarning();
    }

    /** A change said in one sentence ({@code set base image to X in draft d}). */
    record Sentence(String text) implements Entry {
        @Override
        @JsonIgnore
        public boolean isWarning() {
            return false;
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    void add(String sentence) {
        entries.add(new Sentence(sentence));
    }

    void add(ListChange change) {
        entries.add(change);
    }

    void clear() {
        entries.clear();
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }
}

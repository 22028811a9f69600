package dev.amlsh.model;

/**
 * The written form of a definition's conda file, as the SDK's client holds it (for SDK v1 the
 * ruamel.yaml round-trip document: comments, key order, styles). It travels with a draft and
 * follows every edit of the spec; it is never part of what a definition is (the service never
 * sees it), so {@link Environment}'s equality ignores it.
 */
public interface CondaFileText {

    /** This form after an edit that made the spec {@code spec}. */
    CondaFileText follow(CondaSpec spec);

    /** The file's text, byte for byte as the SDK writes it. */
    String text();

    /**
     * What a workspace keeps between commands: all the SDK's object keeps from one edit to the
     * next, which its text may not (the text by default).
     */
    default String storedForm() {
        return text();
    }

    /**
     * Whether the file has {@code pip:} with no value: the SDK's pip edits iterate that
     * {@code None} and fail ({@code TypeError}).
     */
    default boolean hasPipKeyWithoutList() {
        return false;
    }
}

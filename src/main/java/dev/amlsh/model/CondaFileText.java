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
     * Whether the file has {@code pip:} with no value: the SDK's pip edits iterate that
     * {@code None} and fail ({@code TypeError}).
     */
    default boolean hasPipKeyWithoutList() {
        return false;
    }
}

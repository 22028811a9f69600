package dev.amlsh.workspace;

import dev.amlsh.model.Environment;

/**
 * What an edit of a draft did: the draft before and after it, and the version the draft was
 * started from when the name had none (null when it had one).
 */
public record DraftEdited(Environment before, Environment after, String startedFromVersion) {

    /** Whether the definition changed (names, versions and ids aside). */
    public boolean changed() {
        return !before.sameDefinitionAs(after);
    }

    public boolean startedFromLatest() {
        return startedFromVersion != null;
    }
}

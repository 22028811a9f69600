package dev.amlsh.workspace;

import dev.amlsh.model.AmlshException;
import dev.amlsh.model.Environment;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The workspace's use cases on top of a store: resolving references, editing drafts,
 * registering. The shell's commands call these and render what they return.
 */
public final class Workspace {

    private final WorkspaceStore store;

    public Workspace(WorkspaceStore store) {
        this.store = store;
    }

    public WorkspaceStore store() {
        return store;
    }

    /** The environment a reference names; a plain name prefers the draft. */
    public Environment resolve(String reference) {
        return resolve(EnvironmentRef.parse(reference));
    }

    public Environment resolve(EnvironmentRef ref) {
        if (ref.isPlainName()) {
            Optional<Environment> draft = store.draft(ref.name());
            if (draft.isPresent()) {
                return draft.get();
            }
        }
        return resolveRegistered(ref).environment();
    }

    /** The registered version a reference names (drafts never). */
    public RegisteredVersion resolveRegistered(EnvironmentRef ref) {
        if (ref.version() != null) {
            return store.version(ref.name(), ref.version())
                    .orElseThrow(() ->
                            notFound(ref, "version " + ref.version() + " of " + ref.name() + " is not registered"));
        }
        if (ref.label() != null && !ref.label().equals(Labels.LATEST)) {
            return store.labelled(ref.name(), ref.label())
                    .orElseThrow(() ->
                            notFound(ref, "no version of " + ref.name() + " has the label '" + ref.label() + "'"));
        }
        return store.latest(ref.name())
                .orElseThrow(() -> notFound(
                        ref,
                        ref.isPlainName()
                                ? "no environment named '" + ref.name() + "' (no draft and no registered version)"
                                : noRegisteredVersion(ref)));
    }

    private String noRegisteredVersion(EnvironmentRef ref) {
        if (store.versions(ref.name()).isEmpty()) {
            return store.draft(ref.name()).isPresent()
                    ? ref.name() + " is only a draft: " + ref + " names registered versions (register it first)"
                    : "no environment named '" + ref.name() + "' (no draft and no registered version)";
        }
        return "environment " + ref.name() + " has no registered version that is not archived";
    }

    private AmlshException notFound(EnvironmentRef ref, String message) {
        if (ref.version() == null
                && ref.label() == null
                && !store.versions(ref.name()).isEmpty()
                && store.latest(ref.name()).isEmpty()) {
            return new AmlshException("environment " + ref.name() + " is archived (restore it, or name a version)");
        }
        return new AmlshException(message);
    }

    /**
     * Applies an edit to the draft of a name; when there is none, starts one from the latest
     * version and says so on {@code notes}. Returns the draft before and after the edit.
     */
    public DraftEdited editDraft(String name, UnaryOperator<Environment> edit, Consumer<String> notes) {
        EnvironmentRef ref = EnvironmentRef.parse(name);
        if (!ref.isPlainName()) {
            throw new AmlshException("edits apply to drafts: name the environment ('" + ref.name()
                    + "'), not a version; registered versions never change");
        }
        String[] startedFrom = new String[1];
        Environment[] before = new Environment[1];
        Environment edited = store.updateDraft(ref.name(), (fromLatest, current) -> {
            startedFrom[0] = fromLatest == null ? null : fromLatest.version();
            before[0] = current;
            return edit.apply(current);
        });
        // said only once the edit is saved: a refused edit starts no draft
        if (startedFrom[0] != null) {
            notes.accept("started a draft of " + ref.name() + " from version " + startedFrom[0]);
        }
        return new DraftEdited(before[0], edited, startedFrom[0]);
    }

    /**
     * Every name with a draft or a version (archived names too when asked; an archived name with a
     * draft always), by name, with the draft's state against the newest version: read in one
     * transaction, so a writer in between cannot mix two states into one list.
     */
    public List<EnvironmentSummary> list(boolean includeArchived) {
        return store.summaries(includeArchived);
    }

    /** Registers what {@code reference} names under its own name, or under {@code as}. */
    public Registration register(String reference, String explicitVersion, String as) {
        Environment env = resolve(reference);
        // the service keeps the data, not the file's comments: a version's conda text is the plain dump
        Environment candidate = (as == null ? env : env.withName(as))
                .withVersion(null)
                .withAssetId(null)
                .withCondaFile(null);
        return store.register(candidate, explicitVersion);
    }
}

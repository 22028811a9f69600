package dev.amlsh.workspace;

import dev.amlsh.model.Environment;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a workspace's environments live: drafts (unregistered, editable) and registered
 * versions (immutable). The engine and the shell use only this interface;
 * {@link dev.amlsh.workspace.sql.SqlWorkspaceStore} implements it once, in two dialects (a SQLite
 * file, a PostgreSQL server).
 *
 * <p>Every write is atomic. Implementations apply {@link RegistrationRules} inside the same
 * transaction that writes, so two writers never give two definitions one number. Names are
 * case-sensitive. Methods throw {@link dev.amlsh.model.AmlshException} for what a user got wrong
 * and {@link WorkspaceUnavailableException} when the store cannot be used.
 */
public interface WorkspaceStore extends AutoCloseable {

    /** The workspace's name, as {@code workspace show} prints it. */
    String name();

    /** The base image new environments get unless told otherwise (the SDK's default unless set). */
    String defaultBaseImage();

    void setDefaultBaseImage(String image);

    /**
     * Runs {@code reads} as one read transaction, so that what they read is one state of the
     * workspace even while another process writes. Reads only: a write inside is refused.
     */
    <T> T snapshot(Function<WorkspaceStore, T> reads);

    // drafts

    Optional<Environment> draft(String name);

    /** All drafts, by name. */
    List<Environment> drafts();

    /** Saves a draft, replacing any draft of that name; returns the one it replaced. */
    Optional<Environment> saveDraft(Environment draft);

    /**
     * Edits a draft in one write: reads the draft (or, when there is none, the latest version,
     * which {@code edit} receives with {@code fromLatest} set), applies {@code edit} and saves the
     * result, so that a second writer between the read and the save cannot lose an edit.
     */
    Environment updateDraft(String name, DraftEdit edit);

    /** An edit of a draft; {@code current} is the draft, or the latest version to start one from. */
    @FunctionalInterface
    interface DraftEdit {
        Environment apply(RegisteredVersion fromLatest, Environment current);
    }

    /** Drops a draft; false when there was none. */
    boolean discardDraft(String name);

    // registered versions

    /** Registers {@code env} under {@code env.name()} following {@link RegistrationRules}. */
    Registration register(Environment env, String explicitVersion);

    /** Every registered name, sorted; archived names only when asked. */
    List<String> names(boolean includeArchived);

    /**
     * Every name with a draft or a version (archived names too when asked; an archived name with a
     * draft always), by name, with its draft compared with its newest version: one query, the
     * comparison made on stored digests, no definition parsed.
     */
    List<EnvironmentSummary> summaries(boolean includeArchived);

    /** The versions of a name (null: of every name, by name), in creation order, from stored columns only. */
    List<VersionSummary> versionSummaries(String name);

    /** All versions of a name in creation order, archived ones included; empty if unknown. */
    List<RegisteredVersion> versions(String name);

    Optional<RegisteredVersion> version(String name, String version);

    /** The most recently created version that is not archived. */
    Optional<RegisteredVersion> latest(String name);

    /** The version holding a user label; {@code latest} is resolved by {@link #latest}. */
    Optional<RegisteredVersion> labelled(String name, String label);

    /** Moves each label to this version (a label names one version of a name). */
    RegisteredVersion label(String name, String version, List<String> labels);

    /** Archives a whole name (version null) or one version; restore undoes it. */
    void archive(String name, String version);

    void restore(String name, String version);

    // moving a workspace

    /**
     * Everything in the workspace, read in one snapshot: the default base image, the drafts (this
     * user's, on a server), every name (archived ones too) with its versions in creation order.
     */
    WorkspaceContent content();

    /**
     * Loads {@code content} as it is (versions with their creation times, labels and archive
     * states, drafts, the default base image) in one transaction; refused, with nothing written,
     * unless this workspace has no registered name and no draft.
     */
    void load(WorkspaceContent content);

    @Override
    void close();
}

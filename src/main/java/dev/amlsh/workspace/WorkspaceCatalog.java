package dev.amlsh.workspace;

import java.nio.file.Path;
import java.util.List;

/**
 * The workspaces a user has ({@code $AMLSH_HOME/workspaces/}), which one is current, and how to
 * open one. A selector is a workspace name, a path (any value with {@code /}), or
 * {@code :temp:} for a throw-away workspace.
 */
public interface WorkspaceCatalog {

    String TEMPORARY = ":temp:";

    /** What {@code workspace list/show} prints about one workspace. */
    record WorkspaceInfo(String name, Path file, boolean current, long sizeBytes) {}

    /** Opens a workspace; {@code null} selects the current one ({@code default} on first use, created then). */
    WorkspaceStore open(String selector, boolean readOnly);

    /** The current workspace's name. */
    String current();

    /** Makes a workspace current (remembered in {@code $AMLSH_HOME/config}); it must exist. */
    void use(String name);

    List<WorkspaceInfo> list();

    WorkspaceInfo create(String name);

    /** Deletes a workspace file; the caller has asked for confirmation. */
    void delete(String name);

    /**
     * A consistent copy of a workspace into {@code file} (which must not exist): a workspace file,
     * whatever the workspace is stored in; returns what it holds.
     */
    WorkspaceContent export(String selector, Path file);

    /** What {@code workspace import} made: the workspace (its file, when it is one here) and its content. */
    record Imported(String workspace, Path file, WorkspaceContent content) {}

    /**
     * Loads a workspace file into a new workspace {@code into} (a name, a path, a server URL;
     * null: a local workspace named after the file), or into an empty one on a server. Refused,
     * with nothing changed, when the file is not a workspace this amlsh reads or the target holds
     * something.
     */
    Imported importFile(Path file, String into);
}

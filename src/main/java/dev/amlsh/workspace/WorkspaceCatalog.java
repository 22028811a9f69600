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

    /** A consistent copy of a workspace into {@code file} (which must not exist). */
    void export(String selector, Path file);
}

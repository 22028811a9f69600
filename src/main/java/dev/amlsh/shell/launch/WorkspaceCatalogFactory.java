package dev.amlsh.shell.launch;

import dev.amlsh.workspace.WorkspaceCatalog;
import java.util.Map;

/** Makes the catalog of workspaces for a run's environment variables ({@code AMLSH_HOME}, ...). */
@FunctionalInterface
public interface WorkspaceCatalogFactory {

    WorkspaceCatalog create(Map<String, String> env);
}

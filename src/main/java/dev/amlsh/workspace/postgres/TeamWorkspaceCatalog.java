package dev.amlsh.workspace.postgres;

import dev.amlsh.model.AmlshException;
import dev.amlsh.workspace.WorkspaceCatalog;
import dev.amlsh.workspace.WorkspaceContent;
import dev.amlsh.workspace.WorkspaceStore;
import dev.amlsh.workspace.sqlite.FileWorkspaceCatalog;
import dev.amlsh.workspace.sqlite.SqliteWorkspaceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The user's workspace files plus team workspaces on PostgreSQL servers: a selector that is a
 * {@code postgresql://} URL is a server workspace (recognised before the file catalog's "a value
 * with {@code /} is a path" rule); everything else is the file catalog's. {@code workspace use
 * URL} remembers the URL as the current workspace in the same config file.
 *
 * <p>{@code env} is the run's environment: where the login comes from ({@code PGUSER},
 * {@code PGPASSWORD}, {@code PGPASSFILE}, {@code HOME}) and {@link #AS_USER}, whose drafts a
 * server workspace shows.
 */
public final class TeamWorkspaceCatalog implements WorkspaceCatalog {

    /** The environment entry {@code --as-user NAME} sets: whose drafts (default: the database user's). */
    public static final String AS_USER = "AMLSH_AS_USER";

    private final FileWorkspaceCatalog files;
    private final Map<String, String> env;
    private final Clock clock;

    public TeamWorkspaceCatalog(FileWorkspaceCatalog files, Map<String, String> env, Clock clock) {
        this.files = files;
        this.env = env;
        this.clock = clock;
    }

    public FileWorkspaceCatalog files() {
        return files;
    }

    @Override
    public WorkspaceStore open(String selector, boolean readOnly) {
        String s = selector == null ? files.current() : selector.strip();
        if (PostgresLocation.isUrl(s)) {
            return PostgresWorkspaceStore.open(connector(s), asUser(), readOnly, clock);
        }
        return files.open(selector, readOnly);
    }

    /** The connection settings of a server URL, with this run's login. */
    public PostgresConnector connector(String url) {
        return new PostgresConnector(PostgresLocation.parse(url), env);
    }

    private String asUser() {
        String user = env.get(AS_USER);
        return user == null || user.isBlank() ? null : user.strip();
    }

    @Override
    public String current() {
        return files.current();
    }

    @Override
    public void use(String name) {
        if (PostgresLocation.isUrl(name)) {
            // it must exist and be readable: a typo is said now, not at the next command
            open(name, true).close();
            files.remember(PostgresLocation.parse(name).display());
            return;
        }
        files.use(name);
    }

    @Override
    public List<WorkspaceInfo> list() {
        return files.list();
    }

    @Override
    public WorkspaceInfo create(String name) {
        if (PostgresLocation.isUrl(name)) {
            PostgresConnector connector = connector(name);
            PostgresWorkspaceStore.create(connector);
            return new WorkspaceInfo(connector.location().display(), null, false, 0);
        }
        return files.create(name);
    }

    @Override
    public void delete(String name) {
        if (PostgresLocation.isUrl(name)) {
            throw new AmlshException("amlsh does not delete a team workspace on a server: its owner drops the schema"
                    + " (DROP SCHEMA " + PostgresLocation.parse(name).schema() + " CASCADE)");
        }
        files.delete(name);
    }

    @Override
    public WorkspaceContent export(String selector, Path file) {
        String s = selector == null ? files.current() : selector.strip();
        if (!PostgresLocation.isUrl(s)) {
            return files.export(selector, file);
        }
        if (Files.exists(file)) {
            throw new AmlshException("cannot export: " + file + " already exists");
        }
        WorkspaceContent content;
        try (WorkspaceStore store = open(s, true)) {
            content = store.content();
        }
        SqliteWorkspaceStore.createWith(file, FileWorkspaceCatalog.displayName(file), content, clock);
        return content;
    }

    /**
     * A file into a server workspace: made when the URL's schema has none, else loaded into it
     * when it holds nothing (the importing user's drafts count; others' do not).
     */
    @Override
    public Imported importFile(Path file, String into) {
        if (into == null || !PostgresLocation.isUrl(into.strip())) {
            return files.importFile(file, into);
        }
        WorkspaceContent content = files.readImport(file); // refused files stop here: nothing on the server
        PostgresConnector connector = connector(into.strip());
        if (!PostgresWorkspaceStore.exists(connector)) {
            PostgresWorkspaceStore.create(connector);
        }
        try (WorkspaceStore store = PostgresWorkspaceStore.open(connector, asUser(), false, clock)) {
            store.load(content);
        }
        return new Imported(connector.location().display(), null, content);
    }
}

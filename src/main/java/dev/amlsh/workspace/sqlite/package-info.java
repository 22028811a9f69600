/**
 * The embedded workspace store's dialect: one SQLite file per workspace.
 *
 * <ul>
 * <li>{@link dev.amlsh.workspace.sqlite.FileWorkspaceCatalog}: {@code $AMLSH_HOME/workspaces/NAME.amlsh},
 *     the current workspace in {@code $AMLSH_HOME/config} ({@code workspace=NAME}), {@code :temp:}
 *     workspaces, create/list/delete/export/import.</li>
 * <li>{@link dev.amlsh.workspace.sqlite.SqliteWorkspaceStore}: the SQLite dialect of
 *     {@link dev.amlsh.workspace.sql.SqlWorkspaceStore} (which holds the SQL, row mapping,
 *     transactions and rules both dialects share): opening and checking a file, WAL,
 *     {@code synchronous=NORMAL}, busy timeout 5 s, every write one {@code BEGIN IMMEDIATE}
 *     transaction, SQLite's error codes.</li>
 * <li>The file format ({@code SqliteSchema}, scripts in {@code src/main/resources/dev/amlsh/workspace/sqlite/}):
 *     {@code PRAGMA application_id = 0x616D6C73} ("amls") marks a workspace, {@code PRAGMA user_version}
 *     is the schema (1 first, 4 current). Tables: {@code meta} (key/value: application, schema_version,
 *     default_base_image), {@code drafts} (name, definition, updated_at, conda_file, digest), {@code names}
 *     (name, archived), {@code versions} (id = creation order, name, version, created_at, archived,
 *     definition, conda_hash, image_hash, number, digest), {@code labels} (name, label, version_id).
 *     Definitions are the SDK v1 JSON (service form, compact), e.g. {@code sqlite3
 *     ~/.local/share/amlsh/workspaces/default.amlsh "select name, version, json_extract(definition,
 *     '$.docker.baseImage') from versions"}. A registry password is stored as {@code "***"} and reads
 *     back so.</li>
 * </ul>
 *
 * <p>Domain package: no Spring, JLine or shell imports; SQL in prepared statements only.
 */
package dev.amlsh.workspace.sqlite;

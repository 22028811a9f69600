-- amlsh workspace, schema 1: the first schema (amlsh 0.1.0 development).
-- A workspace is one SQLite file; PRAGMA application_id marks it as amlsh's,
-- PRAGMA user_version holds the schema number. Definitions are SDK v1 JSON text.
-- Later schemas are reached by the migrate-to-vN.sql scripts, in order; a new
-- workspace is made by this script followed by every migration, so the
-- migration path is the path every workspace takes.

PRAGMA application_id = 1634561139; -- 0x616D6C73, "amls"

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

INSERT INTO meta (key, value) VALUES ('application', 'amlsh workspace');
INSERT INTO meta (key, value) VALUES ('schema_version', '1');

-- Unregistered environments being edited; one per name.
CREATE TABLE drafts (
    name       TEXT PRIMARY KEY,
    definition TEXT NOT NULL CHECK (json_valid(definition)),
    updated_at TEXT NOT NULL
) WITHOUT ROWID;

-- Registered names; archived = new versions under the name are archived too.
CREATE TABLE names (
    name     TEXT PRIMARY KEY,
    archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
) WITHOUT ROWID;

-- Registered versions; id is the creation order (never reused), versions never change.
CREATE TABLE versions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT NOT NULL REFERENCES names (name),
    version    TEXT NOT NULL,
    created_at TEXT NOT NULL,
    archived   INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    definition TEXT NOT NULL CHECK (json_valid(definition)),
    UNIQUE (name, version)
);

CREATE INDEX versions_by_name ON versions (name, archived, id);

PRAGMA user_version = 1;

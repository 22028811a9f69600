-- amlsh workspace on PostgreSQL, made at schema 2 (the SQLite file format's schema 2: the same
-- tables, columns and meaning; see ../sqlite/). Later schemas are reached by migrate-to-vN.sql
-- here, as for SQLite, and meta.schema_version holds the number (SQLite keeps it in
-- PRAGMA user_version as well). Differences: drafts belong to a user (owner), since a server is
-- shared; booleans are booleans; names, versions and labels sort bytewise (COLLATE "C"), as in
-- SQLite. Times are amlsh's ISO-8601 text (milliseconds), not the server's clock, so a
-- workspace moved between databases compares equal.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

INSERT INTO meta (key, value) VALUES ('application', 'amlsh workspace');
INSERT INTO meta (key, value) VALUES ('schema_version', '2');

CREATE TABLE drafts (
    owner      TEXT COLLATE "C" NOT NULL,
    name       TEXT COLLATE "C" NOT NULL,
    definition TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (owner, name)
);

CREATE TABLE names (
    name     TEXT COLLATE "C" PRIMARY KEY,
    archived BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE versions (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       TEXT COLLATE "C" NOT NULL REFERENCES names (name),
    version    TEXT COLLATE "C" NOT NULL,
    created_at TEXT NOT NULL,
    archived   BOOLEAN NOT NULL DEFAULT FALSE,
    definition TEXT NOT NULL,
    conda_hash TEXT,
    image_hash TEXT,
    number     BIGINT,
    UNIQUE (name, version)
);

CREATE INDEX versions_by_name ON versions (name, archived, id);
CREATE INDEX versions_by_number ON versions (name, number) WHERE number IS NOT NULL;

-- seq: the order labels were set (SQLite's rowid, which INSERT OR REPLACE renews)
CREATE TABLE labels (
    name       TEXT COLLATE "C" NOT NULL,
    label      TEXT COLLATE "C" NOT NULL,
    version_id BIGINT NOT NULL REFERENCES versions (id),
    seq        BIGSERIAL NOT NULL,
    PRIMARY KEY (name, label)
);

CREATE INDEX labels_by_version ON labels (version_id);

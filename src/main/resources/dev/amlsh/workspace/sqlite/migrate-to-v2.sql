-- amlsh workspace, schema 1 -> 2: labels; the conda and image hashes that
-- `env versions` prints; and each version's number (the version as an integer,
-- NULL when it is not one, e.g. "1.0-beta"), indexed so that numbering the next
-- version is one index lookup however long a name's history. For versions
-- registered under schema 1 these three columns are computed by the Java step of
-- this migration (SqliteSchema), in the same transaction, before user_version
-- says 2.

CREATE TABLE labels (
    name       TEXT NOT NULL,
    label      TEXT NOT NULL,
    version_id INTEGER NOT NULL REFERENCES versions (id),
    PRIMARY KEY (name, label)
);

CREATE INDEX labels_by_version ON labels (version_id);

ALTER TABLE versions ADD COLUMN conda_hash TEXT;
ALTER TABLE versions ADD COLUMN image_hash TEXT;
ALTER TABLE versions ADD COLUMN number INTEGER;

CREATE INDEX versions_by_number ON versions (name, number) WHERE number IS NOT NULL;

UPDATE meta SET value = '2' WHERE key = 'schema_version';

PRAGMA user_version = 2;

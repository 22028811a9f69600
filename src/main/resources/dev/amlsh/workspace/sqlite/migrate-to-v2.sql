-- amlsh workspace, schema 1 -> 2: labels, and the conda and image hashes that
-- `env versions` prints. The hashes of versions registered under schema 1 are
-- computed by the Java step of this migration (SqliteSchema), in the same
-- transaction, before user_version says 2.

CREATE TABLE labels (
    name       TEXT NOT NULL,
    label      TEXT NOT NULL,
    version_id INTEGER NOT NULL REFERENCES versions (id),
    PRIMARY KEY (name, label)
);

CREATE INDEX labels_by_version ON labels (version_id);

ALTER TABLE versions ADD COLUMN conda_hash TEXT;
ALTER TABLE versions ADD COLUMN image_hash TEXT;

UPDATE meta SET value = '2' WHERE key = 'schema_version';

PRAGMA user_version = 2;

-- amlsh workspace, schema 3 -> 4: the digest of each version's and each draft's definition
-- (DefinitionJson.digest: what registration compares, as SHA-256 hex), so that `env list` tells a
-- draft that differs from its newest version in one query, without parsing either definition.
-- Rows written before schema 4 get theirs from the Java step of this migration (DigestMigration),
-- in the same transaction, before user_version says 4.

ALTER TABLE versions ADD COLUMN digest TEXT;
ALTER TABLE drafts ADD COLUMN digest TEXT;

UPDATE meta SET value = '4' WHERE key = 'schema_version';

PRAGMA user_version = 4;

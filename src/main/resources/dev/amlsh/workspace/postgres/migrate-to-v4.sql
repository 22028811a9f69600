-- amlsh workspace on PostgreSQL, schema 3 -> 4 (as ../sqlite/migrate-to-v4.sql): the digest of
-- each version's and each draft's definition, filled for existing rows by the Java step
-- (DigestMigration) in the same transaction.

ALTER TABLE versions ADD COLUMN digest TEXT;
ALTER TABLE drafts ADD COLUMN digest TEXT;

UPDATE meta SET value = '4' WHERE key = 'schema_version';

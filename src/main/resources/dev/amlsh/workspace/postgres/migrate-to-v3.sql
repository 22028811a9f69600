-- amlsh workspace on PostgreSQL, schema 2 -> 3 (as ../sqlite/migrate-to-v3.sql): a draft keeps its
-- conda file's written form (the SDK's ruamel round-trip text), which `env conda-file` prints and
-- `env save` writes. NULL: the draft has none, and the text is the dump of the plain data.

ALTER TABLE drafts ADD COLUMN conda_file TEXT;

UPDATE meta SET value = '3' WHERE key = 'schema_version';

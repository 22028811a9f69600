-- amlsh workspace, schema 2 -> 3: a draft keeps its conda file's written form (the SDK's
-- ruamel round-trip text: comments, key order, flow or block style), which `env conda-file`
-- prints and `env save` writes. NULL: the draft has none (it was started from a registered
-- version, or saved by schema 2), and the text is the dump of the plain data.

ALTER TABLE drafts ADD COLUMN conda_file TEXT;

UPDATE meta SET value = '3' WHERE key = 'schema_version';

PRAGMA user_version = 3;

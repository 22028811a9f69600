-- A workspace as amlsh wrote it with schema 2 (frozen: never edit to follow the current
-- schema; it is what an older amlsh left on disk), made by SqliteWorkspaceStore at schema 2
-- and dumped with sqlite3 .dump. WorkspaceFileTest loads it into a fresh file and opens that
-- file with the current code. Contents: pytorch version 1, drafts of pytorch and sklearn.
-- Schema 2 kept no conda file text for drafts (schema 3 adds drafts.conda_file).

PRAGMA application_id = 1634561139;
PRAGMA user_version = 2;
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO meta VALUES('application','amlsh workspace');
INSERT INTO meta VALUES('schema_version','2');
CREATE TABLE drafts (
    name       TEXT PRIMARY KEY,
    definition TEXT NOT NULL CHECK (json_valid(definition)),
    updated_at TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO drafts VALUES('pytorch','{"name":"pytorch","version":null,"environmentVariables":{"EXAMPLE_ENV_VAR":"EXAMPLE_VALUE","WRITER":"v2"},"python":{"userManagedDependencies":false,"interpreterPath":"python","condaDependenciesFile":null,"baseCondaEnvironment":null,"condaDependencies":{"name":"project_environment","channels":["anaconda","conda-forge"],"dependencies":["python=3.8.13",{"pip":["azureml-defaults","pkg-v2==2"]}]}},"docker":{"enabled":false,"baseImage":"mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest","baseDockerfile":null,"buildContext":null,"sharedVolumes":true,"shmSize":"2g","arguments":[],"baseImageRegistry":{"address":null,"username":null,"password":null,"registryIdentity":null},"platform":{"os":"Linux","architecture":"amd64"}},"spark":{"repositories":[],"packages":[],"precachePackages":true},"databricks":{"mavenLibraries":[],"pypiLibraries":[],"rcranLibraries":[],"jarLibraries":[],"eggLibraries":[]},"r":null,"inferencingStackVersion":null,"assetId":null}','2025-01-01T00:00:00Z');
INSERT INTO drafts VALUES('sklearn','{"name":"sklearn","version":null,"environmentVariables":{"EXAMPLE_ENV_VAR":"EXAMPLE_VALUE","WRITER":"v2"},"python":{"userManagedDependencies":false,"interpreterPath":"python","condaDependenciesFile":null,"baseCondaEnvironment":null,"condaDependencies":{"name":"project_environment","channels":["anaconda","conda-forge"],"dependencies":["python=3.8.13",{"pip":["azureml-defaults","pkg-v2==7"]}]}},"docker":{"enabled":false,"baseImage":"mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest","baseDockerfile":null,"buildContext":null,"sharedVolumes":true,"shmSize":"2g","arguments":[],"baseImageRegistry":{"address":null,"username":null,"password":null,"registryIdentity":null},"platform":{"os":"Linux","architecture":"amd64"}},"spark":{"repositories":[],"packages":[],"precachePackages":true},"databricks":{"mavenLibraries":[],"pypiLibraries":[],"rcranLibraries":[],"jarLibraries":[],"eggLibraries":[]},"r":null,"inferencingStackVersion":null,"assetId":null}','2025-01-01T00:00:00Z');
CREATE TABLE names (
    name     TEXT PRIMARY KEY,
    archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
) WITHOUT ROWID;
INSERT INTO names VALUES('pytorch',0);
CREATE TABLE versions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT NOT NULL REFERENCES names (name),
    version    TEXT NOT NULL,
    created_at TEXT NOT NULL,
    archived   INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    definition TEXT NOT NULL CHECK (json_valid(definition)), conda_hash TEXT, image_hash TEXT, number INTEGER,
    UNIQUE (name, version)
);
INSERT INTO versions VALUES(1,'pytorch','1','2025-01-01T00:00:00Z',0,'{"name":"pytorch","version":"1","environmentVariables":{"EXAMPLE_ENV_VAR":"EXAMPLE_VALUE","WRITER":"v2"},"python":{"userManagedDependencies":false,"interpreterPath":"python","condaDependenciesFile":null,"baseCondaEnvironment":null,"condaDependencies":{"name":"project_environment","channels":["anaconda","conda-forge"],"dependencies":["python=3.8.13",{"pip":["azureml-defaults","pkg-v2==1"]}]}},"docker":{"enabled":false,"baseImage":"mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest","baseDockerfile":null,"buildContext":null,"sharedVolumes":true,"shmSize":"2g","arguments":[],"baseImageRegistry":{"address":null,"username":null,"password":null,"registryIdentity":null},"platform":{"os":"Linux","architecture":"amd64"}},"spark":{"repositories":[],"packages":[],"precachePackages":true},"databricks":{"mavenLibraries":[],"pypiLibraries":[],"rcranLibraries":[],"jarLibraries":[],"eggLibraries":[]},"r":null,"inferencingStackVersion":null,"assetId":null}','azureml_17e21c5ebf93999245c295f6ac0ddb7e','azureml/azureml_cb3c807033a740a65b8cd606e9f9c6fe',1);
CREATE TABLE labels (
    name       TEXT NOT NULL,
    label      TEXT NOT NULL,
    version_id INTEGER NOT NULL REFERENCES versions (id),
    PRIMARY KEY (name, label)
);
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('versions',1);
CREATE INDEX versions_by_name ON versions (name, archived, id);
CREATE INDEX labels_by_version ON labels (version_id);
CREATE INDEX versions_by_number ON versions (name, number) WHERE number IS NOT NULL;
COMMIT;

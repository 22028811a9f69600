-- A workspace as amlsh wrote it with schema 1 (frozen: never edit to follow the current
-- schema; it is what an older amlsh left on disk). MigrationTest loads it into a fresh
-- file with sqlite-jdbc and opens that file with the current code.
-- Contents: pytorch versions 1 and 2 (2 labelled nothing: schema 1 had no labels), an
-- archived name "legacy" whose version 1 is an old SDK file (gpuSupport, no platform, no r),
-- a draft of pytorch, and a default base image.

PRAGMA application_id = 1634561139;

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

INSERT INTO meta (key, value) VALUES ('application', 'amlsh workspace');
INSERT INTO meta (key, value) VALUES ('schema_version', '1');
INSERT INTO meta (key, value) VALUES ('default_base_image', 'mcr.microsoft.com/azureml/intelmpi2018.3-ubuntu16.04:20200821.v1');

CREATE TABLE drafts (
    name       TEXT PRIMARY KEY,
    definition TEXT NOT NULL CHECK (json_valid(definition)),
    updated_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE names (
    name     TEXT PRIMARY KEY,
    archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
) WITHOUT ROWID;

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

INSERT INTO names (name, archived) VALUES ('pytorch', 0);
INSERT INTO names (name, archived) VALUES ('legacy', 1);

INSERT INTO versions (name, version, created_at, archived, definition) VALUES
    ('pytorch', '1', '2024-01-02T03:04:05Z', 0,
     '{"name":"pytorch","version":"1","environmentVariables":{"EXAMPLE_ENV_VAR":"EXAMPLE_VALUE","WRITER":"v1"},"python":{"userManagedDependencies":false,"interpreterPath":"python","condaDependenciesFile":null,"baseCondaEnvironment":null,"condaDependencies":{"name":"project_environment","channels":["anaconda","conda-forge"],"dependencies":["python=3.8.13",{"pip":["azureml-defaults","pkg-v1==1"]}]}},"docker":{"enabled":false,"baseImage":"mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest","baseDockerfile":null,"sharedVolumes":true,"shmSize":"2g","arguments":[],"baseImageRegistry":{"address":null,"username":null,"password":null,"registryIdentity":null},"platform":{"os":"Linux","architecture":"amd64"}},"spark":{"repositories":[],"packages":[],"precachePackages":true},"databricks":{"mavenLibraries":[],"pypiLibraries":[],"rcranLibraries":[],"jarLibraries":[],"eggLibraries":[]},"r":null,"inferencingStackVersion":null,"assetId":null}');
INSERT INTO versions (name, version, created_at, archived, definition) VALUES
    ('legacy', '1', '2024-01-03T00:00:00Z', 1,
     '{"name":"legacy","version":"1","environmentVariables":{"EXAMPLE_ENV_VAR":"EXAMPLE_VALUE"},"python":{"userManagedDependencies":false,"interpreterPath":"python","condaDependenciesFile":null,"baseCondaEnvironment":null,"condaDependencies":{"name":"project_environment","dependencies":["python=3.6.2",{"pip":["azureml-defaults"]}],"channels":["conda-forge"]}},"docker":{"enabled":false,"baseImage":"mcr.microsoft.com/azureml/base:intelmpi2018.3-ubuntu16.04","baseDockerfile":null,"sharedVolumes":true,"shmSize":"2g","arguments":[],"baseImageRegistry":{"address":null,"username":null,"password":null},"gpuSupport":false},"spark":{"repositories":[],"packages":[],"precachePackages":true},"databricks":{"mavenLibraries":[],"pypiLibraries":[],"rcranLibraries":[],"jarLibraries":[],"eggLibraries":[]},"inferencingStackVersion":null}');
INSERT INTO versions (name, version, created_at, archived, definition) VALUES
    ('pytorch', '2', '2024-01-04T00:00:00.123456Z', 0,
     '{"name":"pytorch","version":"2","environmentVariables":{"EXAMPLE_ENV_VAR":"EXAMPLE_VALUE","WRITER":"v1"},"python":{"userManagedDependencies":false,"interpreterPath":"python","condaDependenciesFile":null,"baseCondaEnvironment":null,"condaDependencies":{"name":"project_environment","channels":["anaconda","conda-forge"],"dependencies":["python=3.8.13",{"pip":["azureml-defaults","pkg-v1==2"]}]}},"docker":{"enabled":false,"baseImage":"mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest","baseDockerfile":null,"sharedVolumes":true,"shmSize":"2g","arguments":[],"baseImageRegistry":{"address":null,"username":null,"password":null,"registryIdentity":null},"platform":{"os":"Linux","architecture":"amd64"}},"spark":{"repositories":[],"packages":[],"precachePackages":true},"databricks":{"mavenLibraries":[],"pypiLibraries":[],"rcranLibraries":[],"jarLibraries":[],"eggLibraries":[]},"r":null,"inferencingStackVersion":null,"assetId":null}');

INSERT INTO drafts (name, definition, updated_at) VALUES
    ('pytorch', '{"name":"pytorch","version":null,"environmentVariables":{"EXAMPLE_ENV_VAR":"EXAMPLE_VALUE","WRITER":"v1"},"python":{"userManagedDependencies":false,"interpreterPath":"python","condaDependenciesFile":null,"baseCondaEnvironment":null,"condaDependencies":{"name":"project_environment","channels":["anaconda","conda-forge"],"dependencies":["python=3.8.13",{"pip":["azureml-defaults","pkg-v1==3"]}]}},"docker":{"enabled":false,"baseImage":"mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest","baseDockerfile":null,"sharedVolumes":true,"shmSize":"2g","arguments":[],"baseImageRegistry":{"address":null,"username":null,"password":null,"registryIdentity":null},"platform":{"os":"Linux","architecture":"amd64"}},"spark":{"repositories":[],"packages":[],"precachePackages":true},"databricks":{"mavenLibraries":[],"pypiLibraries":[],"rcranLibraries":[],"jarLibraries":[],"eggLibraries":[]},"r":null,"inferencingStackVersion":null,"assetId":null}', '2024-01-05T00:00:00Z');

PRAGMA user_version = 1;

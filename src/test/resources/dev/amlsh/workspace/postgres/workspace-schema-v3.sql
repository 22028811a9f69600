-- A team workspace as amlsh wrote it on PostgreSQL with schema 3 (frozen: never edit to follow
-- the current schema; it is what an older amlsh left on a server): the tables of schema.sql plus
-- migrate-to-v3.sql as they were at schema 3, and the rows of ../sqlite/workspace-schema-v3.sql
-- (the same workspace, its drafts owned by amlsh_admin). PostgresWorkspaceStoreTest runs it in a
-- new schema and opens that with the current code.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

INSERT INTO meta (key, value) VALUES ('application', 'amlsh workspace');
INSERT INTO meta (key, value) VALUES ('schema_version', '3');

CREATE TABLE drafts (
    owner      TEXT COLLATE "C" NOT NULL,
    name       TEXT COLLATE "C" NOT NULL,
    definition TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    conda_file TEXT,
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

CREATE TABLE labels (
    name       TEXT COLLATE "C" NOT NULL,
    label      TEXT COLLATE "C" NOT NULL,
    version_id BIGINT NOT NULL REFERENCES versions (id),
    seq        BIGSERIAL NOT NULL,
    PRIMARY KEY (name, label)
);

CREATE INDEX labels_by_version ON labels (version_id);

INSERT INTO drafts (owner, name, definition, updated_at, conda_file) VALUES ('amlsh_admin', 'fresh', '{"name":"fresh","version":null,"environmentVariables":{"EXAMPLE_ENV_VAR":"EXAMPLE_VALUE"},"python":{"userManagedDependencies":true,"interpreterPath":"python","condaDependenciesFile":null,"baseCondaEnvironment":null,"condaDependencies":{"name":"project_environment","channels":["anaconda","conda-forge"],"dependencies":["python=3.8.13",{"pip":["azureml-defaults"]}]}},"docker":{"enabled":false,"baseImage":"ubuntu:24.04","baseDockerfile":null,"buildContext":null,"sharedVolumes":true,"shmSize":"2g","arguments":[],"baseImageRegistry":{"address":null,"username":null,"password":null,"registryIdentity":null},"platform":{"os":"Linux","architecture":"amd64"}},"spark":{"repositories":[],"packages":[],"precachePackages":true},"databricks":{"mavenLibraries":[],"pypiLibraries":[],"rcranLibraries":[],"jarLibraries":[],"eggLibraries":[]},"r":null,"inferencingStackVersion":null,"assetId":null}', '2025-01-01T00:00:00Z', '# Conda environment specification. The dependencies defined in this file will
# be automatically provisioned for runs with userManagedDependencies=False.

# Details about the Conda environment file format:
# https://conda.io/docs/user-guide/tasks/manage-environments.html#create-env-file-manually

name: project_environment
dependencies:
  # The python interpreter version.
  # Currently Azure ML only supports 3.5.2 and later.
- python=3.8.13

- pip:
    # Required packages for AzureML execution, history, and data preparation.
  - azureml-defaults

channels:
- anaconda
- conda-forge
');
INSERT INTO drafts (owner, name, definition, updated_at, conda_file) VALUES ('amlsh_admin', 'gone', '{"name":"gone","version":null,"environmentVariables":{"EXAMPLE_ENV_VAR":"EXAMPLE_VALUE"},"python":{"userManagedDependencies":true,"interpreterPath":"python","condaDependenciesFile":null,"baseCondaEnvironment":null,"condaDependencies":{"name":"project_environment","channels":["anaconda","conda-forge"],"dependencies":["python=3.8.13",{"pip":["azureml-defaults"]}]}},"docker":{"enabled":false,"baseImage":"ubuntu:20.04","baseDockerfile":null,"buildContext":null,"sharedVolumes":true,"shmSize":"2g","arguments":[],"baseImageRegistry":{"address":null,"username":null,"password":null,"registryIdentity":null},"platform":{"os":"Linux","architecture":"amd64"}},"spark":{"repositories":[],"packages":[],"precachePackages":true},"databricks":{"mavenLibraries":[],"pypiLibraries":[],"rcranLibraries":[],"jarLibraries":[],"eggLibraries":[]},"r":null,"inferencingStackVersion":null,"assetId":null}', '2025-01-01T00:00:00Z', '# Conda environment specification. The dependencies defined in this file will
# be automatically provisioned for runs with userManagedDependencies=False.

# Details about the Conda environment file format:
# https://conda.io/docs/user-guide/tasks/manage-environments.html#create-env-file-manually

name: project_environment
dependencies:
  # The python interpreter version.
  # Currently Azure ML only supports 3.5.2 and later.
- python=3.8.13

- pip:
    # Required packages for AzureML execution, history, and data preparation.
  - azureml-defaults

channels:
- anaconda
- conda-forge
');
INSERT INTO drafts (owner, name, definition, updated_at, conda_file) VALUES ('amlsh_admin', 'pytorch', '{"name":"pytorch","version":null,"environmentVariables":{"EXAMPLE_ENV_VAR":"EXAMPLE_VALUE"},"python":{"userManagedDependencies":false,"interpreterPath":"python","condaDependenciesFile":null,"baseCondaEnvironment":null,"condaDependencies":{"dependencies":["python=3.8","numpy",{"pip":["requests==2.31.0"]}]}},"docker":{"enabled":false,"baseImage":"mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest","baseDockerfile":null,"buildContext":null,"sharedVolumes":true,"shmSize":"2g","arguments":[],"baseImageRegistry":{"address":null,"username":null,"password":null,"registryIdentity":null},"platform":{"os":"Linux","architecture":"amd64"}},"spark":{"repositories":[],"packages":[],"precachePackages":true},"databricks":{"mavenLibraries":[],"pypiLibraries":[],"rcranLibraries":[],"jarLibraries":[],"eggLibraries":[]},"r":null,"inferencingStackVersion":null,"assetId":null}', '2025-01-01T00:00:00Z', 'dependencies:  # what conda installs
- python=3.8
- numpy    # arrays
- pip:
  - requests==2.31.0
');
INSERT INTO drafts (owner, name, definition, updated_at, conda_file) VALUES ('amlsh_admin', 'same', '{"name":"same","version":null,"environmentVariables":{"EXAMPLE_ENV_VAR":"EXAMPLE_VALUE"},"python":{"userManagedDependencies":true,"interpreterPath":"python","condaDependenciesFile":null,"baseCondaEnvironment":null,"condaDependencies":{"name":"project_environment","channels":["anaconda","conda-forge"],"dependencies":["python=3.8.13",{"pip":["azureml-defaults","flask==3.0.0"]}]}},"docker":{"enabled":false,"baseImage":"ubuntu:22.04","baseDockerfile":null,"buildContext":null,"sharedVolumes":true,"shmSize":"2g","arguments":[],"baseImageRegistry":{"address":null,"username":null,"password":null,"registryIdentity":null},"platform":{"os":"Linux","architecture":"amd64"}},"spark":{"repositories":[],"packages":[],"precachePackages":true},"databricks":{"mavenLibraries":[],"pypiLibraries":[],"rcranLibraries":[],"jarLibraries":[],"eggLibraries":[]},"r":null,"inferencingStackVersion":null,"assetId":null}', '2025-01-01T00:00:00Z', '# Conda environment specification. The dependencies defined in this file will
# be automatically provisioned for runs with userManagedDependencies=False.

# Details about the Conda environment file format:
# https://conda.io/docs/user-guide/tasks/manage-environments.html#create-env-file-manually

name: project_environment
dependencies:
  # The python interpreter version.
  # Currently Azure ML only supports 3.5.2 and later.
- python=3.8.13

- pip:
    # Required packages for AzureML execution, history, and data preparation.
  - azureml-defaults

  - flask==3.0.0
channels:
- anaconda
- conda-forge
');
INSERT INTO names (name, archived) VALUES ('gone', TRUE);
INSERT INTO names (name, archived) VALUES ('pytorch', FALSE);
INSERT INTO names (name, archived) VALUES ('same', FALSE);
INSERT INTO versions (id, name, version, created_at, archived, definition, conda_hash, image_hash, number) OVERRIDING SYSTEM VALUE VALUES (1, 'pytorch', '1', '2025-01-01T00:00:00Z', FALSE, '{"name":"pytorch","version":"1","environmentVariables":{"EXAMPLE_ENV_VAR":"EXAMPLE_VALUE"},"python":{"userManagedDependencies":false,"interpreterPath":"python","condaDependenciesFile":null,"baseCondaEnvironment":null,"condaDependencies":{"dependencies":["python=3.8","numpy"]}},"docker":{"enabled":false,"baseImage":"mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest","baseDockerfile":null,"buildContext":null,"sharedVolumes":true,"shmSize":"2g","arguments":[],"baseImageRegistry":{"address":null,"username":null,"password":null,"registryIdentity":null},"platform":{"os":"Linux","architecture":"amd64"}},"spark":{"repositories":[],"packages":[],"precachePackages":true},"databricks":{"mavenLibraries":[],"pypiLibraries":[],"rcranLibraries":[],"jarLibraries":[],"eggLibraries":[]},"r":null,"inferencingStackVersion":null,"assetId":null}', 'azureml_d4f884ad3dfb183a6423099c1e69c2c9', 'azureml/azureml_1381cb28e5501b1323e4f2dfd51394a7', 1);
INSERT INTO versions (id, name, version, created_at, archived, definition, conda_hash, image_hash, number) OVERRIDING SYSTEM VALUE VALUES (2, 'pytorch', '2', '2025-01-01T00:00:00Z', FALSE, '{"name":"pytorch","version":"2","environmentVariables":{"EXAMPLE_ENV_VAR":"EXAMPLE_VALUE"},"python":{"userManagedDependencies":false,"interpreterPath":"python","condaDependenciesFile":null,"baseCondaEnvironment":null,"condaDependencies":{"dependencies":["python=3.8","numpy",{"pip":["requests==2.31.0"]}]}},"docker":{"enabled":false,"baseImage":"mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest","baseDockerfile":null,"buildContext":null,"sharedVolumes":true,"shmSize":"2g","arguments":[],"baseImageRegistry":{"address":null,"username":null,"password":null,"registryIdentity":null},"platform":{"os":"Linux","architecture":"amd64"}},"spark":{"repositories":[],"packages":[],"precachePackages":true},"databricks":{"mavenLibraries":[],"pypiLibraries":[],"rcranLibraries":[],"jarLibraries":[],"eggLibraries":[]},"r":null,"inferencingStackVersion":null,"assetId":null}', 'azureml_0380cef70c65788b5dd261795d7c873a', 'azureml/azureml_6ccf9b3227b0d981f1b8dad3bef3daf0', 2);
INSERT INTO versions (id, name, version, created_at, archived, definition, conda_hash, image_hash, number) OVERRIDING SYSTEM VALUE VALUES (3, 'same', '1', '2025-01-01T00:00:00Z', FALSE, '{"name":"same","version":"1","environmentVariables":{"EXAMPLE_ENV_VAR":"EXAMPLE_VALUE"},"python":{"userManagedDependencies":true,"interpreterPath":"python","condaDependenciesFile":null,"baseCondaEnvironment":null,"condaDependencies":{"name":"project_environment","channels":["anaconda","conda-forge"],"dependencies":["python=3.8.13",{"pip":["azureml-defaults"]}]}},"docker":{"enabled":false,"baseImage":"ubuntu:22.04","baseDockerfile":null,"buildContext":null,"sharedVolumes":true,"shmSize":"2g","arguments":[],"baseImageRegistry":{"address":null,"username":null,"password":null,"registryIdentity":null},"platform":{"os":"Linux","architecture":"amd64"}},"spark":{"repositories":[],"packages":[],"precachePackages":true},"databricks":{"mavenLibraries":[],"pypiLibraries":[],"rcranLibraries":[],"jarLibraries":[],"eggLibraries":[]},"r":null,"inferencingStackVersion":null,"assetId":null}', 'azureml_bf79f787b9e9b46a2432affd1eabe137', 'azureml/azureml_dcc3891f7c9d05c619fea00e848c1b15', 1);
INSERT INTO versions (id, name, version, created_at, archived, definition, conda_hash, image_hash, number) OVERRIDING SYSTEM VALUE VALUES (4, 'gone', '1', '2025-01-01T00:00:00Z', TRUE, '{"name":"gone","version":"1","environmentVariables":{"EXAMPLE_ENV_VAR":"EXAMPLE_VALUE"},"python":{"userManagedDependencies":true,"interpreterPath":"python","condaDependenciesFile":null,"baseCondaEnvironment":null,"condaDependencies":{"name":"project_environment","channels":["anaconda","conda-forge"],"dependencies":["python=3.8.13",{"pip":["azureml-defaults"]}]}},"docker":{"enabled":false,"baseImage":"ubuntu:20.04","baseDockerfile":null,"buildContext":null,"sharedVolumes":true,"shmSize":"2g","arguments":[],"baseImageRegistry":{"address":null,"username":null,"password":null,"registryIdentity":null},"platform":{"os":"Linux","architecture":"amd64"}},"spark":{"repositories":[],"packages":[],"precachePackages":true},"databricks":{"mavenLibraries":[],"pypiLibraries":[],"rcranLibraries":[],"jarLibraries":[],"eggLibraries":[]},"r":null,"inferencingStackVersion":null,"assetId":null}', 'azureml_bf79f787b9e9b46a2432affd1eabe137', 'azureml/azureml_40d1fd555e5ee033ba9dea1deb41caf9', 1);
INSERT INTO labels (name, label, version_id) VALUES ('pytorch', 'stable', 1);
SELECT setval(pg_get_serial_sequence('versions', 'id'), (SELECT max(id) FROM versions));

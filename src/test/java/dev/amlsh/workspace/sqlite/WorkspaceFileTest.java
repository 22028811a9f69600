package dev.amlsh.workspace.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amlsh.image.EnvironmentHashes;
import dev.amlsh.model.Environment;
import dev.amlsh.workspace.RegisteredVersion;
import dev.amlsh.workspace.Registration;
import dev.amlsh.workspace.WorkspaceUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What opening does with files: migrating an old schema, and leaving every refused file as it was. */
class WorkspaceFileTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    /** The frozen schema-1 fixture loaded into a fresh file, as an older amlsh left it. */
    Path schemaV1Workspace() throws Exception {
        Path file = dir.resolve("old.amlsh");
        String script;
        try (InputStream in = getClass().getResourceAsStream("workspace-schema-v1.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            SqlScript.run(c, SqlScript.split(script));
        }
        return file;
    }

    /** The frozen schema-2 fixture loaded into a fresh file. */
    Path schemaV2Workspace() throws Exception {
        Path file = dir.resolve("v2.amlsh");
        String script;
        try (InputStream in = getClass().getResourceAsStream("workspace-schema-v2.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            SqlScript.run(c, SqlScript.split(script));
        }
        return file;
    }

    /** The frozen schema-3 fixture loaded into a fresh file. */
    Path schemaV3Workspace() throws Exception {
        Path file = dir.resolve("v3.amlsh");
        String script;
        try (InputStream in = getClass().getResourceAsStream("workspace-schema-v3.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            SqlScript.run(c, SqlScript.split(script));
        }
        return file;
    }

    /** Schema 4: each version and draft gets its definition's digest, and env list reads them. */
    @Test
    void aSchemaThreeWorkspaceGetsDigestsAndListsAsBefore() throws Exception {
        Path file = schemaV3Workspace();
        try (SqliteWorkspaceStore store = SqliteWorkspaceStore.open(file, "v3", false, CLOCK)) {
            assertThat(store.schemaVersion()).isEqualTo(SqliteSchema.CURRENT);
            assertThat(store.summaries(true))
                    .extracting(
                            dev.amlsh.workspace.EnvironmentSummary::name,
                            r -> r.draft().label(),
                            dev.amlsh.workspace.EnvironmentSummary::latest,
                            dev.amlsh.workspace.EnvironmentSummary::versions,
                            dev.amlsh.workspace.EnvironmentSummary::archived)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("fresh", "new", null, 0, false),
                            org.assertj.core.groups.Tuple.tuple("gone", "same", null, 1, true),
                            org.assertj.core.groups.Tuple.tuple("pytorch", "same", "2", 2, false),
                            org.assertj.core.groups.Tuple.tuple("same", "changed", "1", 1, false));
            assertThat(store.summaries(false)).extracting(r -> r.name()).contains("gone"); // it has a draft
            assertThat(store.versionSummaries("pytorch"))
                    .extracting(v -> v.version() + " " + v.labels())
                    .containsExactly("1 [stable]", "2 []");
            assertThat(store.draft("pytorch").orElseThrow().condaFile().text()).contains("# arrays");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM versions WHERE digest IS NULL)"
                        + " + (SELECT count(*) FROM drafts WHERE digest IS NULL), (SELECT count(*) FROM versions)")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
            assertThat(rs.getInt(2)).isEqualTo(4);
        }
    }

    Path workspaceWithVersions(int count) {
        Path file = dir.resolve("ws.amlsh");
        SqliteWorkspaceStore.create(file, "ws");
        try (SqliteWorkspaceStore store = SqliteWorkspaceStore.open(file, "ws", false, CLOCK)) {
            for (int i = 1; i <= count; i++) {
                store.register(Definitions.numbered("env" + (i % 3), "t", i), null);
            }
        }
        return file;
    }

    @Test
    void aSchemaOneWorkspaceIsMigratedAndKeepsEverything() throws Exception {
        Path file = schemaV1Workspace();
        try (SqliteWorkspaceStore store = SqliteWorkspaceStore.open(file, "old", false, CLOCK)) {
            assertThat(store.schemaVersion()).isEqualTo(SqliteSchema.CURRENT);
            assertThat(store.names(false)).containsExactly("pytorch");
            assertThat(store.names(true)).containsExactly("legacy", "pytorch");
            assertThat(store.versions("pytorch"))
                    .extracting(RegisteredVersion::version)
                    .containsExactly("1", "2");
            RegisteredVersion two = store.latest("pytorch").orElseThrow();
            assertThat(two.version()).isEqualTo("2");
            assertThat(two.createdAt()).isEqualTo(Instant.parse("2024-01-04T00:00:00.123456Z"));
            assertThat(two.environment())
                    .isEqualTo(Definitions.numbered("pytorch", "v1", 2).withVersion("2"));
            assertThat(store.draft("pytorch")).contains(Definitions.numbered("pytorch", "v1", 3));
            assertThat(store.defaultBaseImage())
                    .isEqualTo("mcr.microsoft.com/azureml/intelmpi2018.3-ubuntu16.04:20200821.v1");

            RegisteredVersion legacy = store.version("legacy", "1").orElseThrow();
            assertThat(legacy.archived()).isTrue();
            assertThat(legacy.environment().docker().gpuSupport()).isFalse();
            // an old SDK file has no platform: reading fills the SDK default, as EnvironmentJson does for files
            assertThat(legacy.environment().docker().platform()).isEqualTo(dev.amlsh.model.Platform.LINUX_AMD64);
            assertThat(legacy.environment().condaSpec().pythonVersion()).contains("3.6.2");

            // what schema 2 added works on the old data
            assertThat(store.label("pytorch", "1", List.of("prod")).labels()).containsExactly("prod");
            Registration next = store.register(Definitions.numbered("pytorch", "v1", 3), null);
            assertThat(next.version().version()).isEqualTo("3");
            assertThat(next.version().sequence()).isEqualTo(4);
            assertThat(store.register(Definitions.numbered("legacy", "v1", 9), null)
                            .version()
                            .archived())
                    .isTrue();
            assertThat(store.integrityCheck()).isEmpty();
        }
        // the migration's Java step filled the hashes and numbers of the versions registered under schema 1
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT definition, conda_hash, image_hash, number FROM versions WHERE id <= 3")) {
            int rows = 0;
            while (rs.next()) {
                Environment env = DefinitionJson.read("row", rs.getString(1));
                assertThat(rs.getString(2)).isEqualTo(EnvironmentHashes.condaEnvironmentName(env.condaSpec()));
                assertThat(rs.getString(3)).isEqualTo(EnvironmentHashes.imageName(env));
                assertThat(rs.getLong(4)).isEqualTo(Long.parseLong(env.version()));
                rows++;
            }
            assertThat(rows).isEqualTo(3);
        }
    }

    /** workspace import of a file from an older amlsh: read in a migrated copy, the file itself untouched. */
    @Test
    void anOlderFileIsImportedWithoutChangingIt() throws Exception {
        Path file = schemaV2Workspace();
        byte[] before = java.nio.file.Files.readAllBytes(file);
        FileWorkspaceCatalog catalog = new FileWorkspaceCatalog(dir.resolve("home"), CLOCK);
        var imported = catalog.importFile(file, null);
        assertThat(imported.workspace()).isEqualTo("v2");
        assertThat(java.nio.file.Files.readAllBytes(file)).isEqualTo(before);
        assertThat(java.nio.file.Files.exists(Path.of(file + "-wal"))).isFalse();
        try (SqliteWorkspaceStore store = SqliteWorkspaceStore.open(imported.file(), "v2", true, CLOCK)) {
            assertThat(store.schemaVersion()).isEqualTo(SqliteSchema.CURRENT);
            assertThat(store.versions("pytorch"))
                    .extracting(RegisteredVersion::version)
                    .containsExactly("1");
            assertThat(store.drafts()).extracting(Environment::name).containsExactly("pytorch", "sklearn");
        }
    }

    @Test
    void aSchemaTwoWorkspaceGetsDraftConda_filesAndKeepsEverything() throws Exception {
        Path file = schemaV2Workspace();
        try (SqliteWorkspaceStore store = SqliteWorkspaceStore.open(file, "v2", false, CLOCK)) {
            assertThat(store.schemaVersion()).isEqualTo(SqliteSchema.CURRENT);
            assertThat(store.versions("pytorch"))
                    .extracting(RegisteredVersion::version)
                    .containsExactly("1");
            assertThat(store.latest("pytorch").orElseThrow().environment())
                    .isEqualTo(Definitions.numbered("pytorch", "v2", 1).withVersion("1"));
            // schema 2 kept no written form: the drafts read back without one (the plain dump is their text)
            Environment pytorch = store.draft("pytorch").orElseThrow();
            assertThat(pytorch).isEqualTo(Definitions.numbered("pytorch", "v2", 2));
            assertThat(pytorch.condaFile()).isNull();
            assertThat(store.drafts()).extracting(Environment::name).containsExactly("pytorch", "sklearn");

            // schema 3 keeps a draft's written form, comments and all, through saves and edits
            var doc = dev.amlsh.conda.roundtrip.CondaDocument.parse(
                    Path.of("env.yml"), "dependencies:  # what conda installs\n  - python=3.8\n  - numpy  # arrays\n");
            Environment withFile = pytorch.withPython(pytorch.python().withCondaDependencies(doc.spec()))
                    .withCondaFile(doc);
            store.saveDraft(withFile);
            store.updateDraft("pytorch", (latest, current) -> current.withCondaSpec(s -> s.addChannel("conda-forge")));
            assertThat(store.draft("pytorch").orElseThrow().condaFile().text())
                    .isEqualTo("dependencies:  # what conda installs\n- python=3.8\n- numpy    # "
                            + "arrays\nchannels:\n- conda-forge\n");
            assertThat(store.integrityCheck()).isEmpty();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name, conda_file IS NULL FROM drafts ORDER BY name")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(2)).isFalse();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("sklearn");
            assertThat(rs.getBoolean(2)).isTrue();
        }
    }

    @Test
    void aSchemaOneWorkspaceOpenedReadOnlyIsRefusedAndUnchanged() throws Exception {
        Path file = schemaV1Workspace();
        String before = Hashes.sha256(file);
        assertThatThrownBy(() -> SqliteWorkspaceStore.open(file, "old", true, CLOCK))
                .isInstanceOf(WorkspaceUnavailableException.class)
                .hasMessageContaining("schema 1 from an older amlsh and is open read-only");
        assertThat(Hashes.sha256(file)).isEqualTo(before);
    }

    @Test
    void aNewerSchemaIsRefusedAndUnchanged() throws Exception {
        Path file = workspaceWithVersions(3);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = " + (SqliteSchema.CURRENT + 1));
        }
        String before = Hashes.sha256(file);
        for (boolean readOnly : new boolean[] {false, true}) {
            assertThatThrownBy(() -> SqliteWorkspaceStore.open(file, "ws", readOnly, CLOCK))
                    .isInstanceOf(WorkspaceUnavailableException.class)
                    .hasMessageContaining("was written by a newer amlsh: its schema is " + (SqliteSchema.CURRENT + 1));
        }
        assertThat(Hashes.sha256(file)).isEqualTo(before);
    }

    @Test
    void anotherSqliteDatabaseIsRefusedAndUnchanged() throws Exception {
        Path file = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE versions (id INTEGER PRIMARY KEY, name TEXT)");
            s.execute("INSERT INTO versions (name) VALUES ('not ours')");
        }
        String before = Hashes.sha256(file);
        assertThatThrownBy(() -> SqliteWorkspaceStore.open(file, "other", false, CLOCK))
                .isInstanceOf(WorkspaceUnavailableException.class)
                .hasMessageContaining("is an SQLite database but not an amlsh workspace")
                .hasMessageContaining("left unchanged");
        assertThat(Hashes.sha256(file)).isEqualTo(before);
        assertThat(dir.resolve("other.db-wal")).doesNotExist();
        assertThat(dir.resolve("other.db-shm")).doesNotExist();
    }

    @Test
    void aTextFileAndAnEmptyFileAreRefusedAndUnchanged() throws Exception {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "these are my notes, not a database\n".repeat(20), StandardCharsets.UTF_8);
        Path empty = Files.createFile(dir.resolve("empty.amlsh"));
        String textBefore = Hashes.sha256(text);

        assertThatThrownBy(() -> SqliteWorkspaceStore.open(text, "notes", false, CLOCK))
                .isInstanceOf(WorkspaceUnavailableException.class)
                .hasMessageContaining("is not an amlsh workspace (not an SQLite database)");
        assertThatThrownBy(() -> SqliteWorkspaceStore.open(empty, "empty", false, CLOCK))
                .isInstanceOf(WorkspaceUnavailableException.class)
                .hasMessageContaining("empty file");
        assertThat(Hashes.sha256(text)).isEqualTo(textBefore);
        assertThat(Files.size(empty)).isZero();
        assertThat(dir.resolve("notes.txt-wal")).doesNotExist();
    }

    @Test
    void aWorkspaceWithDamagedPagesIsRefusedAndUnchanged() throws Exception {
        Path file = workspaceWithVersions(60);
        long size = Files.size(file);
        assertThat(size).isGreaterThan(8 * 4096L);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] garbage = new byte[(int) size - 2 * 4096];
            Arrays.fill(garbage, (byte) 0x5A);
            raf.seek(2 * 4096L);
            raf.write(garbage);
        }
        String before = Hashes.sha256(file);
        for (boolean readOnly : new boolean[] {false, true}) {
            assertThatThrownBy(() -> SqliteWorkspaceStore.open(file, "ws", readOnly, CLOCK))
                    .isInstanceOf(WorkspaceUnavailableException.class)
                    .hasMessageContaining("workspace ws")
                    .hasMessageContaining("corrupt");
        }
        assertThat(Hashes.sha256(file)).isEqualTo(before);
    }

    @Test
    void damageInAFileTooLargeToScanOnOpenFailsTheCommandAndChangesNothing() throws Exception {
        Path file = workspaceWithVersions(60);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] garbage = new byte[(int) Files.size(file) - 2 * 4096];
            Arrays.fill(garbage, (byte) 0x5A);
            raf.seek(2 * 4096L);
            raf.write(garbage);
        }
        String before = Hashes.sha256(file);
        // a quick_check limit of 0 bytes stands for a file larger than the limit
        try (SqliteWorkspaceStore store = SqliteWorkspaceStore.open(file, "ws", false, CLOCK, 1000, 0)) {
            assertThatThrownBy(() -> store.register(Definitions.numbered("env1", "t", 99), null))
                    .isInstanceOf(WorkspaceUnavailableException.class)
                    .hasMessageContaining("corrupt");
            assertThatThrownBy(() -> store.versions("env1"))
                    .isInstanceOf(WorkspaceUnavailableException.class)
                    .hasMessageContaining("corrupt");
            assertThat(store.integrityCheck()).isNotEmpty();
        }
        assertThat(Hashes.sha256(file)).isEqualTo(before);
    }

    @Test
    void anAmlshFileWithoutItsTablesIsRefusedAndUnchanged() throws Exception {
        Path file = dir.resolve("half.amlsh");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA application_id = " + SqliteSchema.APPLICATION_ID);
            s.execute("PRAGMA user_version = 2");
            s.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)");
        }
        String before = Hashes.sha256(file);
        assertThatThrownBy(() -> SqliteWorkspaceStore.open(file, "half", false, CLOCK))
                .isInstanceOf(WorkspaceUnavailableException.class)
                .hasMessageContaining("is damaged: it has no drafts, names, versions, labels table");
        assertThat(Hashes.sha256(file)).isEqualTo(before);
    }

    @Test
    void aWorkspaceWithABrokenHeaderIsRefusedAndUnchanged() throws Exception {
        Path file = workspaceWithVersions(3);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(16); // the page size: 3 is not a power of two, so SQLite says "not a database"
            raf.write(new byte[] {0, 3});
        }
        String before = Hashes.sha256(file);
        assertThatThrownBy(() -> SqliteWorkspaceStore.open(file, "ws", false, CLOCK))
                .isInstanceOf(WorkspaceUnavailableException.class)
                .hasMessageContaining("corrupt or not an amlsh workspace");
        assertThat(Hashes.sha256(file)).isEqualTo(before);
    }

    @Test
    void aMissingFileOrAFolderIsNotAWorkspace() throws IOException {
        assertThatThrownBy(() -> SqliteWorkspaceStore.open(dir.resolve("nope.amlsh"), "nope", false, CLOCK))
                .isInstanceOf(WorkspaceUnavailableException.class)
                .hasMessageContaining("does not exist");
        Path folder = Files.createDirectory(dir.resolve("folder.amlsh"));
        assertThatThrownBy(() -> SqliteWorkspaceStore.open(folder, "folder", false, CLOCK))
                .isInstanceOf(WorkspaceUnavailableException.class)
                .hasMessageContaining("is not a file");
    }
}

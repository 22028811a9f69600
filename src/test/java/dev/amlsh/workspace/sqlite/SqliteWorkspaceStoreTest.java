package dev.amlsh.workspace.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amlsh.model.AmlshException;
import dev.amlsh.model.ContainerRegistry;
import dev.amlsh.model.Environment;
import dev.amlsh.model.SdkRelease;
import dev.amlsh.workspace.RegisteredVersion;
import dev.amlsh.workspace.Registration;
import dev.amlsh.workspace.WorkspaceStore;
import dev.amlsh.workspace.WorkspaceStoreContract;
import dev.amlsh.workspace.WorkspaceUnavailableException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite store: the {@link WorkspaceStoreContract}, and what a workspace file adds (schema, read-only, busy,
 * export).
 */
class SqliteWorkspaceStoreTest extends WorkspaceStoreContract {

    @TempDir
    Path dir;

    Path file;

    @Override
    protected WorkspaceStore createAndOpen() {
        file = dir.resolve("ws.amlsh");
        SqliteWorkspaceStore.create(file, "ws");
        return SqliteWorkspaceStore.open(file, "ws", false, ticking());
    }

    @Override
    protected WorkspaceStore reopen() {
        return SqliteWorkspaceStore.open(file, "ws", false, ticking());
    }

    @Override
    protected WorkspaceStore createAnother() {
        Path other = dir.resolve("other-" + java.util.UUID.randomUUID() + ".amlsh");
        SqliteWorkspaceStore.create(other, "other");
        return SqliteWorkspaceStore.open(other, "other", false, ticking());
    }

    private SqliteWorkspaceStore sqlite() {
        return (SqliteWorkspaceStore) store;
    }

    @Test
    void aNewWorkspaceHasTheCurrentSchemaAndNothingInIt() {
        assertThat(sqlite().schemaVersion()).isEqualTo(SqliteSchema.CURRENT);
        assertThat(store.names(true)).isEmpty();
        assertThat(store.drafts()).isEmpty();
        assertThat(store.defaultBaseImage()).isEqualTo(SdkRelease.DEFAULT_BASE_IMAGE);
        assertThat(sqlite().integrityCheck()).isEmpty();
        assertThat(sqlite().isReadOnly()).isFalse();
    }

    @Test
    void creatingOverAnExistingFileIsRefused() {
        assertThatThrownBy(() -> SqliteWorkspaceStore.create(file, "ws"))
                .isInstanceOf(AmlshException.class)
                .hasMessageContaining("already exists");
    }

    @Test
    void everyFieldSurvivesTheStoreButThePassword() throws Exception {
        Environment rich = Definitions.rich("rich");
        store.saveDraft(rich);
        Registration r = store.register(rich, null);
        store.close();
        store = reopen();

        ContainerRegistry masked = new ContainerRegistry("myacr.azurecr.io", "deployer", "***", null);
        Environment expected = rich.withDocker(rich.docker().withRegistry(masked));
        assertThat(store.draft("rich")).contains(expected);
        assertThat(store.version("rich", "1"))
                .map(RegisteredVersion::environment)
                .contains(expected.withVersion("1"));
        assertThat(r.version().environment()).isEqualTo(expected.withVersion("1"));
        // the stored password stands for the one given: registering the same draft again is no change
        assertThat(store.register(rich, null).created()).isFalse();
        store.close();

        byte[] bytes = Files.readAllBytes(file);
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
                .doesNotContain("s3cret-Pa55")
                .contains("\"***\"");
    }

    @Test
    void definitionsAreSdkJsonReadableWithSql() throws Exception {
        store.register(Definitions.rich("rich"), null);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT definition, json_extract(definition, '$.docker.platform.architecture'),"
                                + " json_extract(definition, '$.docker.baseImageRegistry.password'), conda_hash, "
                                + "image_hash,"
                                + " created_at FROM versions")) {
            assertThat(rs.next()).isTrue();
            String json = rs.getString(1);
            assertThat(json).startsWith("{\"name\":\"rich\",\"version\":\"1\",\"environmentVariables\":{");
            assertThat(json.indexOf("\"python\"")).isLessThan(json.indexOf("\"docker\""));
            assertThat(json.indexOf("\"docker\"")).isLessThan(json.indexOf("\"spark\""));
            assertThat(json.indexOf("\"inferencingStackVersion\"")).isLessThan(json.indexOf("\"futureField\""));
            assertThat(rs.getString(2)).isEqualTo("arm64");
            assertThat(rs.getString(3)).isEqualTo("***");
            assertThat(rs.getString(4)).matches("azureml_[0-9a-f]{32}");
            assertThat(rs.getString(5)).matches("azureml/azureml_[0-9a-f]{32}");
            assertThat(rs.getString(6)).isEqualTo(T0.toString());
        }
    }

    @Test
    void readOnlyOpeningReadsEverythingAndRefusesEveryWrite() throws Exception {
        store.register(env(1), null);
        store.saveDraft(env(2));
        store.label("pytorch", "1", List.of("prod"));
        store.close();
        String before = Hashes.sha256(file);

        store = SqliteWorkspaceStore.open(file, "ws", true, ticking());
        assertThat(sqlite().isReadOnly()).isTrue();
        assertThat(store.names(false)).containsExactly("pytorch");
        assertThat(store.draft("pytorch")).contains(env(2));
        assertThat(store.labelled("pytorch", "prod")).isPresent();
        assertThat(store.defaultBaseImage()).isEqualTo(SdkRelease.DEFAULT_BASE_IMAGE);

        List<Runnable> writes = List.of(
                () -> store.register(env(3), null),
                () -> store.saveDraft(env(3)),
                () -> store.discardDraft("pytorch"),
                () -> store.label("pytorch", "1", List.of("x")),
                () -> store.archive("pytorch", null),
                () -> store.restore("pytorch", "1"),
                () -> store.setDefaultBaseImage("ubuntu:22.04"));
        for (Runnable write : writes) {
            assertThatThrownBy(write::run)
                    .isInstanceOf(WorkspaceUnavailableException.class)
                    .hasMessageContaining("workspace ws is open read-only");
        }
        store.close();
        assertThat(Hashes.sha256(file)).isEqualTo(before);
    }

    @Test
    void aWriterWaitsForTheBusyTimeoutThenGivesUpClearly() throws Exception {
        store.close();
        store = SqliteWorkspaceStore.open(file, "ws", false, ticking(), 300);
        store.register(env(1), null);
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = other.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            long start = System.nanoTime();
            assertThatThrownBy(() -> store.register(env(2), null))
                    .isInstanceOf(WorkspaceUnavailableException.class)
                    .hasMessageContaining("workspace ws is busy")
                    .hasMessageContaining("300 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
            // readers are not blocked by a writer (WAL)
            assertThat(store.latest("pytorch")).map(RegisteredVersion::version).contains("1");
            s.execute("COMMIT");
        }
        assertThat(store.register(env(2), null).version().version()).isEqualTo("2");
    }

    @Test
    void exportMakesAConsistentCopyThatOpens() {
        store.register(env(1), null);
        store.label("pytorch", "1", List.of("prod"));
        Path copy = dir.resolve("copy.amlsh");
        sqlite().exportTo(copy);
        assertThatThrownBy(() -> sqlite().exportTo(copy))
                .isInstanceOf(AmlshException.class)
                .hasMessageContaining("already exists");
        try (SqliteWorkspaceStore exported = SqliteWorkspaceStore.open(copy, "copy", false, ticking())) {
            assertThat(exported.labelled("pytorch", "prod"))
                    .map(RegisteredVersion::environment)
                    .contains(env(1).withVersion("1"));
            assertThat(exported.integrityCheck()).isEmpty();
        }
    }
}

package dev.amlsh.workspace.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amlsh.model.AmlshException;
import dev.amlsh.model.ContainerRegistry;
import dev.amlsh.model.Environment;
import dev.amlsh.model.SdkRelease;
import dev.amlsh.workspace.RegisteredVersion;
import dev.amlsh.workspace.Registration;
import dev.amlsh.workspace.Workspace;
import dev.amlsh.workspace.WorkspaceUnavailableException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteWorkspaceStoreTest {

    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    @TempDir
    Path dir;

    Path file;
    SqliteWorkspaceStore store;

    /** A clock that moves one second per reading, so creation times differ and are predictable. */
    static Clock ticking() {
        return new Clock() {
            private Instant now = T0;

            @Override
            public synchronized Instant instant() {
                Instant t = now;
                now = now.plusSeconds(1);
                return t;
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
    }

    @BeforeEach
    void open() {
        file = dir.resolve("ws.amlsh");
        SqliteWorkspaceStore.create(file, "ws");
        store = SqliteWorkspaceStore.open(file, "ws", false, ticking());
    }

    @AfterEach
    void close() {
        store.close();
    }

    Environment env(int n) {
        return Definitions.numbered("pytorch", "t", n);
    }

    @Test
    void aNewWorkspaceHasTheCurrentSchemaAndNothingInIt() {
        assertThat(store.schemaVersion()).isEqualTo(SqliteSchema.CURRENT);
        assertThat(store.names(true)).isEmpty();
        assertThat(store.drafts()).isEmpty();
        assertThat(store.defaultBaseImage()).isEqualTo(SdkRelease.DEFAULT_BASE_IMAGE);
        assertThat(store.integrityCheck()).isEmpty();
        assertThat(store.isReadOnly()).isFalse();
    }

    @Test
    void creatingOverAnExistingFileIsRefused() {
        assertThatThrownBy(() -> SqliteWorkspaceStore.create(file, "ws"))
                .isInstanceOf(AmlshException.class).hasMessageContaining("already exists");
    }

    @Test
    void versionsAreNumberedAsAzureMlDoes() {
        Registration first = store.register(env(1), null);
        Registration same = store.register(env(1), null);
        Registration changed = store.register(env(2), null);

        assertThat(first.created()).isTrue();
        assertThat(first.version().version()).isEqualTo("1");
        assertThat(first.version().createdAt()).isEqualTo(T0);
        assertThat(same.created()).isFalse();
        assertThat(same.version().version()).isEqualTo("1");
        assertThat(changed.version().version()).isEqualTo("2");
        assertThat(changed.version().sequence()).isGreaterThan(first.version().sequence());
        assertThat(store.versions("pytorch")).extracting(RegisteredVersion::version).containsExactly("1", "2");
    }

    @Test
    void explicitVersionsFollowTheServiceRules() {
        store.register(env(1), null);
        Registration beta = store.register(env(2), "1.0-beta");
        Registration again = store.register(env(2), "1.0-beta");
        assertThatThrownBy(() -> store.register(env(3), "1.0-beta"))
                .isInstanceOf(AmlshException.class)
                .hasMessage("Environment pytorch with version 1.0-beta is already registered and cannot be changed.");
        Registration ten = store.register(env(3), "10");
        Registration next = store.register(env(4), null);

        assertThat(beta.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(ten.version().version()).isEqualTo("10");
        assertThat(next.version().version()).isEqualTo("11");
        assertThatThrownBy(() -> store.register(env(5), "bad version"))
                .isInstanceOf(AmlshException.class).hasMessageContaining("not a valid version");
    }

    @Test
    void numberingCountsIntegerVersionsOnlyAndStopsAtTheLargestLong() {
        store.register(env(1), "007");
        store.register(env(2), "1.5");
        store.register(env(3), "99999999999999999999"); // beyond a long: not a number for the rules
        assertThat(store.register(env(4), null).version().version()).isEqualTo("8");
        store.register(env(5), Long.toString(Long.MAX_VALUE));
        assertThatThrownBy(() -> store.register(env(6), null)).isInstanceOf(AmlshException.class)
                .hasMessageContaining("no version number is left after " + Long.MAX_VALUE);
        assertThat(store.register(env(6), "next").created()).isTrue();
    }

    @Test
    void latestIsTheMostRecentlyCreatedVersionNotTheHighestNumber() {
        store.register(env(1), "5");
        store.register(env(2), "2");
        assertThat(store.latest("pytorch")).map(RegisteredVersion::version).contains("2");
        // unchanged from latest keeps latest; unchanged from an older version is a new version
        assertThat(store.register(env(2), null).created()).isFalse();
        Registration back = store.register(env(1), null);
        assertThat(back.created()).isTrue();
        assertThat(back.version().version()).isEqualTo("6");
        assertThat(store.labelled("pytorch", "latest")).map(RegisteredVersion::version).contains("6");
    }

    @Test
    void archivingAVersionHidesItFromLatestButNotFromItsNumber() {
        store.register(env(1), null);
        store.register(env(2), null);
        store.archive("pytorch", "2");

        assertThat(store.latest("pytorch")).map(RegisteredVersion::version).contains("1");
        assertThat(store.version("pytorch", "2")).map(RegisteredVersion::archived).contains(true);
        assertThat(store.names(false)).containsExactly("pytorch");
        // a changed definition is compared with latest (1) and numbered after the largest (2)
        assertThat(store.register(env(3), null).version().version()).isEqualTo("3");

        store.restore("pytorch", "2");
        assertThat(store.version("pytorch", "2")).map(RegisteredVersion::archived).contains(false);
        assertThatThrownBy(() -> store.archive("pytorch", "9"))
                .isInstanceOf(AmlshException.class).hasMessageContaining("pytorch:9 is not registered");
        assertThatThrownBy(() -> store.archive("nothing", null))
                .isInstanceOf(AmlshException.class).hasMessageContaining("nothing is not registered");
    }

    @Test
    void archivingANameHidesItAndArchivesItsNewVersions() {
        store.register(env(1), null);
        store.register(Definitions.numbered("sklearn", "t", 1), null);
        store.archive("pytorch", null);

        assertThat(store.names(false)).containsExactly("sklearn");
        assertThat(store.names(true)).containsExactly("pytorch", "sklearn");
        assertThat(store.latest("pytorch")).isEmpty();
        assertThat(store.version("pytorch", "1")).isPresent();

        Registration underArchived = store.register(env(2), null);
        assertThat(underArchived.version().archived()).isTrue();
        assertThat(store.version("pytorch", "2")).map(RegisteredVersion::archived).contains(true);
        assertThat(store.latest("pytorch")).isEmpty();

        store.restore("pytorch", null);
        assertThat(store.names(false)).containsExactly("pytorch", "sklearn");
        assertThat(store.latest("pytorch")).map(RegisteredVersion::version).contains("2");
        assertThat(store.register(env(3), null).version().archived()).isFalse();
    }

    @Test
    void theWorkspaceSaysWhenANameIsArchived() {
        store.register(env(1), null);
        store.archive("pytorch", null);
        Workspace ws = new Workspace(store);
        assertThatThrownBy(() -> ws.resolve("pytorch@latest"))
                .isInstanceOf(AmlshException.class).hasMessageContaining("archived");
        assertThat(ws.resolve("pytorch:1").version()).isEqualTo("1");
    }

    @Test
    void aLabelNamesOneVersionAndMovesWhenSetElsewhere() {
        store.register(env(1), null);
        store.register(env(2), null);
        RegisteredVersion one = store.label("pytorch", "1", List.of("prod", "stable"));
        assertThat(one.labels()).containsExactly("prod", "stable");
        assertThat(store.labelled("pytorch", "prod")).map(RegisteredVersion::version).contains("1");

        RegisteredVersion two = store.label("pytorch", "2", List.of("prod"));
        assertThat(two.labels()).containsExactly("prod");
        assertThat(store.versions("pytorch")).extracting(RegisteredVersion::labels)
                .containsExactly(List.of("stable"), List.of("prod"));
        assertThat(store.labelled("pytorch", "prod")).map(RegisteredVersion::version).contains("2");
        assertThat(store.labelled("pytorch", "nope")).isEmpty();
        assertThat(new Workspace(store).resolve("pytorch@stable").version()).isEqualTo("1");
    }

    @Test
    void labelsAreValidatedAndLatestIsReserved() {
        store.register(env(1), null);
        assertThatThrownBy(() -> store.label("pytorch", "1", List.of("latest")))
                .isInstanceOf(AmlshException.class).hasMessageContaining("reserved");
        assertThatThrownBy(() -> store.label("pytorch", "1", List.of("no way")))
                .isInstanceOf(AmlshException.class).hasMessageContaining("not a valid label");
        assertThatThrownBy(() -> store.label("pytorch", "7", List.of("prod")))
                .isInstanceOf(AmlshException.class).hasMessageContaining("pytorch:7 is not registered");
        assertThat(store.versions("pytorch").get(0).labels()).isEmpty();
    }

    @Test
    void reservedAndInvalidNamesAreRefused() {
        assertThatThrownBy(() -> store.register(Definitions.numbered("AzureML-x", "t", 1), null))
                .isInstanceOf(AmlshException.class).hasMessageContaining("reserved");
        assertThatThrownBy(() -> store.saveDraft(Definitions.numbered("-bad", "t", 1)))
                .isInstanceOf(AmlshException.class).hasMessageContaining("not a valid environment name");
    }

    @Test
    void draftsAreKeptApartFromVersions() {
        assertThat(store.saveDraft(env(1))).isEmpty();
        assertThat(store.saveDraft(env(2))).contains(env(1));
        store.saveDraft(Definitions.numbered("alpha", "t", 1));
        assertThat(store.draft("pytorch")).contains(env(2));
        assertThat(store.drafts()).extracting(Environment::name).containsExactly("alpha", "pytorch");
        assertThat(store.names(true)).isEmpty();
        assertThat(store.discardDraft("pytorch")).isTrue();
        assertThat(store.discardDraft("pytorch")).isFalse();
        assertThat(store.draft("pytorch")).isEmpty();
    }

    @Test
    void theDefaultBaseImageIsASetting() {
        store.setDefaultBaseImage("mcr.microsoft.com/azureml/intelmpi2018.3-ubuntu16.04:20200821.v1");
        store.close();
        store = SqliteWorkspaceStore.open(file, "ws", false, ticking());
        assertThat(store.defaultBaseImage()).isEqualTo("mcr.microsoft.com/azureml/intelmpi2018.3-ubuntu16.04:20200821.v1");
    }

    @Test
    void everyFieldSurvivesTheStoreButThePassword() throws Exception {
        Environment rich = Definitions.rich("rich");
        store.saveDraft(rich);
        Registration r = store.register(rich, null);
        store.close();
        store = SqliteWorkspaceStore.open(file, "ws", false, ticking());

        ContainerRegistry masked = new ContainerRegistry("myacr.azurecr.io", "deployer", "***", null);
        Environment expected = rich.withDocker(rich.docker().withRegistry(masked));
        assertThat(store.draft("rich")).contains(expected);
        assertThat(store.version("rich", "1")).map(RegisteredVersion::environment).contains(expected.withVersion("1"));
        assertThat(r.version().environment()).isEqualTo(expected.withVersion("1"));
        // the stored password stands for the one given: registering the same draft again is no change
        assertThat(store.register(rich, null).created()).isFalse();
        store.close();

        byte[] bytes = Files.readAllBytes(file);
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("s3cret-Pa55").contains("\"***\"");
    }

    @Test
    void definitionsAreSdkJsonReadableWithSql() throws Exception {
        store.register(Definitions.rich("rich"), null);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT definition, json_extract(definition, '$.docker.platform.architecture'),"
                        + " json_extract(definition, '$.docker.baseImageRegistry.password'), conda_hash, image_hash,"
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
        assertThat(store.isReadOnly()).isTrue();
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
            assertThatThrownBy(write::run).isInstanceOf(WorkspaceUnavailableException.class)
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
    void aFailedWriteLeavesNothingBehind() {
        store.register(env(1), "1");
        assertThatThrownBy(() -> store.register(env(2), "1")).isInstanceOf(AmlshException.class);
        assertThat(store.versions("pytorch")).hasSize(1);
        // and the connection is usable afterwards
        assertThat(store.register(env(2), null).version().version()).isEqualTo("2");
    }

    @Test
    void exportMakesAConsistentCopyThatOpens() {
        store.register(env(1), null);
        store.label("pytorch", "1", List.of("prod"));
        Path copy = dir.resolve("copy.amlsh");
        store.exportTo(copy);
        assertThatThrownBy(() -> store.exportTo(copy)).isInstanceOf(AmlshException.class)
                .hasMessageContaining("already exists");
        try (SqliteWorkspaceStore exported = SqliteWorkspaceStore.open(copy, "copy", false, ticking())) {
            assertThat(exported.labelled("pytorch", "prod")).map(RegisteredVersion::environment).contains(env(1).withVersion("1"));
            assertThat(exported.integrityCheck()).isEmpty();
        }
    }

    @Test
    void aManyVersionNameRegistersWithoutReadingEveryDefinition() {
        List<String> numbers = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            numbers.add(store.register(env(i), null).version().version());
        }
        assertThat(numbers).last().isEqualTo("60");
        assertThat(store.register(env(60), null).created()).isFalse();
        assertThat(store.versions("pytorch")).hasSize(60);
        assertThat(store.version("pytorch", "30")).map(v -> v.environment().environmentVariables().get("WRITER"))
                .isEqualTo(Optional.of("t"));
    }

    @Test
    void aClosedStoreSaysSo() {
        store.close();
        assertThatThrownBy(() -> store.names(true)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}

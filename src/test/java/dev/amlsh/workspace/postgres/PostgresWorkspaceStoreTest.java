package dev.amlsh.workspace.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amlsh.model.AmlshException;
import dev.amlsh.workspace.WorkspaceStore;
import dev.amlsh.workspace.WorkspaceStoreContract;
import dev.amlsh.workspace.WorkspaceUnavailableException;
import dev.amlsh.workspace.sqlite.Definitions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL store on a real server (a throw-away one, {@link PostgresTestServer}): the whole
 * {@link WorkspaceStoreContract}, and what a server adds (drafts per user, schemas, the
 * schema-version guard, read-only).
 */
class PostgresWorkspaceStoreTest extends WorkspaceStoreContract {

    PostgresTestServer server;
    PostgresConnector connector;

    @Override
    protected WorkspaceStore createAndOpen() {
        server = PostgresTestServer.shared();
        connector = new PostgresConnector(PostgresLocation.parse(server.newWorkspaceUrl()), server.env());
        PostgresWorkspaceStore.create(connector);
        return PostgresWorkspaceStore.open(connector, null, false, ticking());
    }

    @Override
    protected WorkspaceStore reopen() {
        return PostgresWorkspaceStore.open(connector, null, false, ticking());
    }

    @Override
    protected WorkspaceStore createAnother() {
        PostgresConnector other = new PostgresConnector(PostgresLocation.parse(server.newWorkspaceUrl()), server.env());
        PostgresWorkspaceStore.create(other);
        return PostgresWorkspaceStore.open(other, null, false, ticking());
    }

    private PostgresWorkspaceStore pg() {
        return (PostgresWorkspaceStore) store;
    }

    @Test
    void aNewWorkspaceHasTheFileFormatsSchemaAndIsNamedByItsUrl() {
        assertThat(pg().schemaVersion()).isEqualTo(PostgresSchema.CURRENT);
        assertThat(store.names(true)).isEmpty();
        assertThat(store.name()).isEqualTo(connector.location().display()).doesNotContain(server.password());
        assertThat(pg().owner()).isEqualTo(PostgresTestServer.SUPERUSER);
        assertThatThrownBy(() -> PostgresWorkspaceStore.create(connector))
                .isInstanceOf(AmlshException.class)
                .hasMessageContaining("already exists");
    }

    @Test
    void versionsAreSharedAndDraftsBelongToTheirUser() {
        try (PostgresWorkspaceStore alice = PostgresWorkspaceStore.open(connector, "alice", false, ticking());
                PostgresWorkspaceStore bob = PostgresWorkspaceStore.open(connector, "bob", false, ticking())) {
            alice.saveDraft(env(1));
            bob.saveDraft(env(2));
            assertThat(alice.draft("pytorch")).contains(env(1));
            assertThat(bob.draft("pytorch")).contains(env(2));
            assertThat(store.draft("pytorch")).isEmpty(); // the database user's own drafts: none

            assertThat(alice.register(env(1), null).version().version()).isEqualTo("1");
            assertThat(bob.register(env(2), null).version().version()).isEqualTo("2");
            assertThat(store.versions("pytorch")).hasSize(2);
            assertThat(alice.discardDraft("pytorch")).isTrue();
            assertThat(bob.draft("pytorch")).contains(env(2));
        }
    }

    @Test
    void thePasswordNeverReachesTheServer() throws Exception {
        store.saveDraft(Definitions.rich("rich"));
        store.register(Definitions.rich("rich"), null);
        try (Connection c = server.adminConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT string_agg(definition, '') FROM (SELECT definition FROM "
                        + connector.location().schema() + ".versions UNION ALL SELECT definition FROM "
                        + connector.location().schema() + ".drafts) d")) {
            rs.next();
            assertThat(rs.getString(1)).doesNotContain("s3cret-Pa55").contains("\"***\"");
        }
    }

    /** Schema 3 to 4 on a server: the frozen fixture's versions and drafts get digests, env list reads them. */
    @Test
    void aSchemaThreeWorkspaceGetsDigestsAndListsAsBefore() throws Exception {
        String url = server.newWorkspaceUrl();
        PostgresConnector v3 = new PostgresConnector(PostgresLocation.parse(url), server.env());
        String schema = v3.location().schema();
        String fixture;
        try (var in = getClass().getResourceAsStream("workspace-schema-v3.sql")) {
            fixture = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        try (Connection c = server.adminConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
            s.execute("SET search_path TO " + schema);
            for (String sql : dev.amlsh.workspace.sqlite.SqlScript.split(fixture)) {
                s.execute(sql);
            }
        }
        try (PostgresWorkspaceStore ws = PostgresWorkspaceStore.open(v3, null, false, ticking())) {
            assertThat(ws.schemaVersion()).isEqualTo(PostgresSchema.CURRENT);
            assertThat(ws.summaries(true))
                    .extracting(r -> r.name() + " " + r.draft().label() + " " + r.latest() + " " + r.versions() + " "
                            + r.archived())
                    .containsExactly(
                            "fresh new null 0 false",
                            "gone same null 1 true",
                            "pytorch same 2 2 false",
                            "same changed 1 1 false");
            assertThat(ws.versionSummaries("pytorch"))
                    .extracting(v -> v.version() + " " + v.labels())
                    .containsExactly("1 [stable]", "2 []");
            assertThat(ws.register(env(1), null).version().version()).isEqualTo("3"); // ids go on after the fixture's
        }
        try (Connection c = server.adminConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM " + schema + ".versions WHERE digest IS"
                        + " NULL) + (SELECT count(*) FROM " + schema + ".drafts WHERE digest IS NULL)")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void aNewerSchemaIsRefusedAndLeftAsItWas() throws Exception {
        store.register(env(1), null);
        try (Connection c = server.adminConnection();
                Statement s = c.createStatement()) {
            s.execute(
                    "UPDATE " + connector.location().schema() + ".meta SET value = '99' WHERE key = 'schema_version'");
        }
        assertThatThrownBy(this::reopen)
                .isInstanceOf(WorkspaceUnavailableException.class)
                .hasMessageContaining("written by a newer amlsh: its schema is 99")
                .hasMessageContaining("up to " + PostgresSchema.CURRENT);
    }

    @Test
    void aSchemaWithoutAWorkspaceSaysHowToCreateOne() {
        PostgresConnector elsewhere =
                new PostgresConnector(PostgresLocation.parse(server.newWorkspaceUrl()), server.env());
        assertThatThrownBy(() -> PostgresWorkspaceStore.open(elsewhere, null, false, ticking()))
                .isInstanceOf(WorkspaceUnavailableException.class)
                .hasMessageContaining(
                        "no amlsh workspace at " + elsewhere.location().display())
                .hasMessageContaining("workspace create");
    }

    @Test
    void readOnlyReadsEverythingAndRefusesEveryWrite() {
        store.register(env(1), null);
        store.saveDraft(env(2));
        try (PostgresWorkspaceStore ro = PostgresWorkspaceStore.open(connector, null, true, ticking())) {
            assertThat(ro.names(false)).containsExactly("pytorch");
            assertThat(ro.draft("pytorch")).contains(env(2));
            List<Runnable> writes = List.of(
                    () -> ro.register(env(3), null),
                    () -> ro.saveDraft(env(3)),
                    () -> ro.label("pytorch", "1", List.of("x")),
                    () -> ro.archive("pytorch", null),
                    () -> ro.setDefaultBaseImage("ubuntu:22.04"));
            for (Runnable write : writes) {
                assertThatThrownBy(write::run)
                        .isInstanceOf(WorkspaceUnavailableException.class)
                        .hasMessageContaining("is open read-only");
            }
        }
        assertThat(store.versions("pytorch")).hasSize(1);
    }
}

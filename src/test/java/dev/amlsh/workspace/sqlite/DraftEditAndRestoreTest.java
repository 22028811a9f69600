package dev.amlsh.workspace.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amlsh.model.AmlshException;
import dev.amlsh.model.Environment;
import dev.amlsh.workspace.RegisteredVersion;
import dev.amlsh.workspace.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Draft edits are one transaction; restoring a version restores its name; 'latest' is no version. */
class DraftEditAndRestoreTest {

    @TempDir
    Path dir;

    Path file;
    SqliteWorkspaceStore store;

    @BeforeEach
    void open() {
        file = dir.resolve("ws.amlsh");
        SqliteWorkspaceStore.create(file, "ws");
        store = SqliteWorkspaceStore.open(file, "ws", false, SqliteWorkspaceStoreTest.ticking());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void restoringOneVersionOfAnArchivedNameLetsNewVersionsBeSeen() {
        store.register(Definitions.numbered("pytorch", "t", 1), null);
        store.register(Definitions.numbered("pytorch", "t", 2), null);
        store.archive("pytorch", null);
        store.restore("pytorch", "2");

        var third =
                store.register(Definitions.numbered("pytorch", "t", 3), null).version();

        assertThat(third.archived()).isFalse();
        assertThat(store.latest("pytorch")).map(RegisteredVersion::version).contains("3");
        assertThat(store.names(false)).contains("pytorch");
    }

    @Test
    void latestIsNotAVersion() {
        assertThatThrownBy(() -> store.register(Definitions.numbered("pytorch", "t", 1), "latest"))
                .isInstanceOf(AmlshException.class)
                .hasMessageContaining("'latest' is not a version");
    }

    @Test
    void anEditStartsFromTheLatestVersionWhenThereIsNoDraftAndSaysSoAfterSaving() {
        store.register(Definitions.numbered("pytorch", "t", 1), null);
        List<String> notes = new ArrayList<>();
        Environment edited = new Workspace(store)
                .editDraft("pytorch", e -> e.withVariable("MODE", "fast"), notes::add)
                .after();

        assertThat(notes).containsExactly("started a draft of pytorch from version 1");
        assertThat(edited.version()).isNull();
        assertThat(store.draft("pytorch")).contains(edited);
    }

    @Test
    void aRefusedEditChangesNothingAndStartsNoDraft() {
        store.register(Definitions.numbered("pytorch", "t", 1), null);
        List<String> notes = new ArrayList<>();
        assertThatThrownBy(() -> new Workspace(store)
                        .editDraft(
                                "pytorch",
                                e -> e.withCondaSpec(s -> s.removeCondaPackage(
                                        s.python().orElseThrow().spec())),
                                notes::add))
                .isInstanceOf(AmlshException.class);
        assertThat(notes).isEmpty();
        assertThat(store.draft("pytorch")).isEmpty();
    }

    @Test
    void twoWritersEditingOneDraftLoseNoEdit() throws Exception {
        store.saveDraft(Definitions.numbered("pytorch", "t", 1));
        int perWriter = 25;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (String writer : List.of("a", "b")) {
            Thread t = new Thread(() -> {
                // each writer has its own connection, as two shells would
                try (SqliteWorkspaceStore own =
                        SqliteWorkspaceStore.open(file, "ws", false, SqliteWorkspaceStoreTest.ticking())) {
                    start.await();
                    for (int i = 0; i < perWriter; i++) {
                        String key = writer + i;
                        own.updateDraft("pytorch", (fromLatest, current) -> current.withVariable(key, "1"));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            writers.add(t);
            t.start();
        }
        start.countDown();
        for (Thread t : writers) {
            t.join();
        }

        assertThat(failures).isEmpty();
        var variables = store.draft("pytorch").orElseThrow().environmentVariables();
        for (String writer : List.of("a", "b")) {
            for (int i = 0; i < perWriter; i++) {
                assertThat(variables).containsKey(writer + i);
            }
        }
    }
}

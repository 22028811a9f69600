package dev.amlsh.workspace.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amlsh.workspace.EnvironmentSummary;
import dev.amlsh.workspace.EnvironmentSummary.DraftState;
import dev.amlsh.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code env list}'s use case: every name with its draft state, read in one transaction of the store. */
class WorkspaceListTest {

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
    void draftStatesAgainstTheNewestVersion() {
        store.saveDraft(Definitions.numbered("fresh", "t", 1));
        store.register(Definitions.numbered("same", "t", 1), null);
        store.saveDraft(Definitions.numbered("same", "t", 1));
        store.register(Definitions.numbered("edited", "t", 1), null);
        store.saveDraft(Definitions.numbered("edited", "t", 2));
        store.register(Definitions.numbered("plain", "t", 1), null);
        store.register(Definitions.numbered("plain", "t", 2), null);
        store.register(Definitions.numbered("gone", "t", 1), null);
        store.archive("gone", null);

        Workspace workspace = new Workspace(store);
        assertThat(workspace.list(false))
                .containsExactly(
                        new EnvironmentSummary("edited", DraftState.CHANGED, "1", 1, false),
                        new EnvironmentSummary("fresh", DraftState.NEW, null, 0, false),
                        new EnvironmentSummary("plain", null, "2", 2, false),
                        new EnvironmentSummary("same", DraftState.SAME, "1", 1, false));
        assertThat(workspace.list(true)).contains(new EnvironmentSummary("gone", null, null, 1, true));
    }

    /** The point of one transaction: a version another process commits mid-list is not half in it. */
    @Test
    void aSnapshotDoesNotSeeWhatAnotherProcessCommitsWhileItReads() {
        store.register(Definitions.numbered("early", "t", 1), null);
        try (SqliteWorkspaceStore other =
                SqliteWorkspaceStore.open(file, "ws", false, SqliteWorkspaceStoreTest.ticking())) {
            List<String> seen = store.snapshot(s -> {
                assertThat(s.names(true)).containsExactly("early");
                other.register(Definitions.numbered("late", "t", 1), null);
                return s.names(true);
            });
            assertThat(seen).containsExactly("early");
        }
        assertThat(store.names(true)).containsExactly("early", "late");
    }

    @Test
    void aSnapshotOnlyReads() {
        assertThatThrownBy(() -> store.snapshot(s -> s.saveDraft(Definitions.numbered("x", "t", 1))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only reads");
        assertThat(store.drafts()).isEmpty();
    }
}

package dev.amlsh.workspace.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amlsh.model.AmlshException;
import dev.amlsh.workspace.RegisteredVersion;
import dev.amlsh.workspace.WorkspaceCatalog;
import dev.amlsh.workspace.WorkspaceCatalog.WorkspaceInfo;
import dev.amlsh.workspace.WorkspaceStore;
import dev.amlsh.workspace.WorkspaceUnavailableException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWorkspaceCatalogTest {

    @TempDir
    Path dir;

    Path home;
    FileWorkspaceCatalog catalog;

    @BeforeEach
    void setUp() {
        home = dir.resolve("amlsh-home");
        catalog = new FileWorkspaceCatalog(home, Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void defaultIsCreatedOnFirstUse() {
        assertThat(catalog.current()).isEqualTo("default");
        try (WorkspaceStore store = catalog.open(null, false)) {
            assertThat(store.name()).isEqualTo("default");
            store.register(Definitions.numbered("pytorch", "t", 1), null);
        }
        assertThat(home.resolve("workspaces/default.amlsh")).isRegularFile();
        try (WorkspaceStore store = catalog.open("default", true)) {
            assertThat(store.names(false)).containsExactly("pytorch");
        }
    }

    @Test
    void theCurrentWorkspaceIsRememberedInTheConfigFile() throws Exception {
        catalog.create("teaching");
        catalog.use("teaching");
        assertThat(Files.readString(home.resolve("config"), StandardCharsets.UTF_8))
                .contains("workspace=teaching");
        FileWorkspaceCatalog again = new FileWorkspaceCatalog(home, Clock.systemUTC());
        assertThat(again.current()).isEqualTo("teaching");
        try (WorkspaceStore store = again.open(null, false)) {
            assertThat(store.name()).isEqualTo("teaching");
        }
        try (var files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("config", "workspaces");
        }
        assertThatThrownBy(() -> catalog.use("nope"))
                .isInstanceOf(AmlshException.class)
                .hasMessageContaining("no workspace named nope");
        assertThat(catalog.current()).isEqualTo("teaching");
    }

    @Test
    void createRefusesAnExistingNameAndAnInvalidOne() {
        WorkspaceInfo info = catalog.create("class-2025");
        assertThat(info.file()).isEqualTo(home.resolve("workspaces/class-2025.amlsh"));
        assertThat(info.sizeBytes()).isPositive();
        assertThatThrownBy(() -> catalog.create("class-2025"))
                .isInstanceOf(AmlshException.class)
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> catalog.create("..")).isInstanceOf(AmlshException.class);
        assertThatThrownBy(() -> catalog.create("no spaces"))
                .isInstanceOf(AmlshException.class)
                .hasMessageContaining("not a valid workspace name");
        assertThatThrownBy(() -> catalog.create(WorkspaceCatalog.TEMPORARY)).isInstanceOf(AmlshException.class);
    }

    @Test
    void listShowsEveryWorkspaceWithItsSizeAndWhichIsCurrent() {
        catalog.create("b");
        catalog.create("a");
        catalog.use("b");
        assertThat(catalog.list()).extracting(WorkspaceInfo::name).containsExactly("a", "b");
        assertThat(catalog.list())
                .filteredOn(WorkspaceInfo::current)
                .extracting(WorkspaceInfo::name)
                .containsExactly("b");
        assertThat(catalog.list()).allSatisfy(i -> assertThat(i.sizeBytes()).isPositive());
        catalog.use("default");
        assertThat(catalog.list()).extracting(WorkspaceInfo::name).containsExactly("a", "b", "default");
    }

    @Test
    void deleteRemovesTheFileAndForgetsItAsCurrent() {
        catalog.create("tmp1");
        catalog.use("tmp1");
        try (WorkspaceStore store = catalog.open("tmp1", false)) {
            store.register(Definitions.numbered("x", "t", 1), null);
        }
        catalog.delete("tmp1");
        assertThat(home.resolve("workspaces/tmp1.amlsh")).doesNotExist();
        assertThat(catalog.current()).isEqualTo("default");
        assertThatThrownBy(() -> catalog.delete("tmp1"))
                .isInstanceOf(AmlshException.class)
                .hasMessageContaining("no workspace named tmp1");
        assertThatThrownBy(() -> catalog.open("tmp1", false))
                .isInstanceOf(WorkspaceUnavailableException.class)
                .hasMessageContaining("no workspace named tmp1");
    }

    @Test
    void aPathSelectorMustExistUnlessItIsBeingCreated() {
        Path file = dir.resolve("elsewhere/shared.amlsh");
        assertThatThrownBy(() -> catalog.open(file.toString(), false))
                .isInstanceOf(WorkspaceUnavailableException.class)
                .hasMessageContaining("no workspace file");
        assertThat(file).doesNotExist();
        WorkspaceInfo created = catalog.create(file.toString());
        assertThat(created.name()).isEqualTo("shared");
        try (WorkspaceStore store = catalog.open(file.toString(), false)) {
            store.register(Definitions.numbered("x", "t", 1), null);
        }
        try (WorkspaceStore store = catalog.open(file.toString(), true)) {
            assertThat(store.names(false)).containsExactly("x");
        }
    }

    @Test
    void aTemporaryWorkspaceIsDeletedWhenClosed() {
        Path file;
        try (WorkspaceStore store = catalog.open(WorkspaceCatalog.TEMPORARY, false)) {
            store.register(Definitions.numbered("x", "t", 1), null);
            file = ((SqliteWorkspaceStore) store).file();
            assertThat(file).exists();
            assertThat(store.latest("x")).map(RegisteredVersion::version).contains("1");
        }
        assertThat(file).doesNotExist();
        assertThat(file.getParent()).doesNotExist();
        assertThat(home.resolve("workspaces")).doesNotExist();
    }

    @Test
    void exportWritesAConsistentCopyAndRefusesToOverwrite() throws Exception {
        try (WorkspaceStore store = catalog.open(null, false)) {
            store.register(Definitions.numbered("x", "t", 1), null);
            store.register(Definitions.numbered("x", "t", 2), null);
        }
        Path out = dir.resolve("handout.amlsh");
        catalog.export(null, out);
        try (WorkspaceStore copy = catalog.open(out.toString(), true)) {
            assertThat(copy.versions("x"))
                    .extracting(RegisteredVersion::version)
                    .containsExactly("1", "2");
        }
        String before = Hashes.sha256(out);
        assertThatThrownBy(() -> catalog.export(null, out))
                .isInstanceOf(AmlshException.class)
                .hasMessageContaining("already exists");
        assertThat(Hashes.sha256(out)).isEqualTo(before);
    }

    @Test
    void aForeignFileGivenAsPathIsRefused() throws Exception {
        Path file = dir.resolve("notes/todo.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "not a workspace", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> catalog.open(file.toString(), false))
                .isInstanceOf(WorkspaceUnavailableException.class)
                .hasMessageContaining("not an amlsh workspace");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("not a workspace");
    }
}

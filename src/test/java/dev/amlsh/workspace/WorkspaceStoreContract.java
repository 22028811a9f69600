package dev.amlsh.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amlsh.model.AmlshException;
import dev.amlsh.model.ContainerRegistry;
import dev.amlsh.model.Environment;
import dev.amlsh.workspace.sqlite.Definitions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store contract every {@link WorkspaceStore} keeps, run against each store (SQLite file,
 * PostgreSQL server): Azure ML's versioning (RegistrationRules), archiving, labels, drafts,
 * settings, and what a failed write leaves. A store's own test extends this and says how to
 * make, open and reopen its workspace.
 */
public abstract class WorkspaceStoreContract {

    public static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    protected WorkspaceStore store;

    /** A clock that moves one second per reading, so creation times differ and are predictable. */
    public static Clock ticking() {
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

    /** Makes a new, empty workspace and opens it for writing. */
    protected abstract WorkspaceStore createAndOpen() throws Exception;

    /** Opens the same workspace again (the current store is closed). */
    protected abstract WorkspaceStore reopen();

    /** Makes a second new, empty workspace of the same kind and opens it for writing. */
    protected abstract WorkspaceStore createAnother() throws Exception;

    @TempDir
    protected Path contractDir;

    @BeforeEach
    void openStore() throws Exception {
        store = createAndOpen();
    }

    @AfterEach
    void closeStore() {
        if (store != null) { // none when opening was skipped (-Damlsh.skipPostgres=true) or failed
            store.close();
        }
    }

    protected Environment env(int n) {
        return Definitions.numbered("pytorch", "t", n);
    }

    /** Schema 3, on every store: a draft keeps its conda file's written form; a version is the service form. */
    @Test
    void draftsKeepTheirWrittenCondaFileAndVersionsDoNot() {
        var doc = dev.amlsh.conda.roundtrip.CondaDocument.parse(
                java.nio.file.Path.of("env.yml"),
                "dependencies:  # what conda installs\n  - python=3.8\n  - numpy  # arrays\n");
        Environment base = env(1);
        Environment withFile =
                base.withPython(base.python().withCondaDependencies(doc.spec())).withCondaFile(doc);
        store.saveDraft(withFile);
        store.updateDraft("pytorch", (latest, current) -> current.withCondaSpec(s -> s.addChannel("conda-forge")));
        String expected =
                "dependencies:  # what conda installs\n- python=3.8\n- numpy    # arrays\nchannels:\n- conda-forge\n";
        assertThat(store.draft("pytorch").orElseThrow().condaFile().text()).isEqualTo(expected);
        assertThat(store.drafts())
                .singleElement()
                .satisfies(d -> assertThat(d.condaFile().text()).isEqualTo(expected));

        store.register(store.draft("pytorch").orElseThrow(), null);
        assertThat(store.versions("pytorch"))
                .singleElement()
                .satisfies(v -> assertThat(v.environment().condaFile()).isNull());
    }

    /**
     * A workspace with everything {@link WorkspaceContent} carries: several names, explicit and
     * numbered versions, a moved label, an archived version and an archived name, drafts (one with
     * a written conda file, one with a registry password) and a default base image.
     */
    protected void fillWithEverything() {
        store.setDefaultBaseImage("mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:20230509.v1");
        store.register(env(1), null);
        store.register(env(2), "2.0-beta");
        store.register(env(3), null);
        store.label("pytorch", "1", List.of("stable", "prod"));
        store.label("pytorch", "2", List.of("stable")); // 2.0-beta is not a number: 1, 2.0-beta, 2
        store.archive("pytorch", "2.0-beta");
        store.register(Definitions.numbered("old", "t", 1), null);
        store.archive("old", null);
        store.register(Definitions.numbered("old", "t", 2), null); // archived too: its name is
        store.register(Definitions.rich("rich"), null);
        var doc = dev.amlsh.conda.roundtrip.CondaDocument.parse(
                Path.of("env.yml"), "dependencies:  # what conda installs\n  - python=3.8\n  - numpy  # arrays\n");
        Environment base = Definitions.numbered("drafted", "t", 7);
        store.saveDraft(
                base.withPython(base.python().withCondaDependencies(doc.spec())).withCondaFile(doc));
        store.saveDraft(Definitions.rich("rich"));
    }

    /** The content with each version's place in its store's order left out: only that differs between stores. */
    public static WorkspaceContent comparable(WorkspaceContent content) {
        return new WorkspaceContent(
                content.defaultBaseImage(),
                content.drafts(),
                content.names().stream()
                        .map(n -> new WorkspaceContent.Name(
                                n.name(),
                                n.archived(),
                                n.versions().stream()
                                        .map(v -> new RegisteredVersion(
                                                v.environment(), 0, v.createdAt(), v.archived(), v.labels()))
                                        .toList()))
                        .toList());
    }

    /** workspace export and import: the content moves version by version, times, labels and archive states kept. */
    @Test
    void aWorkspaceLoadsIntoAnEmptyOneAndComparesEqual() throws Exception {
        fillWithEverything();
        WorkspaceContent content = store.content();
        assertThat(content.names())
                .extracting(WorkspaceContent.Name::name, WorkspaceContent.Name::archived)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("old", true),
                        org.assertj.core.groups.Tuple.tuple("pytorch", false),
                        org.assertj.core.groups.Tuple.tuple("rich", false));
        assertThat(content.versionCount()).isEqualTo(6);
        assertThat(content.drafts()).extracting(Environment::name).containsExactly("drafted", "rich");

        try (WorkspaceStore other = createAnother()) {
            other.load(content);
            WorkspaceContent loaded = other.content();
            assertThat(comparable(loaded)).isEqualTo(comparable(content));
            // the loaded workspace goes on as the original would: numbering, labels, latest
            assertThat(other.register(env(4), null).version().version()).isEqualTo("3");
            assertThat(other.labelled("pytorch", "stable").map(RegisteredVersion::version))
                    .contains("2");
            assertThat(other.latest("old")).isEmpty();
            assertThat(other.draft("drafted").orElseThrow().condaFile().text())
                    .isEqualTo(store.draft("drafted").orElseThrow().condaFile().text());
        }
    }

    /** Through a workspace file, as export from a server and import into one do. */
    @Test
    void aWorkspaceMovesThroughAFileAndBack() throws Exception {
        fillWithEverything();
        WorkspaceContent content = store.content();
        Path file = contractDir.resolve("moved.amlsh");
        dev.amlsh.workspace.sqlite.SqliteWorkspaceStore.createWith(file, "moved", content, ticking());
        WorkspaceContent read = dev.amlsh.workspace.sqlite.SqliteWorkspaceStore.readContent(file, "moved", ticking());
        assertThat(comparable(read)).isEqualTo(comparable(content));
        try (WorkspaceStore other = createAnother()) {
            other.load(read);
            assertThat(comparable(other.content())).isEqualTo(comparable(content));
        }
    }

    @Test
    void loadingIntoAWorkspaceThatHoldsSomethingIsRefusedAndWritesNothing() throws Exception {
        fillWithEverything();
        WorkspaceContent content = store.content();
        try (WorkspaceStore other = createAnother()) {
            other.saveDraft(env(9));
            WorkspaceContent before = other.content();
            assertThatThrownBy(() -> other.load(content))
                    .isInstanceOf(AmlshException.class)
                    .hasMessageContaining("is not empty")
                    .hasMessageContaining("nothing was written");
            assertThat(other.content()).isEqualTo(before);
        }
        assertThatThrownBy(() -> store.load(content)).hasMessageContaining("is not empty");
    }

    /** {@code env list} as it was computed before schema 4: by parsing every definition. */
    static List<EnvironmentSummary> parsedSummaries(WorkspaceStore s, boolean includeArchived) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>(s.names(includeArchived));
        java.util.Map<String, Environment> drafts = new java.util.HashMap<>();
        s.drafts().forEach(d -> drafts.put(d.name(), d));
        names.addAll(drafts.keySet());
        List<EnvironmentSummary> rows = new ArrayList<>();
        for (String n : names) {
            List<RegisteredVersion> all = s.versions(n);
            Optional<RegisteredVersion> latest = s.latest(n);
            Optional<RegisteredVersion> newest = latest.isPresent()
                    ? latest
                    : all.stream().max(java.util.Comparator.comparingLong(RegisteredVersion::sequence));
            Environment draft = drafts.get(n);
            EnvironmentSummary.DraftState state = draft == null
                    ? null
                    : newest.isEmpty()
                            ? EnvironmentSummary.DraftState.NEW
                            : newest.get().environment().sameDefinitionAs(draft)
                                    ? EnvironmentSummary.DraftState.SAME
                                    : EnvironmentSummary.DraftState.CHANGED;
            rows.add(new EnvironmentSummary(
                    n,
                    state,
                    latest.map(RegisteredVersion::version).orElse(null),
                    all.size(),
                    !all.isEmpty() && latest.isEmpty()));
        }
        return rows;
    }

    /**
     * Listing at scale: the one summary query, comparing stored digests, says what parsing every
     * definition said (new, same, changed; archived names; a draft the same but for its variables'
     * order or its conda file's comments; a registry password, masked on both sides).
     */
    @Test
    void theSummaryQueryTellsDraftsAsParsingEveryDefinitionDoes() {
        fillWithEverything();
        store.saveDraft(env(3)); // the same as pytorch:2
        store.saveDraft(Definitions.numbered("old", "t", 5)); // an archived name with a changed draft
        store.register(Definitions.numbered("vars", "t", 1), null);
        Environment vars = Definitions.numbered("vars", "t", 1);
        var reordered = new java.util.LinkedHashMap<String, String>();
        List<String> keys = new ArrayList<>(vars.environmentVariables().keySet());
        java.util.Collections.reverse(keys);
        keys.forEach(k -> reordered.put(k, vars.environmentVariables().get(k)));
        store.saveDraft(vars.withEnvironmentVariables(reordered));
        store.register(Definitions.numbered("gone", "t", 1), null);
        store.saveDraft(Definitions.numbered("gone", "t", 1));
        store.archive("gone", null); // a draft the same as an archived version

        for (boolean includeArchived : List.of(false, true)) {
            assertThat(store.summaries(includeArchived))
                    .as("includeArchived " + includeArchived)
                    .isEqualTo(parsedSummaries(store, includeArchived));
        }
        assertThat(store.summaries(true))
                .extracting(EnvironmentSummary::name, EnvironmentSummary::draft)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("drafted", EnvironmentSummary.DraftState.NEW),
                        org.assertj.core.groups.Tuple.tuple("gone", EnvironmentSummary.DraftState.SAME),
                        org.assertj.core.groups.Tuple.tuple("old", EnvironmentSummary.DraftState.CHANGED),
                        org.assertj.core.groups.Tuple.tuple("pytorch", EnvironmentSummary.DraftState.SAME),
                        org.assertj.core.groups.Tuple.tuple("rich", EnvironmentSummary.DraftState.SAME),
                        org.assertj.core.groups.Tuple.tuple("vars", EnvironmentSummary.DraftState.SAME));
        store.updateDraft("pytorch", (latest, current) -> current.withCondaSpec(c -> c.addChannel("bioconda")));
        assertThat(store.summaries(false)).isEqualTo(parsedSummaries(store, false));
        assertThat(store.summaries(false))
                .filteredOn(r -> r.name().equals("pytorch"))
                .singleElement()
                .extracting(EnvironmentSummary::draft)
                .isEqualTo(EnvironmentSummary.DraftState.CHANGED);
    }

    @Test
    void versionSummariesAreTheVersionsReadFromStoredColumns() {
        fillWithEverything();
        List<VersionSummary> expected = new ArrayList<>();
        for (String n : store.names(true)) {
            for (RegisteredVersion v : store.versions(n)) {
                expected.add(new VersionSummary(
                        n,
                        v.version(),
                        v.createdAt(),
                        v.archived(),
                        v.labels(),
                        dev.amlsh.image.EnvironmentHashes.imageName(v.environment())));
            }
        }
        assertThat(store.versionSummaries(null)).isEqualTo(expected);
        assertThat(store.versionSummaries("pytorch"))
                .isEqualTo(expected.stream()
                        .filter(v -> v.name().equals("pytorch"))
                        .toList());
        assertThat(store.versionSummaries("nosuch")).isEmpty();
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
        assertThat(store.versions("pytorch"))
                .extracting(RegisteredVersion::version)
                .containsExactly("1", "2");
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
                .isInstanceOf(AmlshException.class)
                .hasMessageContaining("not a valid version");
    }

    @Test
    void numberingCountsIntegerVersionsOnlyAndStopsAtTheLargestLong() {
        store.register(env(1), "007");
        store.register(env(2), "1.5");
        store.register(env(3), "99999999999999999999"); // beyond a long: not a number for the rules
        assertThat(store.register(env(4), null).version().version()).isEqualTo("8");
        store.register(env(5), Long.toString(Long.MAX_VALUE));
        assertThatThrownBy(() -> store.register(env(6), null))
                .isInstanceOf(AmlshException.class)
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
        assertThat(store.labelled("pytorch", "latest"))
                .map(RegisteredVersion::version)
                .contains("6");
    }

    @Test
    void archivingAVersionHidesItFromLatestButNotFromItsNumber() {
        store.register(env(1), null);
        store.register(env(2), null);
        store.archive("pytorch", "2");

        assertThat(store.latest("pytorch")).map(RegisteredVersion::version).contains("1");
        assertThat(store.version("pytorch", "2"))
                .map(RegisteredVersion::archived)
                .contains(true);
        assertThat(store.names(false)).containsExactly("pytorch");
        // a changed definition is compared with latest (1) and numbered after the largest (2)
        assertThat(store.register(env(3), null).version().version()).isEqualTo("3");

        store.restore("pytorch", "2");
        assertThat(store.version("pytorch", "2"))
                .map(RegisteredVersion::archived)
                .contains(false);
        assertThatThrownBy(() -> store.archive("pytorch", "9"))
                .isInstanceOf(AmlshException.class)
                .hasMessageContaining("pytorch:9 is not registered");
        assertThatThrownBy(() -> store.archive("nothing", null))
                .isInstanceOf(AmlshException.class)
                .hasMessageContaining("nothing is not registered");
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
        assertThat(store.version("pytorch", "2"))
                .map(RegisteredVersion::archived)
                .contains(true);
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
                .isInstanceOf(AmlshException.class)
                .hasMessageContaining("archived");
        assertThat(ws.resolve("pytorch:1").version()).isEqualTo("1");
    }

    @Test
    void aLabelNamesOneVersionAndMovesWhenSetElsewhere() {
        store.register(env(1), null);
        store.register(env(2), null);
        RegisteredVersion one = store.label("pytorch", "1", List.of("prod", "stable"));
        assertThat(one.labels()).containsExactly("prod", "stable");
        assertThat(store.labelled("pytorch", "prod"))
                .map(RegisteredVersion::version)
                .contains("1");

        RegisteredVersion two = store.label("pytorch", "2", List.of("prod"));
        assertThat(two.labels()).containsExactly("prod");
        assertThat(store.versions("pytorch"))
                .extracting(RegisteredVersion::labels)
                .containsExactly(List.of("stable"), List.of("prod"));
        assertThat(store.labelled("pytorch", "prod"))
                .map(RegisteredVersion::version)
                .contains("2");
        assertThat(store.labelled("pytorch", "nope")).isEmpty();
        assertThat(new Workspace(store).resolve("pytorch@stable").version()).isEqualTo("1");
    }

    @Test
    void labelsAreValidatedAndLatestIsReserved() {
        store.register(env(1), null);
        assertThatThrownBy(() -> store.label("pytorch", "1", List.of("latest")))
                .isInstanceOf(AmlshException.class)
                .hasMessageContaining("reserved");
        assertThatThrownBy(() -> store.label("pytorch", "1", List.of("no way")))
                .isInstanceOf(AmlshException.class)
                .hasMessageContaining("not a valid label");
        assertThatThrownBy(() -> store.label("pytorch", "7", List.of("prod")))
                .isInstanceOf(AmlshException.class)
                .hasMessageContaining("pytorch:7 is not registered");
        assertThat(store.versions("pytorch").get(0).labels()).isEmpty();
    }

    @Test
    void reservedAndInvalidNamesAreRefused() {
        assertThatThrownBy(() -> store.register(Definitions.numbered("AzureML-x", "t", 1), null))
                .isInstanceOf(AmlshException.class)
                .hasMessageContaining("reserved");
        assertThatThrownBy(() -> store.saveDraft(Definitions.numbered("-bad", "t", 1)))
                .isInstanceOf(AmlshException.class)
                .hasMessageContaining("not a valid environment name");
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
        store = reopen();
        assertThat(store.defaultBaseImage())
                .isEqualTo("mcr.microsoft.com/azureml/intelmpi2018.3-ubuntu16.04:20200821.v1");
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
    void aManyVersionNameRegistersWithoutReadingEveryDefinition() {
        List<String> numbers = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            numbers.add(store.register(env(i), null).version().version());
        }
        assertThat(numbers).last().isEqualTo("60");
        assertThat(store.register(env(60), null).created()).isFalse();
        assertThat(store.versions("pytorch")).hasSize(60);
        assertThat(store.version("pytorch", "30"))
                .map(v -> v.environment().environmentVariables().get("WRITER"))
                .isEqualTo(Optional.of("t"));
    }

    @Test
    void aClosedStoreSaysSo() {
        store.close();
        assertThatThrownBy(() -> store.names(true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void everyFieldSurvivesAReopeningButThePassword() {
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
        assertThat(store.version("rich", "1"))
                .map(RegisteredVersion::createdAt)
                .contains(r.version().createdAt());
        assertThat(r.version().environment()).isEqualTo(expected.withVersion("1"));
        // the stored password stands for the one given: registering the same draft again is no change
        assertThat(store.register(rich, null).created()).isFalse();
    }
}

package dev.amlsh.workspace.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amlsh.model.AmlshException;
import dev.amlsh.model.SdkRelease;
import dev.amlsh.workspace.InMemoryWorkspaceStore;
import dev.amlsh.workspace.RegisteredVersion;
import dev.amlsh.workspace.WorkspaceStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite store decides registrations from three looked-up versions, not the whole history;
 * random operation sequences check that it answers exactly as the in-memory store, which
 * applies {@link dev.amlsh.workspace.RegistrationRules} to every version.
 */
class SameRulesAsInMemoryTest {

    static final List<String> VERSIONS = List.of(
            "1", "2", "007", "10", "1.5", "beta", "99999999999999999999", "922337203685477580", "9223372036854775808");

    @TempDir
    Path dir;

    @Test
    void randomOperationSequencesGiveTheSameAnswers() {
        Clock clock = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
        for (int seed = 1; seed <= 12; seed++) {
            Random random = new Random(seed);
            Path file = dir.resolve("seed-" + seed + ".amlsh");
            SqliteWorkspaceStore.create(file, "ws");
            try (SqliteWorkspaceStore sqlite = SqliteWorkspaceStore.open(file, "ws", false, clock);
                    InMemoryWorkspaceStore memory =
                            new InMemoryWorkspaceStore("ws", SdkRelease.DEFAULT_BASE_IMAGE, clock)) {
                for (int step = 0; step < 120; step++) {
                    String name = "env" + random.nextInt(2);
                    int op = random.nextInt(10);
                    Function<WorkspaceStore, Object> action;
                    if (op < 6) {
                        int definition = random.nextInt(4);
                        String version = random.nextInt(3) == 0 ? VERSIONS.get(random.nextInt(VERSIONS.size())) : null;
                        action = s -> {
                            var r = s.register(Definitions.numbered(name, "r", definition), version);
                            return r.version().version() + (r.created() ? " created" : " kept");
                        };
                    } else {
                        boolean archive = op < 8;
                        String version = random.nextBoolean() ? null : VERSIONS.get(random.nextInt(VERSIONS.size()));
                        action = s -> {
                            if (archive) {
                                s.archive(name, version);
                            } else {
                                s.restore(name, version);
                            }
                            return "ok";
                        };
                    }
                    String context = "seed " + seed + " step " + step;
                    assertThat(outcome(action, sqlite)).as(context).isEqualTo(outcome(action, memory));
                    assertThat(view(sqlite, name)).as(context).isEqualTo(view(memory, name));
                }
                assertThat(sqlite.names(false)).isEqualTo(memory.names(false));
                assertThat(sqlite.names(true)).isEqualTo(memory.names(true));
            }
        }
    }

    static String outcome(Function<WorkspaceStore, Object> action, WorkspaceStore store) {
        try {
            return String.valueOf(action.apply(store));
        } catch (AmlshException e) {
            return "error: " + e.getMessage();
        }
    }

    static String view(WorkspaceStore store, String name) {
        Optional<RegisteredVersion> latest = store.latest(name);
        return store.versions(name).stream()
                        .map(v -> v.version() + (v.archived() ? "(a)" : ""))
                        .toList() + " latest="
                + latest.map(RegisteredVersion::version).orElse("-");
    }
}

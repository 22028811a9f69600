package dev.amlsh.workspace.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amlsh.workspace.RegisteredVersion;
import dev.amlsh.workspace.Registration;
import dev.amlsh.workspace.WorkspaceStoreContract;
import dev.amlsh.workspace.sqlite.Definitions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Several clients, each with its own connection (a server backend each), register changed
 * definitions into one name at the same time: the versions are exactly 1..clients*count, none
 * lost or given twice, each client's definitions all there. Issue 11's target is 20 x 50; the
 * suite runs 4 x 50 (-Damlsh.pg.clients / -Damlsh.pg.count change it; scripts/bench/ runs 20 x 50).
 */
class PostgresConcurrentWritersTest {

    @Test
    void concurrentClientsNeverLoseOrShareAVersion() throws Exception {
        int clients = Integer.getInteger("amlsh.pg.clients", 4);
        int count = Integer.getInteger("amlsh.pg.count", 50);
        PostgresTestServer server = PostgresTestServer.shared();
        PostgresConnector connector =
                new PostgresConnector(PostgresLocation.parse(server.newWorkspaceUrl()), server.env());
        PostgresWorkspaceStore.create(connector);

        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<String> given = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> done = new ArrayList<>();
        long start;
        try {
            for (int c = 0; c < clients; c++) {
                String writer = "w" + c;
                done.add(pool.submit(() -> {
                    try (PostgresWorkspaceStore store =
                            PostgresWorkspaceStore.open(connector, writer, false, Clock.systemUTC())) {
                        go.await();
                        for (int n = 1; n <= count; n++) {
                            Registration r = store.register(Definitions.numbered("shared", writer, n), null);
                            assertThat(r.created()).isTrue();
                            given.add(r.version().version());
                        }
                    }
                    return null;
                }));
            }
            start = System.nanoTime();
            go.countDown();
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "postgres: %d clients x %d registrations: %.0f registrations/s%n",
                clients, count, clients * count / seconds);

        List<String> expected = IntStream.rangeClosed(1, clients * count)
                .mapToObj(Integer::toString)
                .toList();
        assertThat(given).hasSize(clients * count).containsExactlyInAnyOrderElementsOf(expected);
        try (PostgresWorkspaceStore reader =
                PostgresWorkspaceStore.open(connector, null, true, WorkspaceStoreContract.ticking())) {
            List<RegisteredVersion> versions = reader.versions("shared");
            // creation order is numbering order: each registration saw the one before it
            assertThat(versions).extracting(RegisteredVersion::version).containsExactlyElementsOf(expected);
            for (int c = 0; c < clients; c++) {
                String writer = "w" + c;
                assertThat(versions.stream()
                                .filter(v -> writer.equals(
                                        v.environment().environmentVariables().get("WRITER")))
                                .collect(Collectors.toList()))
                        .hasSize(count);
            }
        }
    }
}

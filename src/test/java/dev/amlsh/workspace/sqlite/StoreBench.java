package dev.amlsh.workspace.sqlite;

import dev.amlsh.model.Environment;
import dev.amlsh.workspace.Workspace;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The workspace store's benchmark (run by {@code scripts/bench/store/run.sh}; not a test).
 *
 * <pre>
 * register DIR RUNS N        N registrations of changed definitions, round-robin over 20 names,
 *                            in a fresh workspace per run; then N into one name (long history)
 * generate FILE NAMES VERS   a workspace of NAMES names x VERS versions through the store API
 * open-list FILE             one open + names(false) + close, timed, in this (cold) JVM
 * warm FILE RUNS LOOKUPS     open + list RUNS times, then LOOKUPS resolves of NAME@latest
 * </pre>
 *
 * Each mode prints one line per measurement, {@code key value unit}, for the script to collect.
 */
public final class StoreBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private StoreBench() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "register" -> register(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "generate" -> generate(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "open-list" -> openList(Path.of(args[1]));
            case "warm" -> warm(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    static void register(Path dir, int runs, int n) {
        for (String shape : List.of("20-names", "1-name")) {
            List<Double> rates = new ArrayList<>();
            List<Double> cpuRates = new ArrayList<>();
            for (int run = 0; run <= runs; run++) { // run 0 warms the JIT and is not counted
                Path file = dir.resolve("register-" + shape + "-" + run + ".amlsh");
                SqliteWorkspaceStore.create(file, "bench");
                try (SqliteWorkspaceStore store = SqliteWorkspaceStore.open(file, "bench", false, Clock.systemUTC())) {
                    long start = System.nanoTime();
                    long cpuStart = THREADS.getCurrentThreadCpuTime();
                    for (int i = 0; i < n; i++) {
                        String name = shape.equals("1-name") ? "env" : "env" + (i % 20);
                        if (!store.register(Definitions.numbered(name, "bench", i), null)
                                .created()) {
                            throw new IllegalStateException("a changed definition was not registered as new");
                        }
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
                    if (run > 0) {
                        rates.add(n / seconds);
                        cpuRates.add(n / cpuSeconds);
                    }
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "register_%s_per_s %.0f median_of_%d (runs: %s)%n",
                    shape.replace('-', '_'),
                    median(rates),
                    runs,
                    format(rates, "%.0f"));
            System.out.printf(
                    Locale.ROOT,
                    "register_%s_per_cpu_s %.0f median_of_%d (runs: %s)%n",
                    shape.replace('-', '_'),
                    median(cpuRates),
                    runs,
                    format(cpuRates, "%.0f"));
        }
    }

    static void generate(Path file, int names, int versions) {
        SqliteWorkspaceStore.create(file, "bench");
        long start = System.nanoTime();
        try (SqliteWorkspaceStore store = SqliteWorkspaceStore.open(file, "bench", false, Clock.systemUTC())) {
            for (int v = 0; v < versions; v++) {
                for (int i = 0; i < names; i++) {
                    store.register(Definitions.numbered(String.format(Locale.ROOT, "env-%05d", i), "gen", v), null);
                }
            }
        }
        System.out.printf(Locale.ROOT, "generate_s %.1f%n", (System.nanoTime() - start) / 1e9);
    }

    static void openList(Path file) throws Exception {
        long main = System.currentTimeMillis();
        long load = System.nanoTime();
        new org.sqlite.SQLiteConfig()
                .createConnection("jdbc:sqlite::memory:")
                .close(); // loads the native library, as the store does
        double loadMs = (System.nanoTime() - load) / 1e6;
        long start = System.nanoTime();
        int count;
        try (SqliteWorkspaceStore store = SqliteWorkspaceStore.open(file, "bench", false, Clock.systemUTC())) {
            count = store.names(false).size();
        }
        double ms = (System.nanoTime() - start) / 1e6;
        long sinceJvmStart = System.currentTimeMillis()
                - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.printf(
                Locale.ROOT,
                "cold_open_list_ms %.1f names %d jvm_start_to_main_ms %d sqlite_native_load_ms %.1f"
                        + " jvm_start_to_listed_ms %d%n",
                ms,
                count,
                main - ManagementFactory.getRuntimeMXBean().getStartTime(),
                loadMs,
                sinceJvmStart);
    }

    static void warm(Path file, int runs, int lookups) {
        List<Double> openList = new ArrayList<>();
        List<String> names = null;
        for (int run = 0; run <= runs; run++) {
            long start = System.nanoTime();
            try (SqliteWorkspaceStore store = SqliteWorkspaceStore.open(file, "bench", false, Clock.systemUTC())) {
                names = store.names(false);
            }
            if (run > 0) {
                openList.add((System.nanoTime() - start) / 1e6);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "warm_open_list_ms %.1f median_of_%d (runs: %s)%n",
                median(openList),
                runs,
                format(openList, "%.1f"));

        Random random = new Random(42);
        List<Double> resolve = new ArrayList<>();
        try (SqliteWorkspaceStore store = SqliteWorkspaceStore.open(file, "bench", false, Clock.systemUTC())) {
            Workspace workspace = new Workspace(store);
            for (int i = 0; i <= lookups; i++) {
                String name = names.get(random.nextInt(names.size()));
                long start = System.nanoTime();
                Environment env = workspace.resolve(name + "@latest");
                double ms = (System.nanoTime() - start) / 1e6;
                if (env.version() == null) {
                    throw new IllegalStateException("resolved no version");
                }
                if (i == 0) {
                    System.out.printf(Locale.ROOT, "first_resolve_latest_ms %.2f%n", ms);
                } else {
                    resolve.add(ms);
                }
            }
        }
        Collections.sort(resolve);
        System.out.printf(
                Locale.ROOT,
                "resolve_latest_ms median %.3f p99 %.3f max %.3f over %d random names%n",
                median(resolve),
                resolve.get((int) (resolve.size() * 0.99)),
                resolve.get(resolve.size() - 1),
                lookups);
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String format(List<Double> values, String pattern) {
        List<String> out = new ArrayList<>();
        for (double v : values) {
            out.add(String.format(Locale.ROOT, pattern, v));
        }
        return String.join(" ", out);
    }
}

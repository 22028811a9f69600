package dev.amlsh.bench;

import dev.amlsh.shell.api.ExitCode;
import dev.amlsh.shell.api.LineOptions;
import dev.amlsh.shell.api.Session;
import dev.amlsh.shell.api.ShellIO;
import dev.amlsh.shell.cli.CommandRunner;
import dev.amlsh.shell.launch.AmlshConfiguration;
import dev.amlsh.workspace.sqlite.FileWorkspaceCatalog;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * In-process latency of one command through amlsh's real dispatcher ({@link CommandRunner}, the
 * beans of the application context), over a real SQLite workspace in a temporary
 * {@code AMLSH_HOME}: parse the words, resolve the reference in the store, render, print. Run by
 * {@code scripts/bench/latency.sh}; the target is a median of at most 5 ms for {@code env dockerfile}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Dfile.encoding=UTF-8", "-XX:+UseSerialGC"})
public class CommandLatencyBenchmark {

    private ConfigurableApplicationContext context;
    private CommandRunner commands;
    private Session session;
    private Path home;
    private final CountingWriter sink = new CountingWriter();
    private final StringWriter errors = new StringWriter();

    private static final List<String> DOCKERFILE_DRAFT = List.of("env", "dockerfile", "bench");
    private static final List<String> DOCKERFILE_VERSION = List.of("env", "dockerfile", "bench:1");
    private static final List<String> SHOW = List.of("env", "show", "bench");

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        home = Files.createTempDirectory("amlsh-bench");
        Path conda = home.resolve("env.yml");
        Files.writeString(conda, """
                name: pytorch
                channels:
                    - defaults
                    - pytorch
                dependencies:
                    - python=3.7
                    - pytorch
                    - torchvision
                    - pip:
                        - numpy==1.26.4
                """, StandardCharsets.UTF_8);
        context = new AnnotationConfigApplicationContext(AmlshConfiguration.class); // as AmlshApplication.start() does
        commands = context.getBean(CommandRunner.class);
        ShellIO io = new ShellIO(
                new ByteArrayInputStream(new byte[0]),
                new PrintWriter(sink),
                new PrintWriter(errors),
                Map.of("AMLSH_HOME", home.toString()),
                home,
                false,
                false);
        FileWorkspaceCatalog catalog = new FileWorkspaceCatalog(home, Clock.systemUTC());
        session = new Session(io, () -> catalog, LineOptions.NONE);
        must(List.of("env", "create", "bench", "--conda-file", conda.toString()));
        must(List.of("env", "register", "bench"));
        must(DOCKERFILE_DRAFT);
        must(DOCKERFILE_VERSION);
        must(SHOW);
    }

    private void must(List<String> words) {
        ExitCode code = commands.run(session, words, null);
        if (code != ExitCode.OK) {
            throw new IllegalStateException(String.join(" ", words) + " failed with " + code + ": " + errors);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        session.close();
        context.close();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** {@code env dockerfile bench}: the draft (read from the workspace's drafts table). */
    @Benchmark
    public long envDockerfileDraft() {
        return run(DOCKERFILE_DRAFT);
    }

    /** {@code env dockerfile bench:1}: a registered version. */
    @Benchmark
    public long envDockerfileVersion() {
        return run(DOCKERFILE_VERSION);
    }

    /** {@code env show bench}: the text view. */
    @Benchmark
    public long envShow() {
        return run(SHOW);
    }

    private long run(List<String> words) {
        ExitCode code = commands.run(session, words, null);
        if (code != ExitCode.OK) {
            throw new IllegalStateException(String.join(" ", words) + " failed: " + errors);
        }
        return sink.count;
    }

    /** Counts what a command prints, so the rendering cannot be optimised away, and keeps nothing. */
    static final class CountingWriter extends Writer {
        long count;

        @Override
        public void write(char[] buffer, int offset, int length) {
            count += length;
        }

        @Override
        public void write(String s, int offset, int length) {
            count += length;
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}

package dev.amlsh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The one way every end-to-end test starts amlsh: the packaged jar ({@code target/amlsh.jar}, built
 * by {@code mvn package} before failsafe runs the {@code *IT} tests) on the tests' own JVM, with the
 * same flags, the same time limit and the same environment rules everywhere: the test's variables
 * over the inherited ones, minus {@code NO_COLOR} and {@code SOURCE_DATE_EPOCH} unless the test sets
 * them (a developer's shell must not change what a test sees).
 */
public final class PackagedJar {

    public static final Path PROJECT = Path.of("").toAbsolutePath();
    public static final Path JAR = PROJECT.resolve("target/amlsh.jar");
    public static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    /** JIT flags of a short run, as the launcher picks them for one-shot use. */
    public static final List<String> JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /** Longer than any amlsh run takes, even on the shared, loaded 2-core machine. */
    public static final long TIMEOUT_SECONDS = 300;

    /** What the process wrote and how it exited. */
    public record Result(int code, String out, String err) {}

    private PackagedJar() {}

    /** {@code java FLAGS [jvmOptions] -jar target/amlsh.jar ARGS}. */
    public static List<String> command(List<String> jvmOptions, List<String> args) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run the tests with 'mvn verify' (package comes first)");
        }
        List<String> command = new ArrayList<>();
        command.add(JAVA.toString());
        command.addAll(JVM_FLAGS);
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(args);
        return command;
    }

    /**
     * Starts {@code command} in {@code cwd} with {@code env} over the inherited environment; stdin gets
     * {@code stdin} and is closed; stdout and stderr go to temporary files (or, with {@code merged},
     * stdout holds both, in the order they were written), deleted once read.
     */
    public static Running start(List<String> command, Map<String, String> env, Path cwd, String stdin, boolean merged) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
        pb.environment().remove("NO_COLOR");
        pb.environment().remove("SOURCE_DATE_EPOCH");
        pb.environment().putAll(env);
        try {
            Path out = Files.createTempFile("amlsh-out", ".txt");
            Path err = Files.createTempFile("amlsh-err", ".txt");
            pb.redirectOutput(out.toFile());
            if (merged) {
                pb.redirectErrorStream(true);
            } else {
                pb.redirectError(err.toFile());
            }
            Process p = pb.start();
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            return new Running(command, p, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the jar with these arguments and waits for it. */
    public static Result run(Map<String, String> env, Path cwd, String stdin, String... args) {
        return start(command(List.of(), List.of(args)), env, cwd, stdin, false).await();
    }

    /** A started process. */
    public record Running(List<String> command, Process process, Path out, Path err) {

        public Result await() {
            try {
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(
                            String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
                }
                Result result = new Result(
                        process.exitValue(),
                        Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
                return result;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

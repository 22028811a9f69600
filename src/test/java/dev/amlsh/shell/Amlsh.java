package dev.amlsh.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** End-to-end harness: the packaged jar (target/amlsh.jar) as a subprocess with its own AMLSH_HOME. */
final class Amlsh {

    static final Path JAR = Path.of("target/amlsh.jar").toAbsolutePath();

    /** What the process wrote and how it exited. */
    record Result(int code, String out, String err) {}

    final Path home;
    final Path cwd;

    Amlsh(Path root) throws IOException {
        this.home = Files.createDirectories(root.resolve("home"));
        this.cwd = Files.createDirectories(root.resolve("work"));
    }

    Result run(String stdin, String... args) {
        return start(stdin, args).await();
    }

    Running start(String stdin, String... args) {
        return start(List.of(), stdin, args);
    }

    /** With JVM options before {@code -jar} (a plain {@code java -jar}, not the launcher). */
    Running start(List<String> jvmOptions, String stdin, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
        pb.environment().put("AMLSH_HOME", home.toString());
        pb.environment().remove("NO_COLOR");
        try {
            Path out = Files.createTempFile(cwd.getParent(), "out", ".txt");
            Path err = Files.createTempFile(cwd.getParent(), "err", ".txt");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            return new Running(p, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stdout and stderr into one stream, in the order the process wrote them (as a terminal shows them). */
    String runMerged(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().put("AMLSH_HOME", home.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        String merged = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(120, TimeUnit.SECONDS);
        return merged;
    }

    /** A started amlsh process. */
    record Running(Process process, Path out, Path err) {
        Result await() {
            try {
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("amlsh did not finish in 120 s");
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    Path write(String name, String text) throws IOException {
        Path file = cwd.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}

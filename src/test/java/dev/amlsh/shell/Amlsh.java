package dev.amlsh.shell;

import dev.amlsh.PackagedJar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * End-to-end harness: the packaged jar as a subprocess ({@link PackagedJar}) with its own AMLSH_HOME and working
 * folder.
 */
final class Amlsh {

    /** What the process wrote and how it exited. */
    record Result(int code, String out, String err) {
        static Result of(PackagedJar.Result r) {
            return new Result(r.code(), r.out(), r.err());
        }
    }

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

    /** With JVM options before {@code -jar}. */
    Running start(List<String> jvmOptions, String stdin, String... args) {
        return new Running(PackagedJar.start(PackagedJar.command(jvmOptions, List.of(args)), env(), cwd, stdin, false));
    }

    /** Stdout and stderr into one stream, in the order the process wrote them (as a terminal shows them). */
    String runMerged(String... args) {
        return PackagedJar.start(PackagedJar.command(List.of(), List.of(args)), env(), cwd, "", true)
                .await()
                .out();
    }

    private Map<String, String> env() {
        return Map.of("AMLSH_HOME", home.toString());
    }

    /** A started amlsh process. */
    record Running(PackagedJar.Running process) {
        Result await() {
            return Result.of(process.await());
        }
    }

    Path write(String name, String text) throws IOException {
        Path file = cwd.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}

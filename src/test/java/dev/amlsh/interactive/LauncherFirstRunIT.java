package dev.amlsh.interactive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's very first run on a fresh clone (no target/: it builds the jar with Maven,
 * extracts it, trains the class-data archive) prints nothing but the command's document on
 * stdout, so {@code scripts/amlsh env dockerfile x > Dockerfile} is a valid file. Then the warm
 * start prints the same bytes and nothing on stderr; and the same on JDK 25 (AOT cache, whose
 * training prints on stdout) when {@code JDK25_HOME} or Temurin 25 is installed.
 */
class LauncherFirstRunIT {

    @TempDir
    Path temp;

    @Test
    void firstRunBuildsTrainsAndPrintsOnlyTheDocument() throws IOException {
        Path clone = temp.resolve("clone");
        copy(Amlsh.PROJECT.resolve("pom.xml"), clone.resolve("pom.xml"));
        copyTree(Amlsh.PROJECT.resolve("src/main"), clone.resolve("src/main"));
        copyTree(Amlsh.PROJECT.resolve("scripts/launcher"), clone.resolve("scripts/launcher"));
        copy(Amlsh.PROJECT.resolve("scripts/amlsh"), clone.resolve("scripts/amlsh"));
        Path home = Files.createDirectories(temp.resolve("home"));
        Path cwd = Files.createDirectories(temp.resolve("work"));
        Path conda = temp.resolve("env.yml");
        Files.writeString(
                conda, "dependencies:\n  - python=3.9\n  - pip:\n    - requests==2.31.0\n", StandardCharsets.UTF_8);

        Map<String, String> env = new HashMap<>();
        env.put("AMLSH_HOME", home.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        Amlsh.Result created = Amlsh.run(env, cwd, "env", "create", "x", "--conda-file", conda.toString());
        assertThat(created.code()).as(created.err()).isZero();
        Amlsh.Result expected = Amlsh.run(env, cwd, "env", "dockerfile", "x");
        assertThat(expected.code()).as(expected.err()).isZero();
        assertThat(expected.out()).startsWith("FROM ");

        List<String> launcher = List.of("bash", clone.resolve("scripts/amlsh").toString(), "env", "dockerfile", "x");
        Amlsh.Result first = Amlsh.exec(launcher, env, cwd);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out())
                .as("stdout of the first run (build + extract + train)")
                .isEqualTo(expected.out());
        assertThat(first.err().lines())
                .as("stderr of the first run: the launcher's own notes only")
                .allMatch(l -> l.startsWith("amlsh: "));
        assertThat(first.err()).contains("amlsh: building");
        try (Stream<Path> archives = Files.walk(clone.resolve("target/launcher"))) {
            assertThat(archives.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.endsWith(".jsa") || n.endsWith(".aot"));
        }

        Amlsh.Result warm = Amlsh.exec(launcher, env, cwd);
        assertThat(warm.code()).as(warm.err()).isZero();
        assertThat(warm.out()).isEqualTo(expected.out());
        assertThat(warm.err()).as("stderr of a warm start").isEmpty();

        Path jdk25 = jdk25();
        if (jdk25 != null) {
            env.put("JAVA_HOME", jdk25.toString());
            Amlsh.Result firstOn25 = Amlsh.exec(launcher, env, cwd);
            assertThat(firstOn25.code()).as(firstOn25.err()).isZero();
            assertThat(firstOn25.out())
                    .as("stdout of the first run on " + jdk25)
                    .isEqualTo(expected.out());
            assertThat(firstOn25.err().lines()).allMatch(l -> l.startsWith("amlsh: "));
            Amlsh.Result warmOn25 = Amlsh.exec(launcher, env, cwd);
            assertThat(warmOn25.out()).isEqualTo(expected.out());
            assertThat(warmOn25.err()).as("stderr of a warm start on " + jdk25).isEmpty();
        }
    }

    /** {@code JDK25_HOME}, else Temurin 25 where Debian/Adoptium install it, else none. */
    private static Path jdk25() {
        String configured = System.getenv("JDK25_HOME");
        Path path = configured != null && !configured.isEmpty()
                ? Path.of(configured)
                : Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
        return Files.isExecutable(path.resolve("bin/java")) ? path : null;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.filter(Files::isRegularFile)
                    .forEach(f -> copy(f, to.resolve(from.relativize(f).toString())));
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

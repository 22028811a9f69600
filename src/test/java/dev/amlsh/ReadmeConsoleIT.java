package dev.amlsh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, the first hour: the README's examples run as written. Every command of its {@code ```console} blocks
 * (a {@code $ } line, with the lines its trailing {@code \} continues) runs through bash, one after the other, in a
 * folder that looks like the repository root (each of the repository's top-level entries linked in, so what a command
 * writes stays here), with a new {@code AMLSH_HOME} and {@code HOME}, as a first-time user's would be. Its stdout and
 * stderr, as a terminal shows them, must equal the lines the README shows below it. {@code scripts/amlsh} is the real
 * launcher, told to run the packaged jar ({@code AMLSH_JAR}). Examples that need what this test cannot have (a
 * database server, the reader's own files) are {@code ```sh} blocks.
 *
 * <p>To bring the README's output in line after a change, from real runs (never by hand): {@code mvn -B -q verify
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ReadmeConsoleIT -Damlsh.readme.update=true}.
 */
class ReadmeConsoleIT {

    private static final Path README = PackagedJar.PROJECT.resolve("README.md");

    @TempDir
    Path temp;

    /** One {@code $ } command of a console block: its text, the output the README shows, and where they are. */
    record Example(String command, List<String> output, int firstLine, int outputStart, int outputEnd) {}

    static List<Example> examples(List<String> lines) {
        List<Example> examples = new ArrayList<>();
        boolean inConsole = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!inConsole) {
                inConsole = line.strip().equals("```console");
                continue;
            }
            if (line.startsWith("```")) {
                inConsole = false;
                continue;
            }
            if (!line.startsWith("$ ")) {
                throw new AssertionError(
                        "README.md:" + (i + 1) + ": a console block's output with no command before it");
            }
            int first = i;
            StringBuilder command = new StringBuilder(line.substring(2));
            while (lines.get(i).endsWith("\\")) {
                command.append('\n').append(lines.get(++i));
            }
            int outputStart = i + 1;
            int end = outputStart;
            while (!lines.get(end).startsWith("$ ") && !lines.get(end).startsWith("```")) {
                end++;
            }
            examples.add(new Example(command.toString(), lines.subList(outputStart, end), first, outputStart, end));
            i = end - 1;
        }
        return examples;
    }

    @Test
    void everyConsoleCommandPrintsWhatTheReadmeShows() throws IOException {
        List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
        List<Example> examples = examples(lines);
        assertThat(examples).as("the README's console commands").hasSizeGreaterThanOrEqualTo(5);

        Path root = Files.createDirectories(temp.resolve("amlsh"));
        List<Path> links = new ArrayList<>();
        try (Stream<Path> entries = Files.list(PackagedJar.PROJECT)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!name.startsWith(".") && !name.equals("target")) {
                    links.add(Files.createSymbolicLink(root.resolve(name), entry));
                }
            }
        }
        try {
            check(lines, examples, root);
        } finally {
            for (Path link : links) {
                Files.delete(link); // the link, not what it points to (JUnit would warn about each)
            }
        }
    }

    private void check(List<String> lines, List<Example> examples, Path root) throws IOException {
        Map<String, String> env = Map.of(
                "AMLSH_HOME", temp.resolve("amlsh-home").toString(),
                "HOME", Files.createDirectories(temp.resolve("home")).toString(),
                "XDG_STATE_HOME", temp.resolve("state").toString(),
                "AMLSH_JAR", PackagedJar.JAR.toString(),
                "AMLSH_NO_ARCHIVE", "1");

        List<String> updated = new ArrayList<>(lines);
        List<String> differences = new ArrayList<>();
        List<List<String>> actuals = new ArrayList<>();
        for (Example example : examples) {
            PackagedJar.Result r = PackagedJar.start(List.of("bash", "-c", example.command()), env, root, "", true)
                    .await();
            List<String> actual = r.out().lines().toList();
            actuals.add(actual);
            if (!actual.equals(example.output())) {
                differences.add("README.md:" + (example.firstLine() + 1) + ": $ " + example.command()
                        + "\n  the README shows:\n" + String.join("\n", example.output())
                        + "\n  it printed (exit " + r.code() + "):\n" + r.out());
            }
            boolean showsAnError = example.output().stream().anyMatch(l -> l.contains("error:"));
            if (!showsAnError && r.code() != 0) {
                differences.add("README.md:" + (example.firstLine() + 1) + ": $ " + example.command() + " exited "
                        + r.code() + ":\n" + r.out());
            }
        }
        if (Boolean.getBoolean("amlsh.readme.update")) {
            for (int k = examples.size() - 1; k >= 0; k--) { // from the end: earlier line numbers stay right
                Example example = examples.get(k);
                updated.subList(example.outputStart(), example.outputEnd()).clear();
                updated.addAll(example.outputStart(), actuals.get(k));
            }
            Files.writeString(README, String.join("\n", updated) + "\n", StandardCharsets.UTF_8);
            return;
        }
        assertThat(differences)
                .as("the README's console blocks against real runs; after checking that the new output is right,"
                        + " regenerate with -Damlsh.readme.update=true")
                .isEmpty();
    }

    @Test
    void aCommandsOutputEndsAtTheNextCommandOrTheBlocksEnd() {
        List<String> readme = List.of(
                "text",
                "```console",
                "$ one \\",
                "    --two",
                "out 1",
                "out 2",
                "$ three",
                "```",
                "```sh",
                "$ not run",
                "```");
        List<Example> examples = examples(readme);
        assertThat(examples)
                .containsExactly(
                        new Example("one \\\n    --two", List.of("out 1", "out 2"), 2, 4, 6),
                        new Example("three", List.of(), 6, 7, 7));
    }
}

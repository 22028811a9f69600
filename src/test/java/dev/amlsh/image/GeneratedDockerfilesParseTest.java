package dev.amlsh.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amlsh.explain.DockerfileExplanation;
import dev.amlsh.model.Environment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Dockerfile amlsh prints passes a real Dockerfile parser (dockerfile-utils' linter), and
 * amlsh's own reading of COPY/ADD sources ({@link DockerfileSources}, used for the warnings of
 * {@code env build-context}) agrees with dockerfile-ast's parse tree.
 */
class GeneratedDockerfilesParseTest {

    @TempDir
    Path tmp;

    @Test
    void everyGeneratedDockerfilePassesTheLinter() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, Environment> c :
                GoldenFilesTest.dockerfileCases().entrySet()) {
            String text = GoldenFilesTest.RENDERER.plan(c.getValue()).dockerfile();
            if (text != null) {
                files.add(Files.writeString(tmp.resolve(c.getKey() + ".Dockerfile"), text, StandardCharsets.UTF_8));
            }
        }
        for (Map.Entry<String, Environment> c : GoldenFilesTest.condaCases().entrySet()) {
            files.add(Files.writeString(
                    tmp.resolve("conda-" + c.getKey() + ".Dockerfile"),
                    GoldenFilesTest.RENDERER.render(c.getValue()),
                    StandardCharsets.UTF_8));
        }
        assertThat(files).hasSizeGreaterThan(10);
        DockerfileParser.parse(files)
                .forEach((file, result) -> assertThat(result.diagnostics())
                        .as(file.getFileName().toString())
                        .isEmpty());
    }

    /**
     * {@code env dockerfile --explain}: with its comment lines every Dockerfile still passes the linter, and
     * dockerfile-ast reads the same COPY/ADD sources from it as from the plain one.
     */
    @Test
    void everyExplainedDockerfileIsStillADockerfileWithTheSameInstructions() throws IOException {
        Map<Path, Path> explainedToPlain = new LinkedHashMap<>();
        Map<String, Environment> cases = new LinkedHashMap<>(GoldenFilesTest.dockerfileCases());
        GoldenFilesTest.condaCases().forEach((name, env) -> cases.put("conda-" + name, env));
        for (Map.Entry<String, Environment> c : cases.entrySet()) {
            ImageBuild build = GoldenFilesTest.RENDERER.plan(c.getValue());
            if (build.dockerfile() == null) {
                continue;
            }
            String explained = DockerfileExplanation.of(c.getValue(), build).text();
            assertThat(explained).as(c.getKey()).contains("# [");
            explainedToPlain.put(
                    Files.writeString(tmp.resolve(c.getKey() + ".explained.Dockerfile"), explained),
                    Files.writeString(tmp.resolve(c.getKey() + ".Dockerfile"), build.dockerfile()));
        }
        assertThat(explainedToPlain).hasSizeGreaterThan(10);
        List<Path> files = new ArrayList<>(explainedToPlain.keySet());
        files.addAll(explainedToPlain.values());
        Map<Path, DockerfileParser.Result> parsed = DockerfileParser.parse(files);
        explainedToPlain.forEach((explained, plain) -> {
            assertThat(parsed.get(explained).diagnostics())
                    .as(explained.getFileName().toString())
                    .isEmpty();
            assertThat(parsed.get(explained).sources().stream()
                            .map(s -> s.keyword() + " " + s.path())
                            .toList())
                    .as(explained.getFileName().toString())
                    .isEqualTo(parsed.get(plain).sources().stream()
                            .map(s -> s.keyword() + " " + s.path())
                            .toList());
        });
    }

    @Test
    void theLinterReallyRunsAndFindsABrokenDockerfile() throws IOException {
        Path broken = Files.writeString(tmp.resolve("broken.Dockerfile"), "FROM ubuntu:22.04\nCOPY onlyone\nRUNN x\n");
        List<DockerfileParser.Diagnostic> found =
                DockerfileParser.parse(List.of(broken)).get(broken).diagnostics();
        assertThat(found).extracting(DockerfileParser.Diagnostic::line).containsExactly(2, 3);
        assertThat(found).allMatch(d -> d.severity().equals("error"));
    }

    @Test
    void amlshReadsCopyAndAddSourcesAsDockerfileAstDoes() throws IOException {
        // (no blank inside a JSON-form path: dockerfile-ast 0.7.1 drops it, Docker keeps it)
        Map<String, String> dockerfiles = new LinkedHashMap<>();
        dockerfiles.put("continued", """
                FROM python:3.11 AS build
                # a comment
                COPY --chown=1000:1000 requirements.txt \\
                  # a comment inside the instruction
                  setup.py /app/
                COPY --from=build /opt/venv /opt/venv
                ADD ["data/a.csv", "b.csv", "/data/"]
                ADD https://example.org/file.tar.gz /tmp/
                copy ./src/ /app/src/
                COPY *.whl /wheels/
                """);
        dockerfiles.put(
                "backtick",
                "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY a.txt `\n  b.txt C:/app/\n");
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> d : dockerfiles.entrySet()) {
            files.add(Files.writeString(tmp.resolve(d.getKey() + ".Dockerfile"), d.getValue()));
        }
        Map<Path, DockerfileParser.Result> parsed = DockerfileParser.parse(files);
        for (Path file : files) {
            List<String> theirs = parsed.get(file).sources().stream()
                    .filter(s -> !s.path().startsWith("https://"))
                    .map(s -> s.line() + " " + s.keyword() + " " + s.path())
                    .toList();
            List<String> ours = DockerfileSources.of(Files.readString(file)).stream()
                    .map(s -> s.line() + " " + s.instruction() + " " + s.path())
                    .toList();
            assertThat(ours).as(file.getFileName().toString()).isEqualTo(theirs).isNotEmpty();
        }
        assertThat(DockerfileSources.of(dockerfiles.get("continued")))
                .extracting(DockerfileSources.Source::relative)
                .containsExactly("requirements.txt", "setup.py", "data/a.csv", "b.csv", "src", "*.whl");
    }
}

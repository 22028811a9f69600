package dev.amlsh.image;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Dockerfile parser for the tests: {@code src/test/dockerfile-parser/check.js} runs the npm
 * packages dockerfile-utils (its linter: {@code validate}) and dockerfile-ast (the parse tree, for the
 * sources of COPY and ADD) on each file. scripts/run-tests installs them ({@code npm ci}). A missing
 * parser fails the test that needs it; {@code -Damlsh.skipDockerfileParser=true} skips it on purpose.
 */
final class DockerfileParser {

    static final Path DIR = Path.of("src", "test", "dockerfile-parser");
    static final String SKIP = "amlsh.skipDockerfileParser";

    /** A problem the linter found, 1-based. */
    record Diagnostic(int line, int column, String severity, String message) {}

    /** A COPY/ADD source as dockerfile-ast reads it. */
    record Source(int line, String keyword, String path) {}

    record Result(List<Diagnostic> diagnostics, List<Source> sources) {}

    private DockerfileParser() {}

    /** Parses each file; fails (or skips, when asked to) if the parser is not installed. */
    static Map<Path, Result> parse(List<Path> files) {
        assumeFalse(
                Boolean.getBoolean(SKIP), "the Dockerfile parser tests are skipped on purpose (-D" + SKIP + "=true)");
        if (!Files.isDirectory(DIR.resolve("node_modules").resolve("dockerfile-utils"))
                || !Files.isDirectory(DIR.resolve("node_modules").resolve("dockerfile-ast"))) {
            fail("the Dockerfile parser is not installed in " + DIR + ": run scripts/run-tests, or npm ci --prefix "
                    + DIR + " (node and npm needed); -D" + SKIP + "=true skips these tests on purpose");
        }
        List<String> command =
                new ArrayList<>(List.of("node", DIR.resolve("check.js").toString()));
        files.forEach(f -> command.add(f.toAbsolutePath().toString()));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(false).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                fail("the Dockerfile parser failed (" + command + "): " + err);
            }
            JsonNode root = JsonMapper.builder().build().readTree(new String(out, StandardCharsets.UTF_8));
            Map<Path, Result> results = new LinkedHashMap<>();
            for (Path file : files) {
                JsonNode node = root.get(file.toAbsolutePath().toString());
                List<Diagnostic> diagnostics = new ArrayList<>();
                for (JsonNode d : node.get("diagnostics")) {
                    diagnostics.add(new Diagnostic(
                            d.get("line").asInt(),
                            d.get("column").asInt(),
                            d.get("severity").asString(),
                            d.get("message").asString()));
                }
                List<Source> sources = new ArrayList<>();
                for (JsonNode s : node.get("sources")) {
                    sources.add(new Source(
                            s.get("line").asInt(),
                            s.get("keyword").asString(),
                            s.get("path").asString()));
                }
                results.put(file, new Result(diagnostics, sources));
            }
            return results;
        } catch (IOException e) {
            fail("cannot run node for the Dockerfile parser (is node installed? scripts/run-tests installs it): "
                    + e.getMessage());
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

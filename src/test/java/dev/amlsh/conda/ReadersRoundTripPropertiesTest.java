package dev.amlsh.conda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amlsh.model.AmlshException;
import dev.amlsh.model.CondaMatchSpec;
import dev.amlsh.model.CondaSpec;
import dev.amlsh.model.DockerfileInstructions;
import dev.amlsh.model.ImageReference;
import dev.amlsh.model.SyntaxProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Issue 10: whatever the input, each reader gives either a domain error or a value that
 * renders and reads back equal, so nothing amlsh accepts is garbage it cannot write again.
 * The inputs are built from the pieces each grammar is made of, so that both outcomes come up
 * often (the statistics in the report show how often each did).
 */
class ReadersRoundTripPropertiesTest {

    static Path dir;

    @BeforeContainer
    static void folder() throws IOException {
        dir = Files.createTempDirectory("amlsh-roundtrip");
    }

    @AfterContainer
    static void clean() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    /** The value, or null when the reader refused the input with a domain error (nothing else may escape). */
    static <T> T readOrRefuse(Supplier<T> read) {
        try {
            T value = read.get();
            Statistics.collect("read");
            return value;
        } catch (AmlshException refused) {
            Statistics.collect("refused");
            return null;
        }
    }

    static Arbitrary<String> from(List<String> pieces, int max) {
        return Arbitraries.of(pieces).list().ofMaxSize(max).map(list -> String.join("", list));
    }

    static final List<String> SPEC_PIECES = List.of(
            "numpy",
            "python",
            "py38_0",
            "conda-forge",
            "::",
            "=",
            "==",
            ">=",
            "<",
            ">",
            "!=",
            "~=",
            ",",
            "|",
            " ",
            "1.21",
            "2",
            "*",
            ".*",
            "[",
            "]",
            "version=",
            "build=",
            "'",
            "\"",
            "-",
            "_",
            "x",
            "\t",
            "\u001b",
            "#",
            ".conda",
            "/",
            "https://h/",
            "@",
            "$");

    static final List<String> PIP_PIECES = List.of(
            "numpy",
            "requests",
            "[socks]",
            "[",
            "]",
            "==",
            ">=",
            "<",
            "~=",
            "!=",
            "===",
            ",",
            "1.2",
            "2.0.*",
            " ",
            ";",
            " python_version",
            " < ",
            "'3.11'",
            "\"win32\"",
            " and ",
            " or ",
            "(",
            ")",
            "@",
            "https://example.org/x.whl",
            "git+https://g/r.git#egg=r",
            "-r",
            "-e",
            "--index-url",
            " x.txt",
            "--hash=sha256:ab",
            "#",
            " # note",
            "\\",
            "\n",
            "\n\n",
            "./pkg",
            "x-1.0-py3-none-any.whl",
            "\u001b",
            "--bogus");

    static final List<String> IMAGE_PIECES = List.of(
            "ubuntu",
            "mcr.microsoft.com",
            "localhost",
            ":5000",
            "/",
            ":",
            "22.04",
            "latest",
            "@sha256:",
            "a".repeat(64),
            "abc",
            "UPPER",
            "__",
            "-",
            ".",
            "_",
            "$",
            " ",
            "\n",
            "[::1]",
            "azureml",
            "openmpi4.1.0-ubuntu20.04");

    static final List<String> DOCKERFILE_PIECES = List.of(
            "FROM ",
            "from ",
            "ubuntu:22.04",
            "Ubuntu",
            " AS base",
            "--platform=linux/amd64 ",
            "ARG ",
            "BASE=x",
            "${BASE}",
            "RUN ",
            "echo hi",
            "COPY ",
            "a b",
            "ENV ",
            "A=1",
            "\n",
            "\n\n",
            " \\\n",
            "# comment\n",
            "<<EOF",
            "EOF",
            "\t",
            "numpy==1.2",
            "LABEL ",
            "\r\n",
            "\u001b",
            "  ");

    static final List<String> CONDA_PIECES = List.of(
            "name: x\n",
            "channels:\n",
            "  - conda-forge\n",
            "dependencies:\n",
            "  - python=3.10\n",
            "  - python=3.11\n",
            "  - numpy\n",
            "  - numpy 1.21 py38_0\n",
            "  - 'numpy>=1.2'\n",
            "  - numpy>>1\n",
            "  - pip:\n",
            "    - requests==2.31\n",
            "    - --index-url https://x/simple\n",
            "    - ''\n",
            "    - '# c'\n",
            "variables:\n",
            "  A: b\n",
            "  B: \"\\e\"\n",
            "prefix: /opt\n",
            "  - ",
            "\t",
            "- ",
            ": ",
            "[",
            "]",
            "{",
            "}",
            "&a ",
            "*a",
            "#",
            "\n");

    @Provide
    Arbitrary<String> specs() {
        return from(SPEC_PIECES, 10);
    }

    @Property(tries = 2000)
    void condaMatchSpecs(@ForAll("specs") String text) {
        CondaMatchSpec spec = readOrRefuse(() -> CondaMatchSpec.parse(text));
        if (spec != null) {
            assertThat(CondaMatchSpec.parse(spec.render())).as(spec.render()).isEqualTo(spec);
        }
    }

    @Provide
    Arbitrary<String> condaFiles() {
        return from(CONDA_PIECES, 14);
    }

    @Property(tries = 1500)
    void condaFiles(@ForAll("condaFiles") String text) {
        CondaSpec spec = readOrRefuse(() -> CondaFileReader.parse(Path.of("f.yml"), text));
        if (spec != null) {
            String written = CondaSpecWriter.write(spec);
            assertThat(CondaFileReader.parse(Path.of("w.yml"), written))
                    .as(written)
                    .isEqualTo(spec);
        }
    }

    @Provide
    Arbitrary<String> pipFiles() {
        return from(PIP_PIECES, 12);
    }

    @Property(tries = 1500)
    void pipFiles(@ForAll("pipFiles") String text) {
        Path file = dir.resolve("requirements.txt");
        write(file, text);
        List<String> lines = readOrRefuse(() -> PipRequirementsReader.read(file));
        if (lines != null) {
            write(file, lines.isEmpty() ? "" : String.join("\n", lines) + "\n");
            assertThat(PipRequirementsReader.read(file)).isEqualTo(lines);
        }
    }

    @Provide
    Arbitrary<String> images() {
        return from(IMAGE_PIECES, 7);
    }

    @Property(tries = 2000)
    void imageReferences(@ForAll("images") String text) {
        ImageReference image = readOrRefuse(() -> {
            try {
                return ImageReference.parse(text);
            } catch (SyntaxProblem e) {
                throw e.as("an image reference");
            }
        });
        if (image != null) {
            assertThat(image.render()).isEqualTo(text);
            assertThat(ImageReference.parse(image.render())).isEqualTo(image);
        }
    }

    @Provide
    Arbitrary<String> dockerfiles() {
        return from(DOCKERFILE_PIECES, 14);
    }

    @Property(tries = 1500)
    void dockerfiles(@ForAll("dockerfiles") String text) {
        Path file = dir.resolve("Dockerfile");
        write(file, text);
        String read = readOrRefuse(() -> EnvironmentFiles.readDockerfile(file));
        if (read != null) {
            DockerfileInstructions instructions = DockerfileInstructions.parse(read);
            assertThat(DockerfileInstructions.parse(instructions.render()))
                    .as(instructions.render())
                    .isEqualTo(instructions);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

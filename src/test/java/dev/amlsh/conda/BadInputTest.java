package dev.amlsh.conda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.amlsh.model.AmlshException;
import dev.amlsh.model.CondaSpec;
import dev.amlsh.model.Environment;
import dev.amlsh.model.SdkRelease;
import dev.amlsh.model.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input raises exactly {@link AmlshException}, with the file and, where it has one, the place. */
class BadInputTest {

    @TempDir
    Path dir;

    /** The one exception type, never a subclass or anything else. */
    static AmlshException problem(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("an exception").isNotNull();
        assertThat(thrown.getClass()).as("exception type of " + thrown).isEqualTo(AmlshException.class);
        return (AmlshException) thrown;
    }

    Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    Path bytes(String name, byte[] content) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    static void at(AmlshException e, Path file, int line, int column, String message) {
        SourceLocation where = e.location().orElseThrow(() -> new AssertionError("no location: " + e.getMessage()));
        assertThat(where.file()).isEqualTo(file);
        assertThat(where.line()).as("line of: " + e.getMessage()).isEqualTo(line);
        assertThat(where.column()).as("column of: " + e.getMessage()).isEqualTo(column);
        assertThat(e.problem()).contains(message);
    }

    static void wholeFile(AmlshException e, Path file, String message) {
        SourceLocation where = e.location().orElseThrow();
        assertThat(where.file()).isEqualTo(file);
        assertThat(where.hasLine()).isFalse();
        assertThat(e.problem()).contains(message);
    }

    CondaSpec conda(Path file) {
        return CondaFileReader.read(file);
    }

    // conda files

    @Test
    void malformedYaml() throws Exception {
        Path f = file("bad.yml", "name: x\ndependencies:\n  - python=3.8\n - numpy\n");
        at(problem(() -> conda(f)), f, 4, 2, "invalid YAML");
        Path g = file("tab.yml", "dependencies:\n\t- numpy\n");
        at(problem(() -> conda(g)), g, 2, 1, "invalid YAML");
        Path h = file("quote.yml", "dependencies:\n  - 'numpy\n");
        at(problem(() -> conda(h)), h, 3, 1, "invalid YAML");
    }

    @Test
    void unknownTopLevelKey() throws Exception {
        Path f = file("k.yml", "name: x\n\ndependencies: [python]\npackages: [numpy]\n");
        at(
                problem(() -> conda(f)),
                f,
                4,
                1,
                "unknown top-level key 'packages' (allowed: name, channels, dependencies, prefix, variables)");
    }

    @Test
    void aListWhereAMappingBelongsAndViceVersa() throws Exception {
        Path f = file("v.yml", "dependencies: [python]\nvariables:\n  - A=1\n");
        at(problem(() -> conda(f)), f, 3, 3, "'variables' must be a mapping of NAME: value (found a list)");
        Path g = file("d.yml", "dependencies:\n  python: 3.8\n");
        at(problem(() -> conda(g)), g, 2, 3, "'dependencies' must be a list (found a mapping)");
        Path h = file("c.yml", "channels: conda-forge\ndependencies: [python]\n");
        at(problem(() -> conda(h)), h, 1, 11, "channels must be a list (found a single value)");
        Path i = file("r.yml", "- python\n- numpy\n");
        at(problem(() -> conda(i)), i, 1, 1, "a conda file must be a mapping");
        Path j = file("p.yml", "dependencies:\n  - pip: numpy\n");
        at(problem(() -> conda(j)), j, 2, 10, "'pip:' must be a list (found a single value)");
        Path k = file("n.yml", "dependencies:\n  - [numpy]\n");
        at(problem(() -> conda(k)), k, 2, 5, "a dependency must be a package");
    }

    @Test
    void duplicateKeys() throws Exception {
        Path f = file("dup.yml", "name: a\ndependencies: [python]\nname: b\n");
        at(problem(() -> conda(f)), f, 3, 1, "duplicate key 'name'");
        Path g = file("dupvar.yml", "dependencies: [python]\nvariables:\n  A: 1\n  B: 2\n  A: 3\n");
        at(problem(() -> conda(g)), g, 5, 3, "duplicate key 'A'");
    }

    @Test
    void missingEmptyCommentsOnlyAndDirectory() throws Exception {
        Path missing = dir.resolve("missing.yml");
        wholeFile(problem(() -> conda(missing)), missing, "no such file");
        Path empty = file("empty.yml", "");
        wholeFile(problem(() -> conda(empty)), empty, "is empty");
        Path comments = file("comments.yml", "# nothing here\n\n   # still nothing\n");
        wholeFile(problem(() -> conda(comments)), comments, "is empty");
        wholeFile(problem(() -> conda(dir)), dir, "is a directory");
        // CondaDependencies accepts a file without dependencies (from_conda_specification then adds python)
        Path noDeps = file("nodeps.yml", "name: x\nchannels: [a]\n");
        assertThat(conda(noDeps).hasDependenciesKey()).isFalse();
        // ... but fails on a dependencies key without a value (get_python_version iterates None)
        Path nullDeps = file("nulldeps.yml", "name: x\ndependencies:\n");
        at(problem(() -> conda(nullDeps)), nullDeps, 2, 1, "'dependencies' has no value");
    }

    @Test
    void nonUtf8BytesNameTheirLineAndColumn() throws Exception {
        Path f = bytes("latin1.yml", "name: x\ndependencies:\n  - caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        AmlshException e = problem(() -> conda(f));
        at(e, f, 3, 8, "the file is not UTF-8: byte 0xE9 cannot be decoded (save it as UTF-8)");
        assertThat(e.location().orElseThrow().sourceLine()).isEqualTo("  - caf\uFFFD");
        byte[] bom = "\uFEFFa: 1\r\nb: \u00e9t\u00e9\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] broken = java.util.Arrays.copyOf(bom, bom.length);
        broken[bom.length - 4] = (byte) 0xFF;
        Path g = bytes("crlf.yml", broken);
        at(problem(() -> conda(g)), g, 2, 6, "byte 0xFF");
        Path h = bytes("cr.yml", "a: 1\rb: 2\r\u00ff\r".getBytes(StandardCharsets.ISO_8859_1));
        at(problem(() -> conda(h)), h, 3, 1, "byte 0xFF");
        Path truncated = bytes("trunc.yml", new byte[] {'a', ':', ' ', (byte) 0xE6, (byte) 0x97});
        at(problem(() -> conda(truncated)), truncated, 1, 4, "byte 0xE6");
    }

    @Test
    void aSecondPipList() throws Exception {
        Path f = file("pip2.yml", "dependencies:\n  - python\n  - pip:\n    - a\n  - pip:\n    - b\n");
        at(problem(() -> conda(f)), f, 5, 5, "a second 'pip:' list");
    }

    @Test
    void badPipLinesAndTemplateTokensInAConda() throws Exception {
        Path f = file("pipbad.yml", "dependencies:\n  - pip:\n    - numpy\n    - 'not a package!'\n");
        at(
                problem(() -> conda(f)),
                f,
                4,
                12,
                "'not a package!' is not a pip requirement: unexpected 'a' after the requirement");
        Path g = file("tok.yml", "dependencies:\n  - pip:\n    - \"azureml-core=={{latest-pypi-version}}\"\n");
        at(problem(() -> conda(g)), g, 3, 22, "template token '{{latest-pypi-version}}'");
    }

    @Test
    void pipOptionsAreNotPackages() {
        CondaSpec spec = SdkRelease.defaultCondaSpec();
        // add_pip_package's own message
        assertThat(problem(() -> spec.addPipPackage("--extra-index-url https://x"))
                        .getMessage())
                .isEqualTo("Invalid package name --extra-index-url https://x");
        assertThat(problem(() -> spec.addPipPackage("!!")).getMessage())
                .contains("'!!' is not a pip requirement: a requirement starts with a package name");
        // an edit stores only what the readers accept, so the stored definition always reads back
        assertThat(problem(() -> spec.addPipPackage("bad spec!!")).getMessage())
                .isEqualTo("'bad spec!!' is not a pip requirement: unexpected 'spec!!' after the requirement"
                        + " (a version needs an operator such as ==)");
        assertThat(problem(() -> spec.addCondaPackage("python=")).getMessage())
                .isEqualTo("'python=' is not a conda package: no version after '='");
        assertThat(problem(() -> spec.addCondaPackage("-c conda-forge")).getMessage())
                .contains("is an option");
        assertThat(problem(() -> spec.removeCondaPackage("python=3.8.13")).getMessage())
                .isEqualTo("python must not be removed from conda dependencies");
    }

    // requirements files

    @Test
    void requirementsFilesNameTheLineOfTheBadRequirement() throws Exception {
        Path f = file("requirements.txt", """
                # tools
                numpy==1.26 \\
                    --hash=sha256:0123abcd
                pandas>=2.0  # inline comment
                --extra-index-url https://download.pytorch.org/whl/cpu
                torch==2.1.0+cpu ; python_version >= "3.8"

                   not a valid line
                """);
        // the caret goes to the word at fault (issue 10: the message names the real problem and points at it)
        at(problem(() -> PipRequirementsReader.read(f)), f, 8, 8, "'not a valid line' is not a pip requirement");
        Path g = file("cont.txt", "numpy\nscipy \\\n  >=1.0 \\\n  bad)\n");
        at(
                problem(() -> PipRequirementsReader.read(g)),
                g,
                4,
                3,
                "'scipy   >=1.0   bad)' is not a pip requirement: unexpected 'bad)'");
        // from_pip_requirements keeps every line: a file of comments and blanks is not an error
        Path h = file("only-comments.txt", "# a\n\n# b\n");
        assertThat(PipRequirementsReader.read(h)).containsExactly("# a", "", "# b");
        Path empty = file("empty.txt", "\n \n");
        assertThat(PipRequirementsReader.read(empty)).containsExactly("", " ");
        Path latin = bytes("latin.txt", "numpy\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        at(problem(() -> PipRequirementsReader.read(latin)), latin, 2, 4, "the file is not UTF-8");
    }

    @Test
    void validRequirementsFilesRead() throws Exception {
        Path f = file("ok.txt", """
                # tools
                numpy==1.26 \\
                    --hash=sha256:0123abcd
                pandas>=2.0  # inline comment
                --extra-index-url https://download.pytorch.org/whl/cpu
                torch==2.1.0+cpu ; python_version >= "3.8"
                azureml-dataset-runtime[fuse,pandas]
                mypkg @ https://example.com/mypkg-1.0.tar.gz
                git+https://github.com/org/repo.git@main#egg=repo
                ./wheels/foo-1.0-py3-none-any.whl
                tail \\
                """);
        // Environment.from_pip_requirements: read().splitlines(), every line as written
        assertThat(PipRequirementsReader.read(f))
                .containsExactly(
                        "# tools",
                        "numpy==1.26 \\",
                        "    --hash=sha256:0123abcd",
                        "pandas>=2.0  # inline comment",
                        "--extra-index-url https://download.pytorch.org/whl/cpu",
                        "torch==2.1.0+cpu ; python_version >= \"3.8\"",
                        "azureml-dataset-runtime[fuse,pandas]",
                        "mypkg @ https://example.com/mypkg-1.0.tar.gz",
                        "git+https://github.com/org/repo.git@main#egg=repo",
                        "./wheels/foo-1.0-py3-none-any.whl",
                        "tail \\");
    }

    // files together

    @Test
    void aCondaFileAndAPipFileTogetherAreRefusedBeforeReading() throws Exception {
        Path conda = dir.resolve("never-read.yml");
        Path pip = dir.resolve("never-read.txt");
        AmlshException e = problem(() ->
                EnvironmentFiles.fromFiles("e", conda, pip, null, null, null, SdkRelease.DEFAULT_BASE_IMAGE, w -> {}));
        assertThat(e.getMessage()).startsWith("a conda file and a pip requirements file cannot be used together");
        assertThat(problem(() -> EnvironmentFiles.fromFiles(
                                "e",
                                null,
                                null,
                                null,
                                "img",
                                dir.resolve("Dockerfile"),
                                SdkRelease.DEFAULT_BASE_IMAGE,
                                w -> {}))
                        .getMessage())
                .contains("a base image and a Dockerfile");
        assertThat(problem(() -> EnvironmentFiles.fromFiles(
                                "e", null, null, "23.1", "img", null, SdkRelease.DEFAULT_BASE_IMAGE, w -> {}))
                        .getMessage())
                .contains("a pip version goes with");
        assertThat(EnvironmentFiles.fromFiles("e", null, null, null, null, null, "def:1", w -> {}))
                .isEqualTo(Environment.create("e", "def:1"));
        Path emptyDockerfile = file("Dockerfile", "\n");
        wholeFile(
                problem(() -> EnvironmentFiles.fromFiles(
                        "e", null, null, null, null, emptyDockerfile, SdkRelease.DEFAULT_BASE_IMAGE, w -> {})),
                emptyDockerfile,
                "is empty");
        assertThat(problem(() -> EnvironmentFiles.fromFiles(
                                "bad name", null, null, null, "img", null, SdkRelease.DEFAULT_BASE_IMAGE, w -> {}))
                        .getMessage())
                .contains("is not a valid environment name");
    }

    @Test
    void fromFilesFollowsTheSdkConstructors() throws Exception {
        Path conda = file("env.yml", "dependencies:\n  - numpy\n");
        Path pip = file("req.txt", "numpy\n");
        Path dockerfile = file("Dockerfile", "FROM ubuntu\n");
        List<String> warnings = new java.util.ArrayList<>();
        Environment fromConda = EnvironmentFiles.fromFiles("e", conda, null, null, null, null, "def:1", warnings::add);
        assertThat(warnings).containsExactly("No Python version provided, defaulting to \"3.8.13\"");
        assertThat(fromConda.docker().baseImage()).isEqualTo("def:1");
        assertThat(fromConda.condaSpec().dependencies()).hasSize(2);
        Environment fromPip = EnvironmentFiles.fromFiles("e", null, pip, "23.1", "img:2", null, "def:1", w -> {});
        assertThat(fromPip.condaSpec().pipRequirements()).containsExactly("numpy");
        assertThat(fromPip.condaSpec().condaPackages())
                .extracting(p -> p.spec())
                .contains("pip=23.1");
        assertThat(fromPip.docker().baseImage()).isEqualTo("img:2");
        assertThat(fromPip.isUserManaged()).isFalse();
        Environment image = EnvironmentFiles.fromFiles("e", null, null, null, "img:3", null, "def:1", w -> {});
        assertThat(image.isUserManaged()).isTrue();
        Environment docker = EnvironmentFiles.fromFiles("e", conda, null, null, null, dockerfile, "def:1", w -> {});
        assertThat(docker.docker().baseDockerfile()).isEqualTo("FROM ubuntu\n");
        assertThat(docker.docker().baseImage()).isNull();
        assertThat(docker.isUserManaged()).isFalse();
        Environment dockerOnly = EnvironmentFiles.fromFiles("e", null, null, null, null, dockerfile, "def:1", w -> {});
        assertThat(dockerOnly.isUserManaged()).isTrue();
    }
}

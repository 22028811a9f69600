package dev.amlsh.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The input grammars, case by case: what they accept, and for what they refuse the problem and
 * the offset the caret goes to. Conda: conda's MatchSpec (conda/models/match_spec.py,
 * {@code _parse_spec_str} and {@code _parse_version_plus_build}). Pip: PEP 508 and pip's
 * requirements-file format (pip/_internal/req/req_file.py). Images: the OCI distribution
 * reference grammar (distribution/reference/reference.go). Dockerfile: Docker's parser rules
 * (the Dockerfile reference: comments, continuations, heredocs, FROM first after ARG).
 */
class GrammarTest {

    static SyntaxProblem refused(Runnable grammar) {
        SyntaxProblem e = catchThrowableOfType(SyntaxProblem.class, grammar::run);
        assertThat(e).as("refused").isNotNull();
        return e;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "numpy",
                "numpy=1.21",
                "numpy==1.21.0",
                "numpy>=1.20,<2",
                "numpy 1.21 py38_0",
                "numpy=1.21=py38_0",
                "conda-forge::numpy>=1.20",
                "numpy[version='>=1.20']",
                "numpy 1.21.*",
                "python=3.8.13",
                "pytorch::pytorch=2.0.1=py3.10_cuda11.8_cudnn8.7.0_0",
                "pip<=23.1.2",
                "numpy >=1.0 , < 2.0 py34_0",
                "libgcc-ng>=12",
                "numpy 1.2|1.3",
                "numpy *",
                "defaults/linux-64::openssl",
                "numpy[build=py38_0, channel=conda-forge]",
                "https://repo.anaconda.com/pkgs/main/linux-64/numpy-1.21.2-py38h20f2e39_0.conda",
                "_libgcc_mutex=0.1=main"
            })
    void condaAccepts(String spec) {
        CondaMatchSpec parsed = CondaMatchSpec.parse(spec);
        assertThat(CondaMatchSpec.parse(parsed.render())).as(parsed.render()).isEqualTo(parsed);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "numpy - pandas|6|two list items read as one",
                "numpy>>1|5|'>>' is not a version operator",
                "=1.2|0|no package name before '='",
                "numpy[version=1.2|5|'[' is not closed",
                "numpy==|5|no version after '=='",
                "numpy>=1.0,<|11|no version after '<'",
                "numpy,1|5|',' cannot be in a package name",
                "numpy 1.2 py38 extra|15|unexpected 'extra' after the build string",
                "::numpy|0|no channel before '::'",
                "numpy[foo=1]|6|'foo' is not a match spec key",
                "numpy[version=1]x|16|unexpected text after ']'",
                "numpy$(id)|5|'$' cannot be in a package name"
            })
    void condaRefuses(String spec, int offset, String problem) {
        SyntaxProblem e = refused(() -> CondaMatchSpec.parse(spec));
        assertThat(e.problem()).contains(problem);
        assertThat(e.offset()).as(e.problem()).isEqualTo(offset);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "numpy",
                "numpy==1.26.4",
                "requests[socks,security]>=2.31",
                "numpy>=1.2,<2",
                "pywin32>=306; sys_platform == \"win32\"",
                "foo @ https://example.org/foo-1.0.tar.gz",
                "git+https://github.com/org/repo.git@v1#egg=repo",
                "./local/pkg",
                "torch-2.0.1-cp310-cp310-linux_x86_64.whl",
                "--index-url https://example.org/simple",
                "--extra-index-url=https://x.org/simple",
                "-r other.txt",
                "-e git+https://github.com/org/repo.git#egg=repo",
                "numpy==1.26.4 --hash=sha256:abcd",
                "",
                "# a comment",
                "numpy==1.* ",
                "numpy  # inline comment",
                "--no-index",
                "--pre",
                "foo; python_version >= \"3.8\" and (os_name == 'posix' or extra == 'x')",
                "Django~=4.2",
                "azureml-defaults"
            })
    void pipAccepts(String line) {
        PipRequirementSyntax.check(line);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "nump==|4|no version after '=='",
                "numpy>=1.2,<|11|no version after '<'",
                "numpy>>1|5|'>>' is not a version operator",
                "foo bar baz|4|unexpected 'bar' after the requirement",
                "requests[socks|8|'[' is not closed",
                "numpy; pyhton_version < '3'|7|'pyhton_version' is not a marker variable",
                "--bogus x|0|'--bogus' is not an option pip reads",
                "-r|0|'-r' needs a value",
                "numpy==1.0 --hash|11|'--hash' needs a value",
                "foo @|4|no URL after '@'",
                "numpy==abc|7|a version starts with a digit",
                "numpy!|5|'!' is not a version operator",
                "my-pkg.whl|0|not a wheel file name"
            })
    void pipRefuses(String line, int offset, String problem) {
        SyntaxProblem e = refused(() -> PipRequirementSyntax.check(line));
        assertThat(e.problem()).contains(problem);
        assertThat(e.offset()).as(e.problem()).isEqualTo(offset);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ubuntu",
                "ubuntu:22.04",
                "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest",
                "localhost:5000/my/app:v1",
                "registry.example.org:443/a__b/c-d.e:1_0",
                "busybox@sha256:7cc4b5aefd1d0cadf8d97d4350462ba51c694ebca145b08d7d41b41acc8db5aa",
                "nvcr.io/nvidia/pytorch:23.10-py3",
                "[::1]:5000/x",
                "scratch"
            })
    void imageAccepts(String image) {
        ImageReference parsed = ImageReference.parse(image);
        assertThat(parsed.render()).isEqualTo(image);
        assertThat(ImageReference.parse(parsed.render())).isEqualTo(parsed);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "UPPER/Case:tag|0|a repository name is lowercase",
                "x@sha256:abc|9|a sha256 digest has 64 lowercase hex digits",
                "ubuntu$(id):22.04|6|'$' cannot be in a repository name",
                "ubuntu:|7|no tag after ':'",
                "a//b|2|an empty path component",
                "ubuntu 22.04|6|it contains a blank",
                "ubuntu:-x|7|is not a tag"
            })
    void imageRefuses(String image, int offset, String problem) {
        SyntaxProblem e = refused(() -> ImageReference.parse(image));
        assertThat(e.problem()).contains(problem);
        assertThat(e.offset()).as(e.problem()).isEqualTo(offset);
    }

    @org.junit.jupiter.api.Test
    void imageWithANewlineIsRefusedAtIt() {
        SyntaxProblem e = refused(() -> ImageReference.parse("ubuntu\n:22.04"));
        assertThat(e.problem()).isEqualTo("it holds the control character \\n");
        assertThat(e.offset()).isEqualTo(6);
    }

    @org.junit.jupiter.api.Test
    void dockerfiles() {
        DockerfileInstructions d = DockerfileInstructions.parse("# syntax=docker/dockerfile:1\nARG BASE=ubuntu\n"
                + "FROM ${BASE} AS base\nrun apt-get update && \\\n  # a comment\n  apt-get install -y curl\n"
                + "RUN <<EOF\nset -e\n# kept\nEOF\nENV A=1\n");
        assertThat(d.instructions())
                .extracting(DockerfileInstructions.Instruction::keyword)
                .containsExactly("ARG", "FROM", "RUN", "RUN", "ENV");
        assertThat(DockerfileInstructions.parse(d.render())).isEqualTo(d);

        SyntaxProblem requirements = refused(() -> DockerfileInstructions.parse("numpy==1.26\nrequests\n"));
        assertThat(requirements.problem()).contains("'numpy==1.26' is not a Dockerfile instruction");
        SyntaxProblem noFrom = refused(() -> DockerfileInstructions.parse("RUN echo hi\n"));
        assertThat(noFrom.problem()).contains("a base Dockerfile starts with FROM IMAGE");
        SyntaxProblem badImage = refused(() -> DockerfileInstructions.parse("FROM Ubuntu\n"));
        assertThat(badImage.problem()).contains("'Ubuntu' is not an image reference");
        assertThat(badImage.offset()).isEqualTo(5);
        SyntaxProblem heredoc = refused(() -> DockerfileInstructions.parse("FROM ubuntu\nRUN <<EOF\necho\n"));
        assertThat(heredoc.problem()).contains("the heredoc <<EOF is not closed");
        SyntaxProblem escape = refused(() -> DockerfileInstructions.parse("FROM ubuntu\nLABEL a=\u001b[31m\n"));
        assertThat(escape.problem()).contains("control character \\x1b");
        assertThat(escape.offset()).isEqualTo(20);
    }

    @org.junit.jupiter.api.Test
    void controlCharactersAreEscapedForTheTerminal() {
        assertThat(ControlCharacters.escape("a\u001b[31mb\nc\u0000\u0085")).isEqualTo("a\\x1b[31mb\\nc\\0\\u0085");
        assertThat(ControlCharacters.escapeLines("one\ntwo\u0007")).isEqualTo("one\ntwo\\x07");
        assertThat(catchThrowableOfType(AmlshException.class, () -> ControlCharacters.requireNone("lab\rel", "a label"))
                        .getMessage())
                .isEqualTo("'lab\\rel' is not a label: it holds the control character \\r");
        assertThat(Map.of()).isEmpty();
    }
}

package dev.amlsh.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amlsh.image.BaseImageCatalog;
import dev.amlsh.image.DockerfileLayout;
import dev.amlsh.image.DockerfileRenderer;
import dev.amlsh.image.DockerfileTemplate;
import dev.amlsh.image.ImageBuild;
import dev.amlsh.model.BuildContext;
import dev.amlsh.model.Environment;
import dev.amlsh.model.SdkRelease;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code env dockerfile --explain}: each instruction gets the comment of its template line (looked up by the
 * instruction, so the template found below a user's base Dockerfile is explained too), a user's instructions are
 * marked as the user's, and taking the comment lines out gives the Dockerfile back (reference §2's template;
 * {@code from_dockerfile}, {@code from_docker_build_context}).
 */
class DockerfileExplanationTest {

    static final DockerfileRenderer RENDERER = new DockerfileRenderer(BaseImageCatalog.bundled());
    static final Environment SEED = Environment.create("seed", SdkRelease.DEFAULT_BASE_IMAGE);
    static final String USERS = "# syntax=docker/dockerfile:1\nFROM ubuntu:22.04\n# my comment\n"
            + "RUN apt-get update && \\\n    # inside\n    apt-get install -y curl\nCOPY <<EOF /etc/x\nline\nEOF\n";

    private static DockerfileExplanation explain(Environment env) {
        return DockerfileExplanation.of(env, RENDERER.plan(env));
    }

    /** The explained text without the lines it added is the Dockerfile. */
    private static String withoutAddedComments(DockerfileExplanation e) {
        StringBuilder s = new StringBuilder();
        for (String line : e.text().lines().toList()) {
            if (!line.strip().startsWith("# [")) {
                s.append(line).append('\n');
            }
        }
        return s.toString();
    }

    @Test
    void everyTemplateInstructionHasItsPurposeAndNothingElseIsAdded() {
        DockerfileExplanation e = explain(SEED);
        long templateInstructions =
                DockerfileTemplate.lines().stream().filter(l -> !l.isComment()).count();
        assertThat(e.instructions()).hasSize((int) templateInstructions + 1); // and FROM
        assertThat(e.instructions()).allMatch(i -> i.origin().equals(DockerfileExplanation.AZURE_ML));
        assertThat(e.instructions().get(0).comment()).isEqualTo("[Azure ML] the base image (docker.baseImage)");
        assertThat(e.instructions().get(1).comment()).startsWith("[Azure ML] build as root");
        assertThat(e.instructions())
                .filteredOn(i -> i.instruction().contains("conda env create"))
                .singleElement()
                .satisfies(i -> assertThat(i.comment()).contains("/azureml-envs/azureml_"));
        assertThat(withoutAddedComments(e)).isEqualTo(RENDERER.render(SEED));
    }

    @Test
    void aBaseDockerfilesInstructionsAreTheUsersAndTheTemplateBelowIsFoundByInstruction() {
        Environment env = SEED.withDocker(SEED.docker().withBaseDockerfile(USERS, w -> {}));
        DockerfileExplanation e = explain(env);
        assertThat(e.instructions().subList(0, 3))
                .extracting(DockerfileExplanation.Instruction::origin, DockerfileExplanation.Instruction::keyword)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(DockerfileExplanation.USER, "FROM"),
                        org.assertj.core.groups.Tuple.tuple(DockerfileExplanation.USER, "RUN"),
                        org.assertj.core.groups.Tuple.tuple(DockerfileExplanation.USER, "COPY"));
        assertThat(e.instructions().get(1).comment())
                .isEqualTo("[yours: docker.baseDockerfile] runs a command in" + " the image");
        assertThat(e.instructions().subList(3, e.instructions().size()))
                .allMatch(i -> i.origin().equals(DockerfileExplanation.AZURE_ML));
        // the directive stays first; each comment goes right before its instruction's first line
        assertThat(e.text())
                .startsWith("# syntax=docker/dockerfile:1\n# [yours: docker.baseDockerfile] the image the build"
                        + " starts from\nFROM ubuntu:22.04\n# my comment\n# [yours: docker.baseDockerfile] runs a"
                        + " command in the image\nRUN apt-get update && \\\n    # inside\n");
        assertThat(withoutAddedComments(e)).isEqualTo(RENDERER.render(env));
    }

    @Test
    void aBuildContextIsAllTheUsersAndAUserManagedDockerfileHasNoCondaLayer() {
        Environment remote = SEED.withDocker(
                SEED.docker().withBuildContext(new BuildContext(null, "ctx", "Dockerfile", USERS), w -> {}));
        ImageBuild build = RENDERER.plan(remote);
        assertThat(build).isInstanceOf(ImageBuild.AsIs.class);
        DockerfileExplanation e = DockerfileExplanation.of(remote, build);
        assertThat(e.instructions()).hasSize(3).allMatch(i -> i.comment().startsWith("[yours, built as it is] "));

        Environment userManaged = SEED.withDocker(SEED.docker().withBaseDockerfile(USERS, w -> {}))
                .withPython(SEED.python().withUserManagedDependencies(true));
        assertThat(explain(userManaged).instructions())
                .noneMatch(i -> i.instruction().contains("azureml-envs"))
                .anyMatch(i -> i.instruction().equals("CMD [\"bash\"]"));
    }

    @Test
    void aUsersEnvAndArgNameTheirVariables() {
        Environment env = SEED.withDocker(SEED.docker()
                .withBaseDockerfile(
                        "ARG BASE=ubuntu:22.04\nFROM $BASE\nENV A=1 B=\"two words\"\n" + "ENV C 3\n", w -> {}));
        assertThat(explain(env).instructions().subList(0, 4))
                .extracting(DockerfileExplanation.Instruction::comment)
                .containsExactly(
                        "[yours: docker.baseDockerfile] the build argument BASE: a variable for the build only",
                        "[yours: docker.baseDockerfile] the image the build starts from",
                        "[yours: docker.baseDockerfile] sets A, B in the image, for the next steps and every run",
                        "[yours: docker.baseDockerfile] sets C in the image, for the next steps and every run");
    }

    @Test
    void theLayoutFollowsContinuationsHeredocsAndTheEscapeDirective() {
        List<DockerfileLayout.Instruction> found = DockerfileLayout.of(USERS).instructions();
        assertThat(found)
                .extracting(DockerfileLayout.Instruction::first, DockerfileLayout.Instruction::last)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, 1),
                        org.assertj.core.groups.Tuple.tuple(3, 5),
                        org.assertj.core.groups.Tuple.tuple(6, 8));
        List<DockerfileLayout.Instruction> backtick = DockerfileLayout.of(
                        "# escape=`\nFROM windows\nRUN a `\n  b\nnot an instruction\n")
                .instructions();
        assertThat(backtick)
                .extracting(DockerfileLayout.Instruction::keyword, DockerfileLayout.Instruction::last)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("FROM", 1), org.assertj.core.groups.Tuple.tuple("RUN", 3));
    }
}

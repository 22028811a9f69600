package dev.amlsh.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amlsh.diff.Change.Changed;
import dev.amlsh.diff.EnvironmentDiff;
import dev.amlsh.formats.EnvironmentJson;
import dev.amlsh.lint.EnvironmentLint;
import dev.amlsh.model.AmlshException;
import dev.amlsh.model.Environment;
import dev.amlsh.model.PythonSection;
import dev.amlsh.model.SdkRelease;
import org.junit.jupiter.api.Test;

/**
 * A definition without conda dependencies (load_from_directory of a folder without
 * conda_dependencies.yml; JSON without python.condaDependencies): amlsh's emulator rules for
 * what Azure ML builds from it, its hashes, lint and diff (docs/EMULATION.md).
 */
class NoCondaDependenciesTest {

    static final String IMAGE = "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:20230620.v1";
    static final Environment WITH = Environment.create("e", IMAGE);
    static final Environment WITHOUT = WITH.withPython(PythonSection.withoutCondaDependencies());
    static final DockerfileRenderer RENDERER = new DockerfileRenderer(BaseImageCatalog.bundled());

    @Test
    void asksForItsCondaSpecGetAClearError() {
        assertThat(WITHOUT.hasCondaDependencies()).isFalse();
        assertThat(WITHOUT.buildsCondaEnvironment()).isFalse();
        assertThatThrownBy(WITHOUT::condaSpec)
                .isInstanceOf(AmlshException.class)
                .hasMessage("e has no conda dependencies (python.condaDependencies is not set, as when a saved folder"
                        + " has no conda_dependencies.yml)");
        assertThatThrownBy(() -> WITHOUT.withCondaSpec(s -> s.addCondaPackage("numpy")))
                .hasMessageEndingWith(": there is nothing to edit; create the environment from a conda file"
                        + " (env create NAME --conda-file FILE)");
        assertThat(MutatedCondaFile.render(WITHOUT)).isEmpty();
    }

    @Test
    void itsDockerfileIsTheTemplateWithoutTheCondaLayer() {
        String with = RENDERER.render(WITH);
        String without = RENDERER.render(WITHOUT);
        assertThat(with).contains("conda env create");
        assertThat(without)
                .startsWith("FROM " + IMAGE + "\nUSER root\n")
                .doesNotContain("conda env create")
                .doesNotContain("azureml-envs")
                .endsWith("CMD [\"bash\"]\n");
        // the same Dockerfile as a user-managed definition on a base Dockerfile would get
        Environment userManagedOnDockerfile = WITH.withDocker(
                        WITH.docker().withBaseDockerfile("FROM " + IMAGE + "\n", w -> {}))
                .withPython(WITH.python().withUserManagedDependencies(true));
        assertThat(without).isEqualTo(RENDERER.render(userManagedOnDockerfile));
    }

    @Test
    void itHasNoCondaEnvironmentNameAndItsImageHashesANullSpec() {
        assertThat(EnvironmentHashes.condaEnvironmentName(WITHOUT)).isNull();
        assertThat(EnvironmentHashes.canonicalImage(WITHOUT)).contains("\"condaDependencies\":null");
        assertThat(EnvironmentHashes.imageName(WITHOUT)).isNotEqualTo(EnvironmentHashes.imageName(WITH));
        ImageDetails details = ImageDetails.of(WITHOUT, RENDERER);
        assertThat(details.pythonEnvironment().condaEnvironmentName()).isNull();
        assertThat(details.pythonEnvironment().interpreterPath()).isEqualTo("python");
    }

    @Test
    void itsJsonHasNoCondaDependenciesKeyAndReadsBack() {
        String json = EnvironmentJson.write(WITHOUT, EnvironmentJson.Options.service());
        assertThat(json).doesNotContain("condaDependencies\":");
        assertThat(EnvironmentJson.read("x.json", json)).isEqualTo(WITHOUT);
    }

    @Test
    void lintWarnsAndDiffSaysWhichSideHasNone() {
        assertThat(EnvironmentLint.check(WITHOUT)).anyMatch(f -> f.code().equals("no-conda-dependencies"));
        assertThat(EnvironmentLint.check(WITHOUT.withPython(WITHOUT.python().withUserManagedDependencies(true))))
                .noneMatch(f -> f.code().equals("no-conda-dependencies"));
        EnvironmentDiff diff = EnvironmentDiff.of(WITH, WITHOUT);
        assertThat(diff.changes())
                .containsExactly(new Changed("python.condaDependencies", "2 dependencies, 2 channels", "none"));
        assertThat(diff.condaEnvironmentAfter()).isNull();
        assertThat(diff.condaEnvironmentChanged()).isTrue();
        assertThat(diff.imageRebuilt()).isTrue();
        assertThat(SdkRelease.defaultCondaSpec().dependencies()).hasSize(2);
    }
}

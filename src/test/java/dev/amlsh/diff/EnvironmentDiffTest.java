package dev.amlsh.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amlsh.diff.Change.Added;
import dev.amlsh.diff.Change.Changed;
import dev.amlsh.diff.Change.Removed;
import dev.amlsh.image.BaseImageCatalog;
import dev.amlsh.image.DockerfileRenderer;
import dev.amlsh.model.ContainerRegistry;
import dev.amlsh.model.Environment;
import dev.amlsh.model.SdkRelease;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvironmentDiffTest {

    static final Environment BASE = Environment.create("e", "img:1")
            .withCondaSpec(s -> s.addCondaPackage("numpy=1.26").addPipPackage("torch==2.0"));

    @Test
    void anEnvironmentEqualsItself() {
        EnvironmentDiff diff = EnvironmentDiff.of(BASE, BASE);
        assertThat(diff.identical()).isTrue();
        assertThat(diff.imageRebuilt()).isFalse();
        assertThat(diff.condaEnvironmentChanged()).isFalse();
    }

    @Test
    void packagesAreComparedByNameWithTheirVersionChange() {
        Environment after = BASE.withCondaSpec(s -> s.removeCondaPackage("numpy=1.26")
                .addCondaPackage("numpy=2.0")
                .addCondaPackage("scipy")
                .addPipPackage("torch==2.1")
                .addPipPackage("Transformers")
                .addChannel("pytorch")
                .addCondaPackage("python=3.11"));
        EnvironmentDiff diff = EnvironmentDiff.of(BASE, after);
        assertThat(diff.changes())
                .containsExactly(
                        new Changed("python", "3.8.13", "3.11"),
                        new Added("channels.pytorch", "pytorch"),
                        new Changed("conda.numpy", "numpy=1.26", "numpy=2.0"),
                        new Added("conda.scipy", "scipy"),
                        new Changed("pip.torch", "torch==2.0", "torch==2.1"),
                        new Added("pip.transformers", "Transformers"));
        assertThat(diff.imageRebuilt()).isTrue();
        assertThat(diff.condaEnvironmentChanged()).isTrue();
    }

    @Test
    void removalsAndReorderingAreChangesToo() {
        Environment after =
                BASE.withCondaSpec(s -> s.removePipPackage("torch").withChannels(List.of("conda-forge", "anaconda")));
        EnvironmentDiff diff = EnvironmentDiff.of(BASE, after);
        assertThat(diff.changes())
                .containsExactly(
                        new Changed("channels.order", "anaconda, conda-forge", "conda-forge, anaconda"),
                        new Removed("pip.torch", "torch==2.0"));
        assertThat(diff.condaEnvironmentChanged()).isTrue();
    }

    @Test
    void variablesNameAndVersionChangeNothingThatIsBuilt() {
        Environment after = BASE.withVariable("MODE", "fast")
                .withoutVariable("EXAMPLE_ENV_VAR")
                .withName("f")
                .withVersion("2");
        EnvironmentDiff diff = EnvironmentDiff.of(BASE, after);
        assertThat(diff.changes())
                .containsExactly(
                        new Removed("variables.EXAMPLE_ENV_VAR", "EXAMPLE_VALUE"), new Added("variables.MODE", "fast"));
        assertThat(diff.imageRebuilt()).isFalse();
        assertThat(diff.condaEnvironmentChanged()).isFalse();
    }

    @Test
    void dockerFieldsAndRegistryPasswordsNeverShownInClear() {
        Environment after = BASE.withBaseImage("img:2", w -> {});
        after = after.withDocker(after.docker().withRegistry(new ContainerRegistry("acr.io", "me", "pw1", null)));
        Environment after2 =
                after.withDocker(after.docker().withRegistry(new ContainerRegistry("acr.io", "me", "pw2", null)));
        assertThat(EnvironmentDiff.of(BASE, after).changes())
                .containsExactly(
                        new Changed("docker.baseImage", "img:1", "img:2"),
                        new Added("docker.baseImageRegistry.address", "acr.io"),
                        new Added("docker.baseImageRegistry.username", "me"),
                        new Added("docker.baseImageRegistry.password", "***"));
        assertThat(EnvironmentDiff.of(after, after2).changes())
                .containsExactly(
                        new Changed("docker.baseImageRegistry.password", "*** (one value)", "*** (another value)"));
        assertThat(EnvironmentDiff.of(after, after2).imageRebuilt()).isFalse();
    }

    @Test
    void userManagedHasNoCondaEnvironment() {
        Environment after = BASE.withPython(BASE.python().withUserManagedDependencies(true));
        EnvironmentDiff diff = EnvironmentDiff.of(BASE, after);
        assertThat(diff.changes()).containsExactly(new Changed("python.userManagedDependencies", "false", "true"));
        assertThat(diff.condaEnvironmentAfter()).isNull();
        assertThat(diff.condaEnvironmentChanged()).isTrue();
        assertThat(diff.imageRebuilt()).isTrue();
    }

    @Test
    void unifiedDockerfileDiff() {
        DockerfileRenderer renderer = new DockerfileRenderer(BaseImageCatalog.bundled());
        Environment a = Environment.create("a", SdkRelease.DEFAULT_BASE_IMAGE);
        Environment b = a.withBaseImage("mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest", w -> {});
        String diff =
                DockerfileDiff.unified(renderer.render(a), renderer.render(b), "a:1/Dockerfile", "b:1/Dockerfile", 1);
        assertThat(diff).isEqualTo("""
                --- a:1/Dockerfile
                +++ b:1/Dockerfile
                @@ -1,2 +1,2 @@
                -FROM mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest
                +FROM mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest
                 USER root
                """);
        assertThat(DockerfileDiff.unified(renderer.render(a), renderer.render(a), "x", "y", 3))
                .isEmpty();
    }
}

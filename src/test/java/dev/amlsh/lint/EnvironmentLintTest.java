package dev.amlsh.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amlsh.model.Environment;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvironmentLintTest {

    static List<String> codes(Environment env) {
        return EnvironmentLint.check(env).stream()
                .map(f -> f.severity() + " " + f.code() + " " + f.field())
                .toList();
    }

    @Test
    void aPinnedEnvironmentIsClean() {
        Environment env = Environment.create("clean", "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:20230620.v1")
                .withCondaSpec(s -> s.addCondaPackage("numpy==1.26.4")
                        .addPipPackage("azureml-defaults==1.56.0")
                        .addPipPackage("torch==2.1.0+cpu ; python_version >= \"3.8\""));
        assertThat(codes(env)).isEmpty();
    }

    /**
     * from_pip_requirements keeps blank lines, comments and continued lines: lint names each, pip skips or joins them.
     */
    @Test
    void linesPipSkipsOrJoinsAreNamed() {
        Environment env = Environment.create(
                        "pipfile", "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:20230620.v1")
                .withCondaSpec(s -> s.withPipRequirements(
                        List.of("# tools", "numpy==1.26.4 \\", "    --hash=sha256:0123", "", "pandas==2.2.0")));
        assertThat(codes(env))
                .containsExactly(
                        "INFO pip-ignored-line pip[0]",
                        "INFO pip-continued-line pip[1]",
                        "INFO pip-ignored-line pip[3]");
        assertThat(EnvironmentLint.check(env).get(0).message())
                .isEqualTo("pip entry 1 is a comment: # tools (from_pip_requirements keeps every line of the file; "
                        + "pip skips it)");
    }

    @Test
    void packagesOfAUserManagedEnvironmentAreFlaggedAsNeverInstalled() {
        Environment image = dev.amlsh.model.Environments.fromDockerImage(
                "tools", "python:3.11.9-slim", dev.amlsh.model.SdkRelease.DEFAULT_BASE_IMAGE);
        assertThat(codes(image)).isEmpty();
        assertThat(codes(image.withCondaSpec(s -> s.addPipPackage("numpy==1.26.4"))))
                .containsExactly("WARNING ignored-packages python.condaDependencies");
    }

    @Test
    void findsFloatingImagesUnpinnedPackagesSecretsReservedNamesAndTokens() {
        Environment env = Environment.create("AzureML-mine", "python")
                .withCondaSpec(s -> s.addCondaPackage("scipy")
                        .addCondaPackage("pandas>=2")
                        .addPipPackage("requests")
                        .addPipPackage("flask~=3.0")
                        .addPipPackage("git+https://github.com/org/repo@main#egg=repo"))
                // a template token is no valid requirement, so no edit stores it; lint still sees one in a spec built
                // directly
                .withCondaSpec(s -> s.withPipRequirements(java.util.stream.Stream.concat(
                                s.pipRequirements().stream(),
                                java.util.stream.Stream.of("azureml-core=={{latest-pypi-version}}"))
                        .toList()))
                .withVariable("DB_PASSWORD", "hunter2")
                .withVariable("api_token", "")
                .withVariable("MODE", "{{x}}");
        assertThat(codes(env))
                .containsExactly(
                        "ERROR reserved-name name",
                        "WARNING floating-base-image docker.baseImage",
                        "WARNING unpinned-conda conda.scipy",
                        "INFO ranged-conda conda.pandas",
                        "WARNING unpinned-pip pip.azureml-defaults",
                        "WARNING unpinned-pip pip.requests",
                        "INFO ranged-pip pip.flask",
                        "ERROR template-token pip.azureml-core",
                        "WARNING secret-in-variable variables.DB_PASSWORD",
                        "ERROR template-token variables.MODE");
        assertThat(EnvironmentLint.check(env).get(8).message()).doesNotContain("hunter2");
    }

    @Test
    void latestAndDigestPinnedImages() {
        assertThat(codes(Environment.create("a", "pytorch/pytorch:latest")
                        .withPython(Environment.create("a", "x").python().withUserManagedDependencies(true))))
                .containsExactly("WARNING floating-base-image docker.baseImage");
        assertThat(codes(Environment.create("a", "localhost:5000/img@sha256:abc")
                        .withPython(Environment.create("a", "x").python().withUserManagedDependencies(true))))
                .isEmpty();
        assertThat(codes(Environment.create("a", "localhost:5000/img")
                        .withPython(Environment.create("a", "x").python().withUserManagedDependencies(true))))
                .containsExactly("WARNING floating-base-image docker.baseImage");
    }
}

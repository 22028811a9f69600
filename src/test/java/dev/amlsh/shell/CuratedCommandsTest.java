package dev.amlsh.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code curated list|images|show} and {@code env create NAME --from curated:NAME[:VERSION]}
 * ({@code Environment.get(ws, NAME, VERSION).clone(NEW)} in SDK v1; {@code azureml:NAME:VERSION}
 * from the azureml registry in v2).
 */
class CuratedCommandsTest {

    @TempDir
    Path dir;

    Shell shell;

    @BeforeEach
    void setUp() {
        shell = new Shell(dir);
    }

    @Test
    void listShowsTheCuratedEnvironmentsAndImagesTheBaseImages() {
        String list = shell.run("curated list").out();
        assertThat(list)
                .startsWith("NAME")
                .contains(
                        "AzureML-Minimal",
                        "2020-07-08",
                        "conda spec on a base image",
                        "AzureML-sklearn-0.24-ubuntu18.04-py37-cuda11-gpu",
                        "base Dockerfile",
                        "sklearn-1.0",
                        "build context",
                        "acpt-pytorch-2.2-cuda12.1");
        String images = shell.run("curated images").out();
        assertThat(images)
                .containsPattern("(?m)^mcr.microsoft.com/azureml/intelmpi2018.3-ubuntu16.04:20210301.v1 +pinned ");
        String json = shell.run("curated images -o json").out();
        assertThat(json)
                .contains("\"from\": \"mcr.microsoft.com/azureml/intelmpi2018.3-ubuntu16.04:20210301.v1"
                        + "@sha256:000d6c43f606ceaa67983790ca95c70fd741c364d8c2e3217a11d775b99741df\"");
    }

    @Test
    void showTakesAnEnvironmentOrAnImage() {
        Shell.Result env = shell.run("curated show sklearn-1.0");
        assertThat(env.code()).isZero();
        assertThat(env.out())
                .contains(
                        "kind:",
                        "build context",
                        "token:",
                        "{{latest-image-tag}} = 20240304.v1",
                        "sklearn-1.0:2024-03-20",
                        "description:");
        String reserved = shell.run("curated show AzureML-Minimal").out();
        assertThat(reserved).contains("AzureML-Minimal:2020-07-08", "conda-forge", "azureml-core==1.8.0");
        Shell.Result image = shell.run("curated show mcr.microsoft.com/azureml/intelmpi2018.3-ubuntu16.04:20210301.v1");
        assertThat(image.out()).contains("sha256:000d6c43f606ceaa67983790ca95c70fd741c364d8c2e3217a11d775b99741df");
        Shell.Result version = shell.run("curated show AzureML-Minimal:36");
        assertThat(version.code()).isEqualTo(1);
        assertThat(version.err()).startsWith("error: amlsh has AzureML-Minimal at version 2020-07-08 only");
        assertThat(shell.run("curated show docker.io/library/python:3.11").err())
                .contains("amlsh does not know the image 'docker.io/library/python:3.11'");
        assertThat(shell.run("curated show sklearn-1.0 -o json").out())
                .contains("\"kind\": \"build-context\"", "\"definition\": {", "\"tokens\": {");
    }

    @Test
    void createFromACuratedEnvironmentCopiesItUnderTheNewName() {
        Shell.Result r = shell.run("env create my-sklearn --from curated:sklearn-1.0");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("created draft my-sklearn from curated sklearn-1.0:2024-03-20 (build context)\n");
        assertThat(shell.run("env dockerfile my-sklearn").out())
                .startsWith("FROM mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:20240304.v1\n");
        assertThat(shell.run("env register my-sklearn").out()).isEqualTo("registered my-sklearn:1\n");

        shell.run("env create minimal --from curated:AzureML-Minimal:2020-07-08");
        assertThat(shell.run("env conda-spec minimal").out()).contains("azureml-core==1.8.0", "python=3.6.2");
        assertThat(shell.run("env dockerfile minimal").out())
                .startsWith("FROM mcr.microsoft.com/azureml/intelmpi2018.3-ubuntu16.04:20200821.v1@sha256:8cee6f67");

        shell.run("env create old-sklearn --from curated:AzureML-sklearn-0.24-ubuntu18.04-py37-cuda11-gpu");
        assertThat(shell.run("env dockerfile old-sklearn").out())
                .startsWith("FROM mcr.microsoft.com/azureml/openmpi4.1.0-cuda11.0.3-cudnn8-ubuntu18.04:20210615.v1\n");
    }

    @Test
    void aBadFromIsAUsageErrorAndAnUnknownCuratedNameFails() {
        Shell.Result usage = shell.run("env create x --from sklearn-1.0");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).contains("--from takes curated:NAME[:VERSION]");
        assertThat(shell.run("env create x --from curated:sklearn-1.0 --base-image ubuntu:22.04")
                        .code())
                .isEqualTo(2);
        Shell.Result unknown = shell.run("env create x --from curated:AzureML-Tutorial");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("amlsh has no curated environment 'AzureML-Tutorial'");
        assertThat(shell.run("env list -o json").out()).doesNotContain("\"x\"");
    }

    /** Reserved names (AzureML*, Microsoft*) are shown as curated but refused for a user's registration. */
    @Test
    void aCuratedNameCannotBeRegisteredByAUser() {
        assertThat(shell.run("env create AzureML-Minimal --from curated:AzureML-Minimal")
                        .code())
                .isZero();
        Shell.Result register = shell.run("env register AzureML-Minimal");
        assertThat(register.code()).isEqualTo(1);
        assertThat(register.err()).contains("'AzureML-Minimal' is reserved");
        assertThat(shell.run("env register AzureML-Minimal --as minimal").out()).isEqualTo("registered minimal:1\n");
    }
}

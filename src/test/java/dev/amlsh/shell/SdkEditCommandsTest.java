package dev.amlsh.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The edit commands say what azureml-core's {@code CondaDependencies} methods did
 * (add_pip_package, remove_conda_package, remove_channel, set_pip_option, remove_pip_option),
 * in text and in {@code -o json} alike; what the SDK makes a silent no-op is a warning, exit 0.
 */
class SdkEditCommandsTest {

    @TempDir
    Path dir;

    Shell shell;

    @BeforeEach
    void setUp() throws IOException {
        shell = new Shell(dir);
        Files.writeString(
                dir.resolve("env.yml"),
                "name: x\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.10\n"
                        + "  - numpy\n  - pip:\n    - pandas==2.0\n    - requests\n",
                StandardCharsets.UTF_8);
        assertThat(shell.run("env create demo --conda-file env.yml").code()).isZero();
    }

    @Test
    void addPipSaysWhetherItAddedReplacedOrMovedAndJsonAgrees() {
        assertThat(shell.run("env add-pip demo pandas==2.2").out())
                .isEqualTo("replaced pip package pandas==2.0 with pandas==2.2 (now at the end) in draft demo\n");
        assertThat(shell.run("env add-pip demo requests").out())
                .isEqualTo("moved pip package requests to the end in draft demo\n");
        assertThat(shell.run("env add-pip demo requests").out())
                .isEqualTo("draft demo already has pip package requests\n");
        Shell.Result json = shell.run("env add-pip demo pandas==2.2 torch -o json");
        assertThat(json.out())
                .contains("\"changed\": true")
                .contains(
                        "\"action\": \"moved\"", "\"text\": \"moved pip package pandas==2.2 to the end in draft demo\"")
                .contains("\"action\": \"added\"", "\"text\": \"added pip package torch to draft demo\"");
        assertThat(shell.run("env conda-spec demo").out())
                .contains("- requests\n        - pandas==2.2\n        - torch\n");
    }

    @Test
    void removingWhatIsNotThereWarnsAndExitsZero() {
        Shell.Result conda = shell.run("env remove-conda demo numpy=1.21");
        assertThat(conda.code()).isZero();
        assertThat(conda.out()).isEmpty();
        assertThat(conda.err()).isEqualTo("warning: draft demo has no conda package numpy=1.21: nothing removed\n");
        assertThat(shell.run("env remove-pip demo scipy").err())
                .isEqualTo("warning: draft demo has no pip package scipy: nothing removed\n");
        assertThat(shell.run("env remove-channel demo defaults").err())
                .isEqualTo("warning: draft demo has no channel defaults: nothing removed\n");
        Shell.Result json = shell.run("env remove-conda demo python -o json");
        assertThat(json.code()).isZero();
        assertThat(json.out()).contains("\"changed\": false", "\"action\": \"absent\"");
        assertThat(shell.run("env remove-conda demo numpy").out())
                .isEqualTo("removed conda package numpy from draft demo\n");
    }

    @Test
    void removingTheLastChannelLeavesAnEmptyList() {
        assertThat(shell.run("env remove-channel demo conda-forge").out())
                .isEqualTo("removed channel conda-forge from draft demo\n");
        assertThat(shell.run("env conda-spec demo").out()).startsWith("channels: []\ndependencies:\n");
        assertThat(shell.run("env show demo -o json").out()).contains("\"channels\": []");
    }

    @Test
    void pythonEditsFollowSetPythonVersion() {
        assertThat(shell.run("env add-conda demo python==3.11").out())
                .isEqualTo("replaced conda package python=3.10 with python=3.11 in draft demo\n");
        Shell.Result star = shell.run("env add-conda demo python=3.10.*");
        assertThat(star.code()).isEqualTo(1);
        assertThat(star.err()).startsWith("error: 'python=3.10.*' names no python version azureml-core can set");
        assertThat(shell.run("env remove-conda demo python=3.11").err())
                .isEqualTo("error: python must not be removed from conda dependencies\n");
    }

    @Test
    void pipOptionsComeAfterDoubleDash() {
        Shell.Result add = shell.run("env add-pip-option demo -- --index-url https://a.org/simple -f ./wheels");
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out())
                .isEqualTo("added pip option --index-url https://a.org/simple to draft demo\n"
                        + "added pip option -f ./wheels to draft demo\n");
        assertThat(shell.run("env add-pip-option demo -- '--index-url https://b.org/simple'")
                        .out())
                .isEqualTo("replaced pip option --index-url https://a.org/simple with --index-url "
                        + "https://b.org/simple in draft demo\n");
        assertThat(shell.run("env remove-pip-option demo -- -f").out())
                .isEqualTo("removed pip option -f ./wheels from draft demo\n");
        assertThat(shell.run("env remove-pip-option demo -- --extra-index-url").err())
                .isEqualTo("warning: draft demo has no pip option --extra-index-url: nothing removed\n");
        Shell.Result notOption = shell.run("env add-pip-option demo -- index-url");
        assertThat(notOption.code()).isEqualTo(1);
        assertThat(notOption.err()).isEqualTo("error: Invalid pip option index-url\n");
    }

    @Test
    void addPipRefusesAnOptionAsTheSdkDoes() {
        Shell.Result r = shell.run("env add-pip demo -- --index-url");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: Invalid package name --index-url\n");
        Shell.Result remove = shell.run("env remove-pip demo -- --index-url");
        assertThat(remove.code()).isEqualTo(1);
        assertThat(remove.err()).isEqualTo("error: Invalid package name --index-url\n");
    }
}

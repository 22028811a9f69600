package dev.amlsh.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differences the differential run against azureml-core's own code found (the SDK's
 * {@code environment.py} and {@code conda_dependencies.py} on ruamel.yaml 0.17.4, each command a
 * separate amlsh run, so the draft's conda file goes through the workspace between them). Every
 * expected text is what the SDK printed for the same calls.
 */
class SdkDifferentialCommandsTest {

    @TempDir
    Path dir;

    Shell shell;

    @BeforeEach
    void setUp() {
        shell = new Shell(dir);
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void aVariablesSpellingStaysThroughAnEdit() throws IOException {
        // from_conda_specification, add_conda_package('numpy'), serialize_to_string(): ruamel's
        // ScalarInt/ScalarFloat keep 010, 0o17, 0x1F, 1e3 and 1.50 as written (only '+' goes)
        write(
                "vars.yml",
                "name: vars\ndependencies:\n  - python=3.10\nvariables:\n  OCT: 010\n  OCT2: 0o17\n  HEX: 0x1F\n"
                        + "  SCI: 1e3\n  FLOAT: 1.50\n  PLUS: +4\n");
        assertThat(shell.run("env create v --conda-file vars.yml").code()).isZero();
        assertThat(shell.run("env add-conda v numpy").code()).isZero();
        assertThat(shell.run("env conda-file v").out())
                .isEqualTo("name: vars\ndependencies:\n- python=3.10\n- numpy\nvariables:\n  OCT: 010\n  OCT2: 0o17\n"
                        + "  HEX: 0x1F\n  SCI: 1e3\n  FLOAT: 1.50\n  PLUS: 4\n");
    }

    @Test
    void aPipPackageReplacedAtTheEndLosesItsComments() throws IOException {
        // add_pip_package('requests==2.31'): remove_pip_package pops 'requests' (CommentedSeq.pop
        // drops its comment and the lines after it), then the new entry is appended bare
        write(
                "tail.yml",
                "name: tail\ndependencies:\n  - python=3.10\n  - pip:\n    - requests   # http\n"
                        + "    # end of pip list\n\n# end of file\n");
        assertThat(shell.run("env create t --conda-file tail.yml").code()).isZero();
        assertThat(shell.run("env add-pip t requests==2.31").code()).isZero();
        assertThat(shell.run("env conda-file t").out())
                .isEqualTo("name: tail\ndependencies:\n- python=3.10\n- pip:\n  - requests==2.31\n");
    }

    @Test
    void reAddingAListedPipPackageDropsItsComments() {
        // Environment(name) then add_pip_package('azureml-defaults'): the same text comes back, but
        // popped and appended, so the comment above it and the blank line after it go
        assertThat(shell.run("env create d").code()).isZero();
        assertThat(shell.run("env add-pip d azureml-defaults").out())
                .isEqualTo("draft d already has pip package azureml-defaults\n");
        assertThat(shell.run("env conda-file d").out())
                .endsWith(
                        "- python=3.8.13\n\n- pip:\n  - azureml-defaults\n" + "channels:\n- anaconda\n- conda-forge\n");
    }

    @Test
    void aContinuedRequirementLineReadsBackFromTheWorkspace() throws IOException {
        // from_pip_requirements keeps 'numpy \' and '  >=1.2' as two pip entries (pip joins them);
        // the stored draft must read back, and add_pip_package('rich') appends after them
        write("requirements.txt", "numpy \\\n  >=1.2\npandas\n");
        assertThat(shell.run("env create p --pip-file requirements.txt").code()).isZero();
        Shell.Result added = shell.run("env add-pip p rich");
        assertThat(added.err()).isEmpty();
        assertThat(added.code()).isZero();
        assertThat(shell.run("env conda-file p").out())
                .endsWith("- pip:\n  - numpy \\\n  - '  >=1.2'\n  - pandas\n  - rich\n- pip\n"
                        + "channels:\n- anaconda\n- conda-forge\n");
    }

    @Test
    void pipEditsOnAPipKeyWithoutAListAreRefusedWhereTheSdkFails() throws IOException {
        // add_pip_package / remove_pip_package / set_pip_option / remove_pip_option iterate
        // ditem['pip'], which is None for 'pip:' with no value: TypeError in the SDK
        write("pipnull.yml", "name: pipnull\ndependencies:\n  - python=3.9\n  - pip:\n");
        assertThat(shell.run("env create n --conda-file pipnull.yml").code()).isZero();
        for (String edit : List.of("add-pip n rich", "remove-pip n rich", "add-pip-option n -- --pre")) {
            Shell.Result refused = shell.run("env " + edit);
            assertThat(refused.code()).as(edit).isEqualTo(1);
            assertThat(refused.err()).as(edit).contains("n's conda file has 'pip:' with no list");
        }
        assertThat(shell.run("env add-conda n numpy").code()).isZero();
        assertThat(shell.run("env conda-file n").out())
                .isEqualTo("name: pipnull\ndependencies:\n- python=3.9\n- pip:\n- numpy\n");
    }

    @Test
    void aFlowListEmptiedInOneCommandStaysFlowWhenTheNextAddsToIt() throws IOException {
        // remove_channel twice, add_channel('pytorch'): the CommentedSeq keeps its flow style while
        // empty, so the SDK writes [pytorch] (a list read as [] has no style and would be block)
        write(
                "flow.yml",
                "name: flow\nchannels: [conda-forge, defaults]\n"
                        + "dependencies: [python=3.9, numpy, {pip: [requests, \"rich>=13\"]}]\nvariables: {}\n");
        assertThat(shell.run("env create f --conda-file flow.yml").code()).isZero();
        assertThat(shell.run("env remove-channel f conda-forge defaults").code())
                .isZero();
        assertThat(shell.run("env add-channel f pytorch").code()).isZero();
        assertThat(shell.run("env conda-file f").out())
                .isEqualTo("name: flow\nchannels: [pytorch]\n"
                        + "dependencies: [python=3.9, numpy, pip: [requests, rich>=13]]\nvariables: {}\n");
    }

    @Test
    void aCommentKeepsItsOwnColumnAcrossCommands() throws IOException {
        // remove_channel('conda-forge') on a flow list written over two lines: ruamel keeps the
        // comment's column from the file (13), so once the list is short it sits one space after
        // it, not where the first command's one-line text had pushed it
        write(
                "flowc.yml",
                "name: flowc\nchannels: [conda-forge,   # first channel\n  defaults]  # after\n"
                        + "dependencies: [\n  python=3.9,  # py\n  numpy,\n  {pip: [rich, # r\n    requests]}\n]\n");
        assertThat(shell.run("env create c --conda-file flowc.yml").code()).isZero();
        assertThat(shell.run("env conda-file c").out())
                .startsWith("name: flowc\nchannels: [conda-forge, defaults] # after\n");
        assertThat(shell.run("env remove-channel c conda-forge").code()).isZero();
        assertThat(shell.run("env conda-file c").out())
                .isEqualTo("name: flowc\nchannels: [defaults] # after\n"
                        + "dependencies: [python=3.9, numpy, pip: [rich, requests]]\n");
    }

    @Test
    void commentLinesBelowAnEmptyListStayAfterItsItems() throws IOException {
        // from_conda_specification appends python to 'dependencies: []', add_conda_package('numpy')
        // appends again: the comment lines below '[]' belong to the list and stay after its items
        write("empty.yml", "# a\nchannels: [x]\ndependencies: []\n       # \n\nvariables:\n  A: b\n");
        assertThat(shell.run("env create e --conda-file empty.yml").code()).isZero();
        assertThat(shell.run("env add-conda e numpy").code()).isZero();
        assertThat(shell.run("env conda-file e").out())
                .isEqualTo("# a\nchannels: [x]\ndependencies:\n- python=3.8.13\n- numpy\n       # \n\n"
                        + "variables:\n  A: b\n");
    }

    @Test
    void aLoadedDraftRegistersAsTheVersionItHas() throws IOException {
        // load_from_directory keeps "version": "36"; Environment.register warns and asks the
        // service for that version: created once, the same definition again is a no-op, another
        // one the service's conflict. A clone (--name) has no version and is numbered.
        Files.createDirectories(dir.resolve("v36"));
        write("v36/azureml_environment.json", "{\"name\": \"minimal\", \"version\": \"36\"}");
        write("v36/conda_dependencies.yml", "name: minimal\ndependencies:\n  - python=3.8\n");
        String warning = "warning: Environment version is set. Attempting to register desired version."
                + " To auto-version, reset version to None.\n";
        assertThat(shell.run("env load v36").code()).isZero();
        Shell.Result first = shell.run("env register minimal");
        assertThat(first.err()).isEqualTo(warning);
        assertThat(first.out()).isEqualTo("registered minimal:36\n");
        assertThat(shell.run("env register minimal").out())
                .isEqualTo("minimal:36 already has this definition (no new version)\n");
        assertThat(shell.run("env add-conda minimal numpy").code()).isZero();
        Shell.Result conflict = shell.run("env register minimal");
        assertThat(conflict.code()).isEqualTo(1);
        assertThat(conflict.err())
                .endsWith("error: Environment minimal with version 36 is already registered and cannot be changed.\n");
        assertThat(shell.run("env load v36 --name copy").code()).isZero();
        Shell.Result copy = shell.run("env register copy");
        assertThat(copy.err()).isEmpty();
        assertThat(copy.out()).isEqualTo("registered copy:1\n");
    }
}

package dev.amlsh.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amlsh.conda.EnvironmentFiles;
import dev.amlsh.conda.roundtrip.CondaDocument;
import dev.amlsh.image.MutatedCondaFile;
import dev.amlsh.model.Environment;
import dev.amlsh.model.SdkRelease;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each note of {@code env explain}'s conda part appears exactly when its cause is there: the comparison of the
 * definition's conda file (azureml-core's {@code CondaDependencies.serialize_to_string()}) with
 * {@code mutated_conda_dependencies.yml} (reference §2: name replaced, keys sorted), and the entries azureml-core
 * puts in ({@code from_conda_specification}'s default python and warning, {@code from_pip_requirements}' pip).
 */
class CondaFileChangesTest {

    @TempDir
    Path dir;

    private Environment fromConda(String text) throws IOException {
        Path file = Files.writeString(dir.resolve("env.yml"), text);
        return EnvironmentFiles.fromFiles("e", file, null, null, null, null, SdkRelease.DEFAULT_BASE_IMAGE, w -> {});
    }

    private Environment fromPip(String text) throws IOException {
        Path file = Files.writeString(dir.resolve("requirements.txt"), text);
        return EnvironmentFiles.fromFiles("e", null, file, null, null, null, SdkRelease.DEFAULT_BASE_IMAGE, w -> {});
    }

    private static List<CondaFileChanges.Note> changes(Environment env) {
        return CondaFileChanges.compare(
                CondaDocument.of(env), MutatedCondaFile.render(env).orElseThrow());
    }

    private static List<CondaFileChanges.Note> sdk(Environment env) {
        return CondaFileChanges.sdkEntries(CondaDocument.of(env), env.condaSpec(), env.condaFile() != null);
    }

    private static List<String> kinds(List<CondaFileChanges.Note> notes) {
        return notes.stream().map(CondaFileChanges.Note::kind).toList();
    }

    private static CondaFileChanges.Note note(List<CondaFileChanges.Note> notes, String kind) {
        return notes.stream().filter(n -> n.kind().equals(kind)).findFirst().orElseThrow();
    }

    @Test
    void theSeedFileHasItsNameReplacedItsKeysSortedAndItsListsIndented() throws IOException {
        Environment seed = fromConda("name: pytorch\nchannels:\n    - defaults\n    - pytorch\n"
                + "dependencies:\n    - python=3.7\n    - pytorch\n    - torchvision\n");
        List<CondaFileChanges.Note> notes = changes(seed);
        assertThat(kinds(notes)).containsExactly("name", "key-order", "indentation");
        assertThat(note(notes, "name").text()).startsWith("name: pytorch -> azureml_");
        assertThat(note(notes, "name").lines()).containsExactly(1);
        assertThat(note(notes, "key-order").text())
                .isEqualTo("keys sorted: name, channels, dependencies -> channels, dependencies, name");
        assertThat(note(notes, "indentation").text()).startsWith("list items indented 4 spaces");
        assertThat(sdk(seed)).isEmpty(); // python=3.7 is the file's own; no pip list
    }

    @Test
    void keysAlreadyInTheSortedOrderAndANameMissingAreSaidAsTheyAre() throws IOException {
        Environment sorted = fromConda("channels: [conda-forge]\ndependencies: [python=3.10, numpy]\n");
        List<CondaFileChanges.Note> notes = changes(sorted);
        assertThat(kinds(notes)).containsExactly("name", "flow-lists");
        assertThat(note(notes, "name").text()).startsWith("name: added, azureml_");
        assertThat(note(notes, "name").lines()).isEmpty();
        assertThat(note(notes, "flow-lists").text()).endsWith(": channels, dependencies");
    }

    @Test
    void commentsAndBlankLinesAreFoundWhereTheyAre() throws IOException {
        Environment commented =
                fromConda("# head\nname: x   # mine\n\ndependencies:\n- python=3.10\n" + "  # inside\n- numpy\n");
        List<CondaFileChanges.Note> notes = changes(commented);
        assertThat(note(notes, "comments").lines()).containsExactly(1, 2, 6);
        assertThat(note(notes, "comments").text()).startsWith("3 lines with a comment: the comments are dropped");
        assertThat(note(notes, "blank-lines").lines()).containsExactly(3);
        Environment plain = fromConda("name: x\ndependencies:\n- python=3.10\n- numpy\n");
        assertThat(kinds(changes(plain))).doesNotContain("comments", "blank-lines");
    }

    @Test
    void theSdksDefaultPythonIsNamedWhereFromCondaSpecificationAppendsIt() throws IOException {
        Environment appended = fromConda("name: x\ndependencies:\n- numpy\n- pip:\n  - requests\n");
        CondaFileChanges.Note python = note(sdk(appended), "sdk-python");
        assertThat(python.text())
                .startsWith("python=3.8.13 (the last dependency): the SDK's default python, where"
                        + " from_conda_specification appends it")
                .endsWith("with the warning: No Python version provided, defaulting to \"3.8.13\"");
        assertThat(python.lines()).containsExactly(6);
        // the default file has it first: Environment(name)
        Environment defaults =
                Environment.create("d", SdkRelease.DEFAULT_BASE_IMAGE).withCondaFile(CondaDocument.sdkDefault());
        assertThat(note(sdk(defaults), "sdk-python").text())
                .startsWith("python=3.8.13: the SDK's default python, the first dependency of its default conda file");
        assertThat(kinds(sdk(fromConda("dependencies:\n- python=3.8.12\n- numpy\n"))))
                .doesNotContain("sdk-python", "no-python");
    }

    @Test
    void valuesWrittenAnotherWayAreNamed() throws IOException {
        // ruamel (YAML 1.2) writes yes plain; Azure ML's file quotes it for YAML 1.1 readers
        Environment yes = fromConda("dependencies:\n- python=3.10\nvariables:\n  MODE: yes\n  THREADS: 8\n");
        CondaFileChanges.Note quoting = note(changes(yes), "quoting");
        assertThat(quoting.text()).startsWith("written another way: MODE: yes -> MODE: 'yes' (");
        assertThat(kinds(changes(fromConda("dependencies:\n- python=3.10\nvariables:\n  THREADS: 8\n"))))
                .doesNotContain("quoting");
    }

    @Test
    void aRegisteredVersionsFileIsTheServicesData() throws IOException {
        Environment draft = fromConda("# mine\ndependencies:\n- python=3.10\n");
        assertThat(kinds(sdk(draft))).doesNotContain("service-form");
        Environment version = draft.withVersion("1").withCondaFile(null);
        assertThat(kinds(sdk(version))).containsExactly("service-form");
        assertThat(kinds(changes(version))).doesNotContain("comments");
    }

    @Test
    void noPythonAtAllIsSaid() {
        // v2's conda_file: no python added (the document read as it is, the spec without python)
        CondaDocument v2 = CondaDocument.parse(Path.of("conda.yml"), "dependencies:\n- numpy\n");
        assertThat(kinds(CondaFileChanges.sdkEntries(v2, v2.spec(), true))).containsExactly("no-python");
    }

    @Test
    void pipAddedForAPipFileAndAPipListWithoutIt() throws IOException {
        Environment pip = fromPip("numpy==1.26\n# a comment\n\nrequests\n");
        List<CondaFileChanges.Note> notes = sdk(pip);
        assertThat(kinds(notes)).containsExactly("sdk-python", "pip-package", "pip-file-lines");
        assertThat(note(notes, "pip-package").text()).startsWith("pip: conda installs pip");
        assertThat(note(notes, "pip-file-lines").text()).startsWith("2 pip entries are a requirements file's");
        assertThat(kinds(changes(pip))).contains("comments", "blank-lines", "key-order");

        Environment listOnly = fromConda("dependencies:\n- python=3.10\n- pip:\n  - requests\n");
        assertThat(kinds(sdk(listOnly))).containsExactly("pip-missing");
        Environment withPip = fromConda("dependencies:\n- python=3.10\n- pip=23.1\n- pip:\n  - requests\n");
        assertThat(note(sdk(withPip), "pip-package").text()).startsWith("pip=23.1: conda installs pip");
        assertThat(note(sdk(withPip), "pip-package").lines()).containsExactly(3);
    }
}

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

/** The env commands in-process: drafts, references, registration, exit codes and messages. */
class EnvCommandsTest {

    static final String SEED_IMAGE = "mcr.microsoft.com/azureml/intelmpi2018.3-ubuntu16.04:20200821.v1";

    @TempDir
    Path dir;

    Shell shell;

    @BeforeEach
    void setUp() throws IOException {
        shell = new Shell(dir);
        Files.writeString(
                dir.resolve("env.yml"),
                "name: x\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.10\n"
                        + "  - numpy\n  - pip:\n    - requests\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("req.txt"), "requests==2.31.0\n", StandardCharsets.UTF_8);
    }

    @Test
    void createThenShowTheDraft() {
        Shell.Result r = shell.run("env create demo --conda-file env.yml --base-image " + SEED_IMAGE);
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("created draft demo (conda-managed python, base image " + SEED_IMAGE + ")\n");
        assertThat(r.err()).isEmpty();
        Shell.Result show = shell.run("env show demo");
        assertThat(show.out())
                .startsWith("demo (draft)\n")
                .contains("numpy")
                .contains("requests")
                .contains(SEED_IMAGE);
    }

    @Test
    void createOverADraftReplacesItWithAWarning() {
        shell.run("env create demo --conda-file env.yml");
        Shell.Result r = shell.run("env create demo --pip-file req.txt");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEqualTo("warning: replaced draft demo (its unregistered changes are gone)\n");
    }

    @Test
    void replacingADraftThatEqualsItsLatestVersionLosesNothingAndSaysSo() {
        shell.run("env create demo --conda-file env.yml");
        shell.run("env register demo");
        Shell.Result r = shell.run("env create demo --pip-file req.txt");
        assertThat(r.err()).isEqualTo("warning: replaced draft demo (it had no unregistered changes)\n");
    }

    @Test
    void baseImageAloneIsUserManaged() {
        shell.run("env create tools --base-image python:3.11-slim");
        assertThat(shell.run("env show tools").out()).contains("user-managed");
        Shell.Result conda = shell.run("env conda-spec tools");
        assertThat(conda.code()).isEqualTo(1);
        assertThat(conda.err()).startsWith("error: tools is user-managed");
    }

    @Test
    void exclusiveOptionsAreUsageErrors() throws IOException {
        Files.writeString(dir.resolve("Dockerfile"), "FROM ubuntu:22.04\n");
        Shell.Result both = shell.run("env create x --dockerfile Dockerfile --base-image ubuntu:22.04");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).startsWith("error: --base-image and --dockerfile exclude each other");
        assertThat(shell.run("env create x --conda-file env.yml --pip-file req.txt")
                        .code())
                .isEqualTo(2);
        assertThat(shell.run("env list -o json").out()).isEqualTo("[]\n");
    }

    @Test
    void unknownOptionMissingArgumentAndUnknownCommandExitTwo() {
        assertThat(shell.run("env create x --conda-fil env.yml").err())
                .isEqualTo("error: unknown option '--conda-fil' for 'env create' (did you mean --conda-file?)"
                        + " (see 'env create --help')\n");
        assertThat(shell.run("evn list").err()).startsWith("error: unknown command 'evn' (did you mean 'env'?)");
        assertThat(shell.run("env lsit").err())
                .startsWith("error: unknown command 'env lsit' (did you mean 'env list'?)");
        assertThat(shell.run("env create").code()).isEqualTo(2);
        assertThat(shell.run("env show a b").code()).isEqualTo(2);
        Shell.Result unknown = shell.run("env frobnicate x");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("error: unknown command 'env frobnicate': env takes one of create, clone");
        assertThat(shell.run("env create x --conda-file=env.yml --debug=1").code())
                .isEqualTo(2);
        assertThat(shell.run("frobnicate").code()).isEqualTo(2);
    }

    @Test
    void aMissingEnvironmentFailsWithOne() {
        Shell.Result r = shell.run("env dockerfile nothing");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("error: no environment named 'nothing' (no draft and no registered version)\n");
    }

    @Test
    void aBadCondaFileNamesFileLineAndColumnWithACaret() throws IOException {
        Files.writeString(
                dir.resolve("bad.yml"), "name: x\nchanels:\n  - conda-forge\ndependencies:\n  - python=3.10\n");
        Shell.Result r = shell.run("env create x --conda-file bad.yml");
        assertThat(r.code()).isEqualTo(1);
        String[] lines = r.err().split("\n");
        assertThat(lines[0]).startsWith("error: ");
        assertThat(lines[1]).isEqualTo("  --> bad.yml:2:1");
        assertThat(lines[3]).isEqualTo(" 2 | chanels:");
        assertThat(lines[4]).isEqualTo("   | ^");
    }

    @Test
    void theWorkingFolderIsNamedAsDot() {
        Shell.Result r = shell.run("env create x --conda-file .");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: .: is a directory, not a file\n");
    }

    @Test
    void aWholeFileProblemNamesTheFileOnTheErrorLineAndAPlaceInAFileKeepsItsCaret() throws IOException {
        Files.writeString(dir.resolve("empty.yml"), "", StandardCharsets.UTF_8);
        assertThat(shell.run("env create x --conda-file missing.yml").err())
                .isEqualTo("error: missing.yml: no such file\n");
        assertThat(shell.run("env create x --conda-file empty.yml").err())
                .isEqualTo("error: empty.yml: is empty: a conda file needs at least a dependencies list\n");
        Files.writeString(
                dir.resolve("s.amlsh"),
                "echo one\nenv create x --conda-file sub/../missing.yml\n",
                StandardCharsets.UTF_8);
        Shell.Result script = shell.main("", "-f", "s.amlsh");
        assertThat(script.code()).isEqualTo(1);
        assertThat(script.err()).isEqualTo("s.amlsh:2: error: missing.yml: no such file\n");
        Files.writeString(dir.resolve("bad.yml"), "name: x\nchanels: []\n", StandardCharsets.UTF_8);
        assertThat(shell.run("env create x --conda-file bad.yml").err())
                .startsWith("error: unknown top-level key 'chanels'")
                .contains("\n  --> bad.yml:2:1\n");
    }

    @Test
    void exportRefusesToReplaceAFileUnlessAskedTo() throws IOException {
        shell.run("env create demo --conda-file env.yml");
        Path mine = Files.writeString(dir.resolve("mine.yml"), "# mine\n", StandardCharsets.UTF_8);
        Shell.Result refused = shell.run("env export demo mine.yml");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).contains("mine.yml").contains("already exists: add --overwrite to replace it");
        assertThat(Files.readString(mine, StandardCharsets.UTF_8)).isEqualTo("# mine\n");
        Shell.Result replaced = shell.run("env export demo mine.yml --overwrite");
        assertThat(replaced.code()).isZero();
        assertThat(replaced.out()).isEqualTo("wrote mine.yml\n");
        assertThat(Files.readString(mine, StandardCharsets.UTF_8))
                .startsWith("$schema:")
                .contains("name: demo");
        Files.createDirectories(dir.resolve("afolder"));
        assertThat(shell.run("env export demo afolder --overwrite").err())
                .contains("afolder")
                .contains("is a folder, not a file");
    }

    @Test
    void writingUnderAFileNamesTheFileInsteadOfAnIoMessage() throws IOException {
        shell.run("env create demo --conda-file env.yml");
        Path mine = Files.writeString(dir.resolve("mine.yml"), "# mine\n", StandardCharsets.UTF_8);
        for (String line : List.of(
                "env build-context demo mine.yml",
                "env build-context demo mine.yml/sub --overwrite",
                "env save demo mine.yml",
                "env save demo mine.yml/sub",
                "env export demo mine.yml/sub.yml")) {
            Shell.Result r = shell.run(line);
            assertThat(r.code()).as(line).isEqualTo(1);
            assertThat(r.out()).as(line).isEmpty();
            assertThat(r.err())
                    .as(line)
                    .contains("mine.yml")
                    .contains("is a file, not a folder")
                    .doesNotContain(dir.toString())
                    .doesNotContain("cannot be written");
        }
        assertThat(Files.readString(mine, StandardCharsets.UTF_8)).isEqualTo("# mine\n");
        Files.createDirectories(dir.resolve("afolder"));
        Shell.Result folder = shell.run("workspace export afolder");
        assertThat(folder.code()).isEqualTo(1);
        assertThat(folder.err()).contains("afolder").contains("is a folder");
        assertThat(shell.run("workspace export mine.yml/copy.amlsh").err())
                .contains("mine.yml")
                .contains("is a file, not a folder");
    }

    @Test
    void aPipVersionThatIsNotAVersionIsAUsageError() {
        for (String bad : List.of("'x y'", "''", "'>=23'", "latest")) {
            Shell.Result r = shell.run("env create p --pip-file req.txt --pip-version " + bad);
            assertThat(r.code()).as(bad).isEqualTo(2);
            assertThat(r.err())
                    .as(bad)
                    .startsWith("error: option --pip-version takes a version such as 23.1.2 or 23.*, not '");
        }
        assertThat(shell.run("env list -o json").out()).isEqualTo("[]\n");
        assertThat(shell.run("env create p --pip-file req.txt --pip-version 23.1.2")
                        .code())
                .isZero();
        assertThat(shell.run("env show p").out()).contains("pip=23.1.2");
        assertThat(shell.run("env create q --pip-file req.txt --pip-version 23.*")
                        .code())
                .isZero();
    }

    @Test
    void aPythonVersionThatIsNotAVersionIsAUsageErrorAndChangesNothing() {
        shell.run("env create demo --conda-file env.yml");
        String before = shell.run("env show demo -o json").out();
        for (String command : List.of("env create p --python 'x y'", "env set demo --python '>=3'")) {
            Shell.Result r = shell.run(command);
            assertThat(r.code()).as(command).isEqualTo(2);
            assertThat(r.err())
                    .as(command)
                    .startsWith("error: option --python takes a version such as 3.10 or 3.10.14, not '");
        }
        assertThat(shell.run("env show demo -o json").out()).isEqualTo(before);
        assertThat(shell.run("env show p").code()).isEqualTo(1);
        assertThat(shell.run("env set demo --python 3.10").code()).isZero();
        assertThat(shell.run("env show demo").out()).contains("python=3.10");
    }

    @Test
    void addingPackagesToAUserManagedDraftWarnsThatTheyAreNotInstalled() {
        shell.run("env create tools --base-image python:3.11.9-slim");
        Shell.Result r = shell.run("env add-pip tools numpy==1.26.4");
        assertThat(r.code()).isZero();
        assertThat(r.err())
                .isEqualTo("warning: tools is user-managed: Azure ML installs no conda or pip packages for it"
                        + " (env set tools --user-managed false to let it)\n");
        assertThat(shell.run("env remove-pip tools numpy").err()).isEmpty();
    }

    @Test
    void registerKeepsTheDraftAndNumbersVersions() {
        shell.run("env create demo --conda-file env.yml");
        assertThat(shell.run("env register demo").out()).isEqualTo("registered demo:1\n");
        assertThat(shell.run("env register demo").out())
                .isEqualTo("demo:1 already has this definition (no new version)\n");
        assertThat(shell.run("env list").out()).contains("demo").contains("same");
        Shell.Result edit = shell.run("env add-pip demo torch==2.3.1");
        assertThat(edit.out()).isEqualTo("added pip package torch==2.3.1 to draft demo\n");
        assertThat(shell.run("env list -o json").out()).contains("\"draft\": \"changed\"");
        assertThat(shell.run("env register demo").out()).isEqualTo("registered demo:2\n");
        assertThat(shell.run("env show demo:1").out()).doesNotContain("torch");
        assertThat(shell.run("env show demo@latest").out()).contains("torch==2.3.1");
    }

    @Test
    void editingANameWithoutADraftStartsOneFromTheLatestVersion() {
        shell.run("env create demo --conda-file env.yml");
        shell.run("env register demo");
        shell.run("env discard demo");
        Shell.Result r = shell.run("env add-conda demo scipy");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEqualTo("note: started a draft of demo from version 1\n");
        assertThat(shell.run("env show azureml:demo").out()).doesNotContain("scipy");
        assertThat(shell.run("env show demo").out()).contains("scipy");
    }

    @Test
    void labelsArchiveAndRestore() {
        shell.run("env create demo --conda-file env.yml");
        shell.run("env register demo");
        assertThat(shell.run("env label demo:1 stable").code()).isZero();
        assertThat(shell.run("env show demo@stable").out()).startsWith("demo:1");
        shell.run("env discard demo");
        assertThat(shell.run("env archive demo").code()).isZero();
        assertThat(shell.run("env show azureml:demo").code()).isEqualTo(1);
        assertThat(shell.run("env list").out()).doesNotContain("archived");
        assertThat(shell.run("env list --archived").out()).contains("(archived)");
        assertThat(shell.run("env restore demo").code()).isZero();
        assertThat(shell.run("env versions demo").out()).contains("stable");
        assertThat(shell.run("env label demo stable").code()).isEqualTo(2);
    }

    /** NAME@LABEL names the version a label is on now (issue 12: demos without version numbers). */
    @Test
    void aLabelCanBePutOnTheVersionAnotherLabelNames() {
        shell.run("env create demo --conda-file env.yml");
        shell.run("env register demo");
        shell.run("env var set demo A=1");
        assertThat(shell.run("env register demo").out()).isEqualTo("registered demo:2\n");
        assertThat(shell.run("env label demo@latest stable").out()).isEqualTo("labelled demo:2 stable\n");
        assertThat(shell.run("env label demo@stable reviewed").out()).isEqualTo("labelled demo:2 stable, reviewed\n");
        assertThat(shell.run("env label demo@nothing x").err()).contains("no version of demo has the label 'nothing'");
        assertThat(shell.run("env archive demo@stable").out()).isEqualTo("archived demo:2\n");
        assertThat(shell.run("env show demo@latest").out()).startsWith("demo:1");
        assertThat(shell.run("env restore demo@stable").code()).isEqualTo(2); // restore names the version itself
    }

    @Test
    void variablesAndMalformedPairs() {
        shell.run("env create demo --conda-file env.yml");
        assertThat(shell.run("env var set demo A=1 B=two").code()).isZero();
        assertThat(shell.run("env show demo -o json").out())
                .contains("\"A\": \"1\"")
                .contains("\"B\": \"two\"");
        assertThat(shell.run("env var set demo nonsense").code()).isEqualTo(2);
        assertThat(shell.run("env var unset demo A").code()).isZero();
        assertThat(shell.run("env var unset demo A").code()).isEqualTo(1);
    }

    @Test
    void workspaceUnavailableExitsThree() {
        shell.catalog.unavailable = true;
        Shell.Result r = shell.run("env list");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("error: workspace busy (test)\n");
    }

    @Test
    void editsRefuseVersionsAndBooleansAreChecked() {
        shell.run("env create demo --conda-file env.yml");
        shell.run("env register demo");
        assertThat(shell.run("env add-pip demo:1 torch").code()).isEqualTo(1);
        assertThat(shell.run("env set demo --user-managed maybe").code()).isEqualTo(2);
        assertThat(shell.run("env set demo").code()).isEqualTo(2);
        assertThat(shell.run("env set demo --user-managed true").code()).isZero();
    }

    @Test
    void diffSaysWhatChangedAndWhetherTheImageIsRebuilt() {
        shell.run("env create demo --conda-file env.yml");
        shell.run("env register demo");
        shell.run("env add-pip demo torch==2.3.1");
        Shell.Result same = shell.run("env diff demo:1 demo:1 --exit-code");
        assertThat(same.code()).isZero();
        assertThat(same.out()).contains("identical definitions").contains("no rebuild");
        Shell.Result r = shell.run("env diff demo:1 demo --dockerfile --exit-code");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEmpty();
        assertThat(r.out())
                .contains("+ pip.torch")
                .contains("image: rebuilt")
                .contains("--- demo:1")
                .contains("+++ demo");
    }

    @Test
    void lintFailsOnErrorsAndWithStrictOnWarnings() {
        shell.run("env create demo --conda-file env.yml");
        Shell.Result r = shell.run("env lint demo");
        assertThat(r.out()).contains("warning [unpinned-conda]");
        assertThat(r.code()).isZero();
        Shell.Result strict = shell.run("env lint demo --strict");
        assertThat(strict.code()).isEqualTo(1);
        assertThat(strict.err()).startsWith("error: env lint: ");
    }

    @Test
    void editsSayWhatChanged() {
        shell.run("env create demo --conda-file env.yml");
        assertThat(shell.run("env add-pip demo pandas>=2").out())
                .isEqualTo("added pip package pandas>=2 to draft demo\n");
        assertThat(shell.run("env add-pip demo pandas==2.2.0").out())
                .isEqualTo("replaced pip package pandas>=2 with pandas==2.2.0 in draft demo\n");
        assertThat(shell.run("env add-pip demo pandas==2.2.0").out())
                .isEqualTo("draft demo already has pip package pandas==2.2.0\n");
        assertThat(shell.run("env remove-pip demo pandas").out())
                .isEqualTo("removed pip package pandas==2.2.0 from draft demo\n");
        assertThat(shell.run("env add-conda demo python=3.11 scipy").out())
                .isEqualTo("replaced conda package python=3.10 with python=3.11 in draft demo\nadded conda package "
                        + "scipy to draft demo\n");
        assertThat(shell.run("env add-channel demo conda-forge").out())
                .isEqualTo("draft demo already has channel conda-forge\n");
        assertThat(shell.run("env remove-channel demo conda-forge").out())
                .isEqualTo("removed channel conda-forge from draft demo\n");
        assertThat(shell.run("env set demo --base-image " + SEED_IMAGE).out())
                .isEqualTo("set base image to " + SEED_IMAGE + " in draft demo\n");
        assertThat(shell.run("env var set demo A=1").out()).isEqualTo("added variable A=1 to draft demo\n");
        assertThat(shell.run("env var set demo A=2").out()).isEqualTo("replaced variable A=1 with A=2 in draft demo\n");
        assertThat(shell.run("env var unset demo A").out()).isEqualTo("removed variable A=2 from draft demo\n");
        assertThat(shell.run("env add-pip demo torch -o json").out()).contains("\"changed\": true");
    }

    @Test
    void aWorkspaceDefaultBaseImageIsUsedByNewEnvironments() {
        Shell.Result set = shell.run("workspace set-default-image " + SEED_IMAGE);
        assertThat(set.code()).isZero();
        assertThat(set.out())
                .isEqualTo("set the default base image of workspace default to " + SEED_IMAGE
                        + " (was mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest)\n");
        assertThat(shell.run("workspace show").out()).contains("defaultBaseImage:  " + SEED_IMAGE + "\n");
        assertThat(shell.run("workspace set-default-image " + SEED_IMAGE).out())
                .isEqualTo("workspace default already has default base image " + SEED_IMAGE + "\n");
        shell.run("env create demo --conda-file env.yml");
        assertThat(shell.run("env dockerfile demo").out()).startsWith("FROM " + SEED_IMAGE);
        assertThat(shell.run("workspace set-default-image").code()).isEqualTo(2);
        assertThat(shell.run("workspace set-default-image ' '").code()).isEqualTo(2);
    }

    @Test
    void createFollowsTheEngineRulesForFiles() throws IOException {
        assertThat(shell.run("env create x --pip-version 23.3").err())
                .startsWith("error: --pip-version goes with --pip-file");
        Files.writeString(dir.resolve("Empty.dockerfile"), "\n", StandardCharsets.UTF_8);
        Shell.Result empty = shell.run("env create x --conda-file env.yml --dockerfile Empty.dockerfile");
        assertThat(empty.code()).isEqualTo(1);
        assertThat(empty.err()).contains("a Dockerfile needs at least a FROM line");
        assertThat(shell.run("env create p --pip-file req.txt --pip-version 23.3 --python 3.9")
                        .code())
                .isZero();
        assertThat(shell.run("env show p").out()).contains("requests==2.31.0").contains("3.9");
    }

    @Test
    void anIncompleteCommandNamesWhatComesNext() {
        Shell.Result var = shell.run("env var");
        assertThat(var.code()).isEqualTo(2);
        assertThat(var.err()).isEqualTo("error: 'env var' needs a command: env var takes one of set, unset\n");
        assertThat(shell.run("env var sett demo A=1").err())
                .startsWith("error: unknown command 'env var sett' (did you mean 'env var set'?): env var takes one "
                        + "of set, unset");
        assertThat(shell.run("env").err()).startsWith("error: 'env' needs a command: env takes one of create, clone");
    }

    @Test
    void anEmptyBaseDockerfileIsNamed() throws IOException {
        Files.writeString(dir.resolve("empty.Dockerfile"), "", StandardCharsets.UTF_8);
        shell.run("env create demo --conda-file env.yml");
        for (String line :
                List.of("env create c --dockerfile empty.Dockerfile", "env set demo --dockerfile empty.Dockerfile")) {
            Shell.Result r = shell.run(line);
            assertThat(r.code()).as(line).isEqualTo(1);
            assertThat(r.err())
                    .as(line)
                    .isEqualTo("error: empty.Dockerfile: is empty: a Dockerfile needs at least a FROM line\n");
        }
    }
}

package dev.amlsh.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amlsh.shell.cli.AmlshCommand;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The packaged jar as users run it: stdout, stderr and exit codes, over the real SQLite workspace. */
class AmlshIT {

    static final String SEED_IMAGE = "mcr.microsoft.com/azureml/intelmpi2018.3-ubuntu16.04:20200821.v1";

    @TempDir
    Path root;

    Amlsh amlsh;

    @BeforeEach
    void setUp() throws Exception {
        amlsh = new Amlsh(root);
        amlsh.write("env.yml", "name: demo\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.10\n  - numpy\n");
        amlsh.write("req.txt", "requests==2.31.0\n");
        amlsh.write("Dockerfile", "FROM ubuntu:22.04\nRUN apt-get update\n");
    }

    @Test
    void oneShotCommandsComposeThroughTheWorkspace() {
        Amlsh.Result create =
                amlsh.run("", "env", "create", "pytorch", "--conda-file", "env.yml", "--base-image", SEED_IMAGE);
        assertThat(create.err()).isEmpty();
        assertThat(create.code()).isZero();
        assertThat(amlsh.run("", "env", "register", "pytorch").out()).isEqualTo("registered pytorch:1\n");
        Amlsh.Result dockerfile = amlsh.run("", "env", "dockerfile", "pytorch");
        assertThat(dockerfile.code()).isZero();
        assertThat(dockerfile.err()).isEmpty();
        assertThat(dockerfile.out())
                .startsWith("FROM " + SEED_IMAGE + "@sha256:")
                .endsWith("CMD [\"bash\"]\n");
    }

    @Test
    void oneScriptExercisesEveryCommand() throws Exception {
        amlsh.write(
                "v2.yml",
                "$schema: https://azuremlschemas.azureedge.net/latest/environment.schema.json\n"
                        + "name: fromv2\nimage: ubuntu:22.04\n");
        amlsh.write("all.amlsh", """
                # every command once, in a throw-away workspace
                help
                version
                completion fish
                echo "== create =="
                script inner.amlsh
                env create demo --conda-file env.yml --python 3.11
                env create piponly --pip-file req.txt --pip-version 23.3
                env create tools --base-image python:3.11-slim
                env create custom --dockerfile Dockerfile
                env clone demo demo2
                env discard demo2
                env set demo --base-image ubuntu:22.04
                env add-conda demo scipy
                env add-pip demo torch==2.3.1 rich
                env add-channel demo pytorch
                env remove-conda demo scipy
                env remove-pip demo rich
                env remove-channel demo pytorch
                env add-pip-option demo -- --extra-index-url https://example.org/simple
                env remove-pip-option demo -- --extra-index-url
                env var set demo A=1
                env var unset demo A
                env register demo
                env register demo --as other --version 7
                env versions demo
                env list
                env list --archived
                env show demo:1
                env label demo:1 stable
                env show demo@stable
                env archive other
                env restore other
                env dockerfile demo
                env dockerfile custom --explain
                env explain demo
                env diff demo:1 demo --dockerfile
                env diff demo:1 demo --conda
                env lint demo
                env conda-spec azureml:demo
                env conda-file demo
                env image-details demo@latest
                env save demo saved
                env load saved --name loaded
                env import v2.yml
                env export demo saved/demo-v2.yml
                env build-context demo build
                workspace show
                workspace create second
                workspace list
                workspace set-default-image mcr.microsoft.com/azureml/intelmpi2018.3-ubuntu16.04:20200821.v1
                workspace use second
                workspace use default
                workspace export copy.amlsh
                workspace import copy.amlsh
                workspace delete copy --yes
                workspace delete second --yes
                curated list
                curated images
                curated show mcr.microsoft.com/azureml/intelmpi2018.3-ubuntu16.04:20200821.v1
                curated show sklearn-1.0
                env create from-curated --from curated:AzureML-Minimal
                pause nobody waits here: stdin and stdout are not terminals
                set workspace default
                set output json
                env list
                set output text
                history
                clear
                exit
                echo never printed
                """);
        amlsh.write("inner.amlsh", "echo from the inner script\n");
        String script = Files.readString(amlsh.cwd.resolve("all.amlsh"), StandardCharsets.UTF_8);
        for (AmlshCommand e : Shell.commands().table().all()) {
            assertThat(script).as("all.amlsh runs " + e.getName()).containsPattern("(?m)^" + e.getName() + "\\b");
        }
        Amlsh.Result r = amlsh.run("", "-f", "all.amlsh");
        assertThat(r.err()).doesNotContain("error:");
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .contains(
                        "== create ==",
                        "from the inner script",
                        "registered demo:1",
                        "registered other:7",
                        "labelled demo:1 stable",
                        "wrote ",
                        "created workspace second",
                        "using workspace default",
                        "exported the workspace",
                        "deleted workspace second",
                        "\"draft\": \"same\"",
                        "function __amlsh_kind")
                .doesNotContain("never printed");
        assertThat(Files.readString(amlsh.cwd.resolve("build/Dockerfile"), StandardCharsets.UTF_8))
                .startsWith("FROM ubuntu:22.04");
        assertThat(amlsh.cwd.resolve("build/azureml-environment-setup/mutated_conda_dependencies.yml"))
                .exists();
        assertThat(amlsh.cwd.resolve("saved/azureml_environment.json")).exists();
        assertThat(amlsh.cwd.resolve("saved/demo-v2.yml")).exists();
        assertThat(amlsh.cwd.resolve("copy.amlsh")).exists();
        assertThat(r.err().lines().toList()).allMatch(l -> l.startsWith("warning: ") || l.startsWith("note: "));
    }

    @Test
    void usageErrorsExitTwoAndDomainFailuresExitOne() throws Exception {
        Amlsh.Result unknownCommand = amlsh.run("", "frobnicate");
        assertThat(unknownCommand.code()).isEqualTo(2);
        assertThat(unknownCommand.out()).isEmpty();
        assertThat(unknownCommand.err()).isEqualTo("error: unknown command 'frobnicate' ('help' lists the commands)\n");

        Amlsh.Result unknownOption = amlsh.run("", "env", "list", "--colour");
        assertThat(unknownOption.code()).isEqualTo(2);
        assertThat(unknownOption.err()).startsWith("error: unknown option '--colour' for 'env list'");

        Amlsh.Result missing = amlsh.run("", "env", "dockerfile", "nothing");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err()).startsWith("error: no environment named 'nothing'");

        amlsh.write("bad.yml", "name: x\ndependencies:\n  - python=3.10\n  - numpy\n  - pip: [\n");
        Amlsh.Result bad = amlsh.run("", "env", "create", "x", "--conda-file", "bad.yml");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).startsWith("error: ").containsPattern("  --> bad\\.yml:\\d+");

        Amlsh.Result noWorkspace = amlsh.run("", "--workspace", "/nowhere/ws.amlsh", "env", "list");
        assertThat(noWorkspace.code()).isEqualTo(3);
        assertThat(noWorkspace.err()).startsWith("error: ");
    }

    @Test
    void scriptsStopAtTheFailingLineOrContinueAndReadStdin() throws Exception {
        amlsh.write("s.amlsh", "echo one\n\n# comment\nenv show ghost\necho two\n");
        Amlsh.Result stop = amlsh.run("", "-f", "s.amlsh");
        assertThat(stop.code()).isEqualTo(1);
        assertThat(stop.out()).isEqualTo("one\n");
        assertThat(stop.err()).startsWith("s.amlsh:4: error: no environment named 'ghost'");

        Amlsh.Result go = amlsh.run("", "--continue-on-error", "--echo", "-f", "s.amlsh");
        assertThat(go.code()).isEqualTo(1);
        assertThat(go.out()).isEqualTo("amlsh> echo one\none\namlsh> env show ghost\namlsh> echo two\ntwo\n");

        Amlsh.Result stdin = amlsh.run("echo piped\nenv frobnicate\n");
        assertThat(stdin.code()).isEqualTo(2);
        assertThat(stdin.out()).isEqualTo("piped\n");
        assertThat(stdin.err()).startsWith("<stdin>:2: error: unknown command");
    }

    @Test
    void echoedCommandsComeBeforeTheirWarnings() throws Exception {
        amlsh.write("twice.amlsh", "env create demo --conda-file env.yml\nenv create demo --conda-file env.yml\n");
        String merged = amlsh.runMerged("--workspace", ":temp:", "--echo", "-f", "twice.amlsh");
        assertThat(merged)
                .containsSubsequence(
                        "amlsh> env create demo",
                        "created draft demo",
                        "amlsh> env create demo",
                        "warning: replaced draft demo",
                        "created draft demo");
    }

    @Test
    void jsonOutputParsesBack() throws Exception {
        amlsh.run("", "env", "create", "demo", "--conda-file", "env.yml");
        Amlsh.Result r = amlsh.run("", "-o", "json", "env", "show", "demo");
        assertThat(r.code()).isZero();
        JsonNode tree = JsonMapper.builder().build().readTree(r.out());
        assertThat(tree.get("name").asString()).isEqualTo("demo");
        assertThat(tree.get("python")
                        .get("condaDependencies")
                        .get("channels")
                        .get(0)
                        .asString())
                .isEqualTo("conda-forge");
        JsonNode list = JsonMapper.builder()
                .build()
                .readTree(amlsh.run("", "env", "list", "-o", "json").out());
        assertThat(list.get(0).get("draft").asString()).isEqualTo("new");
    }

    @Test
    void twoProcessesRegisteringIntoOneNameGetVersionsOneToHundred() throws Exception {
        List<Amlsh.Running> running = new ArrayList<>();
        for (String who : List.of("a", "b")) {
            StringBuilder script = new StringBuilder("env create draft-" + who + " --conda-file env.yml\n");
            for (int i = 1; i <= 50; i++) {
                script.append("env var set draft-")
                        .append(who)
                        .append(" RUN=")
                        .append(who)
                        .append(i)
                        .append('\n');
                script.append("env register draft-").append(who).append(" --as shared\n");
            }
            amlsh.write(who + ".amlsh", script.toString());
            running.add(amlsh.start("", "-f", who + ".amlsh"));
        }
        for (Amlsh.Running r : running) {
            Amlsh.Result result = r.await();
            assertThat(result.err()).isEmpty();
            assertThat(result.code()).isZero();
        }
        JsonNode versions = JsonMapper.builder()
                .build()
                .readTree(
                        amlsh.run("", "env", "versions", "shared", "-o", "json").out());
        List<String> numbers = new ArrayList<>();
        versions.forEach(v -> numbers.add(v.get("version").asString()));
        assertThat(numbers)
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 100)
                        .mapToObj(Integer::toString)
                        .toList());
    }

    @Test
    void aPlainJavaJarRunLoadsNoLoggingBackendAndPrintsOnlyItsResult() throws Exception {
        Path classes = root.resolve("classes.txt");
        Amlsh.Result r = amlsh.start(
                        List.of("-Xlog:class+load=info:file=" + classes), "", "--workspace", ":temp:", "env", "list")
                .await();
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("no environments yet ('env create NAME --conda-file FILE' makes one)\n");
        String loaded = Files.readString(classes, StandardCharsets.UTF_8);
        assertThat(loaded).as("the SQLite workspace was used").contains("org.sqlite.");
        assertThat(loaded)
                .as("SLF4J's no-op provider, not Logback")
                .contains("org.slf4j.helpers.NOP_FallbackServiceProvider")
                .doesNotContain("ch.qos.logback.");
    }

    @Test
    void nothingButTheResultReachesStdoutAndStderr() {
        Amlsh.Result version = amlsh.run("", "--version");
        assertThat(version.code()).isZero();
        assertThat(version.err()).isEmpty();
        assertThat(version.out())
                .startsWith("amlsh 0.1.0 (emulates azureml-core")
                .hasLineCount(1);
    }
}

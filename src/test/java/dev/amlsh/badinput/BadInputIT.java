package dev.amlsh.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product rule, end to end on the packaged jar: bad input gets a clear error and loses
 * nothing. For every file and argument a user can give, a broken version of it: the error
 * line starts with {@code error:} ({@code FILE:LINE: error:} in a script), the message names
 * the file, line, column and problem, the exit code says it failed (1 failed, 2 usage, 3
 * workspace), no stack trace reaches the user unless {@code --debug} asks, a failed document
 * command prints nothing on stdout, and the workspace (every row), the config and any file
 * a command refused to replace are byte for byte as they were.
 *
 * <p>To keep JVM launches down, the cases of one exit code run as one script with
 * {@code --continue-on-error}; each line's error is found by its line number. One-shot
 * launches are used where the launch options themselves are the bad input.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

    /** One line of a script and what its error must say (fragments of its error block). */
    record Case(String command, List<String> expect) {
        static Case of(String command, String... expect) {
            return new Case(command, List.of(expect));
        }
    }

    Jar jar;
    String before;
    Map<Path, byte[]> guarded = new LinkedHashMap<>();

    @BeforeAll
    void workspaceWithSomethingToLose(@TempDir Path root) throws Exception {
        jar = new Jar(root);
        jar.write("env.yml", "name: demo\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.10\n  - numpy\n");
        jar.write("req.txt", "requests==2.31.0\n");
        jar.write("Dockerfile", "FROM ubuntu:22.04\n");
        brokenFiles();
        jar.write("setup.amlsh", """
                env create demo --conda-file env.yml
                env register demo
                env label demo:1 stable
                env var set demo CHANGED=yes
                env create onlydraft
                env save demo:1 saved
                env build-context demo:1 built
                """);
        jar.run("-f", "setup.amlsh").exits(0);
        jar.write("existing.yml", "# mine, not to be replaced\n");
        before = jar.dump();
        assertThat(before).contains("demo", "onlydraft", "stable");
        try (Stream<Path> files = Stream.concat(
                Stream.concat(Files.walk(jar.cwd.resolve("saved")), Files.walk(jar.cwd.resolve("built"))),
                Stream.of(jar.cwd.resolve("existing.yml")))) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                guarded.put(p, Files.readAllBytes(p));
            }
        }
    }

    private void brokenFiles() throws Exception {
        // conda files
        jar.write("indent.yml", "name: x\ndependencies:\n  - python=3.8\n - numpy\n");
        jar.write("badkey.yml", "name: x\nchanels:\n  - conda-forge\ndependencies: [python=3.10]\n");
        jar.write("empty.yml", "");
        jar.write("deps-string.yml", "dependencies: numpy\n");
        jar.write("pip-bad.yml", "dependencies:\n  - python=3.10\n  - pip:\n    - requests\n    - 'not ok!!'\n");
        jar.bytes("latin1.yml", "name: x\ndependencies:\n  - caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.createDirectories(jar.cwd.resolve("adir"));
        // pip requirements files
        jar.write("badreq.txt", "requests==2.31.0\nfoo bar baz\n");
        // Dockerfiles
        jar.write("empty.Dockerfile", "\n\n");
        jar.bytes("latin1.Dockerfile", "FROM ubuntu\nLABEL a=\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        // SDK v1 folders
        jar.write("v1-json/azureml_environment.json", "{\"name\": \"x\", ");
        jar.write("v1-types/azureml_environment.json", "{\"name\": \"x\",\n \"docker\": {\"enabled\": \"yes\"}}");
        Files.createDirectories(jar.cwd.resolve("v1-none"));
        jar.write("v1-conda/azureml_environment.json", "{\"name\": \"x\"}");
        jar.write("v1-conda/conda_dependencies.yml", "dependencies:\n  - python=3.10\n - numpy\n");
        // v2 environment YAML
        jar.write("v2-unknown.yml", "name: v\nimage: ubuntu:22.04\nfoo: 1\n");
        jar.write("v2-both.yml", "name: v\nimage: ubuntu:22.04\nbuild:\n  path: .\n");
        jar.write("v2-neither.yml", "name: v\ndescription: nothing to build\n");
        jar.write("v2-token.yml", "name: v\nimage: ubuntu:22.04\nconda_file: {{conda_file}}\n");
        jar.write("v2-nocf.yml", "name: v\nimage: ubuntu:22.04\nconda_file: nofile.yml\n");
        jar.write("v2-badcf.yml", "name: v\nimage: ubuntu:22.04\nconda_file: badkey.yml\n");
        jar.write("v2-blank-image.yml", "name: v\nimage: 'ubuntu 22.04'\n");
        jar.write("v2-name.yml", "name: bad name\nimage: ubuntu:22.04\n");
    }

    /** Runs the cases as one script with --continue-on-error and checks every line's error. */
    private Jar.Result script(String file, int code, List<Case> cases, String... options) throws Exception {
        StringBuilder text = new StringBuilder();
        cases.forEach(c -> text.append(c.command()).append('\n'));
        jar.write(file, text.toString());
        List<String> args = new ArrayList<>(List.of(options));
        args.addAll(List.of("--continue-on-error", "-f", file));
        Jar.Result r = jar.run(args.toArray(String[]::new)).noStackTrace().exits(code);
        assertThat(r.out()).as("stdout of failed commands").isEmpty();
        Map<Integer, String> blocks = errorBlocks(file, r.err());
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            String block = blocks.get(i + 1);
            assertThat(block)
                    .as("line %d '%s' fails; stderr:%n%s", i + 1, c.command(), r.err())
                    .isNotNull();
            assertThat(block).as("error of line %d '%s'", i + 1, c.command()).contains(c.expect());
            assertThat(block)
                    .as("a '-->' place always has a line (a whole file is named on the error line)")
                    .doesNotContainPattern("-->[^\\n:]*\\n");
        }
        assertThat(blocks).as("one error per line").hasSize(cases.size());
        assertUnchanged();
        return r;
    }

    /** stderr split at each {@code FILE:N: error:} line, by N. */
    static Map<Integer, String> errorBlocks(String file, String err) {
        Pattern start = Pattern.compile("^" + Pattern.quote(file) + ":(\\d+): error: ");
        Map<Integer, String> blocks = new LinkedHashMap<>();
        Integer current = null;
        StringBuilder block = new StringBuilder();
        for (String line : err.lines().toList()) {
            Matcher m = start.matcher(line);
            if (m.find()) {
                if (current != null) {
                    blocks.put(current, block.toString());
                }
                current = Integer.parseInt(m.group(1));
                block = new StringBuilder();
            } else {
                assertThat(current)
                        .as("stderr starts with an error line: " + line)
                        .isNotNull();
            }
            block.append(line).append('\n');
        }
        if (current != null) {
            blocks.put(current, block.toString());
        }
        return blocks;
    }

    private void assertUnchanged() throws Exception {
        assertThat(jar.dump()).as("workspace rows, config and workspace files").isEqualTo(before);
        for (Map.Entry<Path, byte[]> e : guarded.entrySet()) {
            assertThat(Files.readAllBytes(e.getKey()))
                    .as("bytes of " + e.getKey())
                    .isEqualTo(e.getValue());
        }
    }

    @Test
    void brokenFilesAndRefusedArgumentsFailWithTheirPlaceAndChangeNothing() throws Exception {
        script(
                "failed.amlsh",
                1,
                List.of(
                        // conda files
                        Case.of(
                                "env create c --conda-file indent.yml",
                                "error: invalid YAML",
                                "--> indent.yml:4:2",
                                " 4 |  - numpy",
                                "^"),
                        Case.of(
                                "env create c --conda-file badkey.yml",
                                "unknown top-level key 'chanels' (allowed: name, channels,",
                                "--> badkey.yml:2:1",
                                " 2 | chanels:",
                                "   | ^"),
                        Case.of("env create c --conda-file missing.yml", "error: missing.yml: no such file"),
                        Case.of("env create c --conda-file empty.yml", "error: empty.yml: is empty"),
                        Case.of("env create c --conda-file adir", "error: adir: is a directory"),
                        Case.of(
                                "env create c --conda-file deps-string.yml",
                                "'dependencies' must be a list",
                                "--> deps-string.yml:1:15"),
                        Case.of(
                                "env create c --conda-file pip-bad.yml",
                                "'not ok!!' is not a pip requirement: unexpected 'ok!!'",
                                "--> pip-bad.yml:5:12"),
                        Case.of("env create c --conda-file latin1.yml", "UTF-8", "byte 0xE9", "--> latin1.yml:3:"),
                        // pip requirements files
                        Case.of(
                                "env create c --pip-file badreq.txt",
                                "'foo bar baz' is not a pip requirement",
                                "--> badreq.txt:2:5",
                                "unexpected 'bar'",
                                " 2 | foo bar baz"),
                        Case.of("env create c --pip-file nothere.txt", "error: nothere.txt: no such file"),
                        // Dockerfiles
                        Case.of(
                                "env create c --dockerfile nothere.Dockerfile",
                                "error: nothere.Dockerfile: no such file"),
                        Case.of("env create c --dockerfile latin1.Dockerfile", "UTF-8", "--> latin1.Dockerfile:2:"),
                        Case.of("env create c --dockerfile empty.Dockerfile", "error: empty.Dockerfile: is empty"),
                        Case.of("env set demo --dockerfile empty.Dockerfile", "error: empty.Dockerfile: is empty"),
                        // SDK v1 folders
                        Case.of("env load v1-json", "invalid JSON", "--> v1-json/azureml_environment.json:1:15"),
                        Case.of(
                                "env load v1-types",
                                "'docker.enabled' must be true or false, not a string",
                                "--> v1-types/azureml_environment.json:2:24"),
                        Case.of("env load v1-none", "error: v1-none: holds no azureml_environment.json"),
                        Case.of("env load v1-conda", "invalid YAML", "--> v1-conda/conda_dependencies.yml:3:2"),
                        Case.of("env load nowhere", "error: nowhere: no such folder"),
                        Case.of("env load env.yml", "error: env.yml: is a file, not a folder"),
                        // v2 environment YAML
                        Case.of("env import v2-unknown.yml", "unknown key 'foo'", "--> v2-unknown.yml:3:1"),
                        Case.of(
                                "env import v2-both.yml",
                                "Docker image or Dockerfile should be provided not both",
                                "--> v2-both.yml:3:1"),
                        Case.of(
                                "env import v2-neither.yml",
                                "Docker image or Dockerfile is required for environments",
                                "--> v2-neither.yml:1:1"),
                        Case.of("env import v2-token.yml", "template token '{{conda_file}}'", "--> v2-token.yml:3:13"),
                        Case.of("env import v2-nocf.yml", "conda_file 'nofile.yml' not found", "--> v2-nocf.yml:3:13"),
                        Case.of("env import v2-badcf.yml", "unknown top-level key 'chanels'", "--> badkey.yml:2:1"),
                        Case.of("env import env.yml", "looks like a conda file", "--> env.yml:2:1"),
                        Case.of(
                                "env import v2-blank-image.yml",
                                "'ubuntu 22.04' is not an image reference",
                                "--> v2-blank-image.yml:2:8"),
                        Case.of(
                                "env import v2-name.yml",
                                "'bad name' is not a valid environment name",
                                "--> v2-name.yml:1:7"),
                        Case.of("env import nofile.yml", "error: nofile.yml: no such file"),
                        // references
                        Case.of("env show ghost", "no environment named 'ghost'"),
                        Case.of("env dockerfile demo:99", "version 99 of demo is not registered"),
                        Case.of("env conda-spec demo@nolabel", "no version of demo has the label 'nolabel'"),
                        Case.of(
                                "env image-details azureml:onlydraft",
                                "onlydraft is only a draft",
                                "register it first"),
                        Case.of("env show onlydraft@latest", "onlydraft is only a draft"),
                        Case.of("env show a:b@c", "'a:b@c' is not a reference"),
                        Case.of("env show :1", "name cannot be empty"),
                        Case.of("env show x@", "'x@' names no label after '@'"),
                        Case.of("env diff demo ghost", "no environment named 'ghost'"),
                        Case.of("env clone ghost new", "no environment named 'ghost'"),
                        // names, versions, labels
                        Case.of("env create 'bad name'", "'bad name' is not a valid environment name"),
                        Case.of("env clone demo 'bad/name'", "'bad/name' is not a valid environment name"),
                        Case.of("env register demo --as AzureMLmine", "'AzureMLmine' is reserved"),
                        Case.of("env register demo --as Microsoft-mine", "'Microsoft-mine' is reserved"),
                        Case.of("env register demo --version ''", "'' is not a valid version"),
                        Case.of("env register demo --version 'a b'", "'a b' is not a valid version"),
                        Case.of(
                                "env register demo --version 1",
                                "Environment demo with version 1 is already registered and cannot be changed."),
                        Case.of("env label demo:1 latest", "'latest' is reserved"),
                        Case.of("env label demo:1 'bad label'", "'bad label' is not a valid label"),
                        Case.of("env label ghost:1 x", "ghost:1 is not registered"),
                        Case.of("env archive demo:9", "demo:9 is not registered"),
                        // edits
                        Case.of("env add-pip demo 'bad spec!!'", "'bad spec!!' is not a pip requirement"),
                        Case.of("env add-pip demo -- --index-url", "Invalid package name --index-url"),
                        Case.of("env remove-pip demo -- --index-url", "Invalid package name --index-url"),
                        Case.of("env add-pip-option demo -- index-url", "Invalid pip option index-url"),
                        Case.of(
                                "env add-conda demo python=3.10.*",
                                "'python=3.10.*' names no python version azureml-core can set"),
                        Case.of(
                                "env add-conda demo 'numpy>='",
                                "'numpy>=' is not a conda package: no version after '>='"),
                        Case.of(
                                "env remove-conda demo python=3.10",
                                "python must not be removed from conda dependencies"),
                        Case.of("env var unset demo NOPE", "no environment variable 'NOPE' in demo"),
                        Case.of("env create img --base-image ''", "a base image cannot be empty"),
                        Case.of("env set demo --base-image 'ubuntu 22.04'", "'ubuntu 22.04' is not an image reference"),
                        // files amlsh would write
                        Case.of(
                                "env save demo saved",
                                "error: saved: already exists: save_to_directory writes a new folder"),
                        Case.of(
                                "env build-context demo built",
                                "error: built: already holds a build context: add --overwrite"),
                        Case.of("workspace export existing.yml", "existing.yml already exists"),
                        // workspaces and the rest
                        Case.of("workspace create default", "workspace default already exists"),
                        Case.of("workspace use nonexist", "no workspace named nonexist"),
                        Case.of("curated show nope", "amlsh has no curated environment 'nope'"),
                        Case.of("curated show example.org/nope:1", "does not know the image 'example.org/nope:1'")));
    }

    @Test
    void usageErrorsExitTwoBeforeTheDomainRuns() throws Exception {
        script(
                "usage.amlsh",
                2,
                List.of(
                        Case.of("env frobnicate", "unknown command 'env frobnicate'"),
                        Case.of("frobnicate", "unknown command 'frobnicate'"),
                        Case.of("env list --bogus", "unknown option '--bogus' for 'env list'"),
                        Case.of(
                                "env add-pip demo --index-url https://example.org/simple",
                                "unknown option '--index-url' for 'env add-pip'"),
                        Case.of("env create c --conda-file", "option --conda-file needs a value (FILE)"),
                        Case.of(
                                "env create c --conda-file env.yml --conda-file env.yml",
                                "option --conda-file is given twice"),
                        Case.of("env list -o xml", "'xml' is not an output format: use text, json or yaml"),
                        Case.of("env create", "'env create' needs NAME"),
                        Case.of("env show demo extra", "unexpected argument 'extra' for 'env show'"),
                        Case.of("env var set demo NOEQUALS", "'NOEQUALS' is not KEY=VALUE"),
                        Case.of("env var set demo =x", "'=x' is not KEY=VALUE"),
                        Case.of(
                                "env set demo --user-managed maybe",
                                "option --user-managed takes true or false, not 'maybe'"),
                        Case.of(
                                "env create c --pip-file req.txt --pip-version 'x y'",
                                "option --pip-version takes a version such as 23.1.2"),
                        Case.of("env create p --python ''", "option --python takes a version such as 3.10"),
                        Case.of(
                                "env create c --conda-file env.yml --pip-file req.txt",
                                "--conda-file and --pip-file exclude each other"),
                        Case.of(
                                "env create c --base-image x --dockerfile Dockerfile",
                                "--base-image and --dockerfile exclude each other"),
                        Case.of("env label demo:1", "'env label' needs LABEL"),
                        Case.of("workspace delete default", "add --yes"),
                        Case.of("env create 'a\"b", "unterminated")));
    }

    @Test
    void writesToAReadOnlyWorkspaceExitThree() throws Exception {
        script(
                "readonly.amlsh",
                3,
                List.of(
                        Case.of("env register demo", "open read-only", "cannot register demo"),
                        Case.of("env var set demo A=1", "open read-only"),
                        Case.of("env create fresh --conda-file env.yml", "open read-only"),
                        Case.of("env discard onlydraft", "open read-only"),
                        Case.of("env label demo:1 other", "open read-only"),
                        Case.of("env archive demo", "open read-only")),
                "--read-only");
    }

    @Test
    void workspaceSelectorsThatAreNoWorkspaceExitThreeAndLeaveTheFileAlone() throws Exception {
        Jar.Result missing = jar.run(
                        "--workspace", jar.cwd.resolve("nodir/ws.amlsh").toString(), "env", "list")
                .noStackTrace()
                .exits(3);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.firstErrLine())
                .startsWith("error: no workspace file ")
                .contains("nodir/ws.amlsh");
        assertThat(jar.cwd.resolve("nodir")).doesNotExist();

        Path text = jar.write("notes.txt", "my notes\n");
        Jar.Result notSqlite = jar.run("--workspace", text.toString(), "env", "list")
                .noStackTrace()
                .exits(3);
        assertThat(notSqlite.firstErrLine())
                .startsWith("error: ")
                .contains("notes.txt", "not an amlsh workspace", "left unchanged");
        assertThat(Files.readString(text, StandardCharsets.UTF_8)).isEqualTo("my notes\n");

        Path foreign = jar.cwd.resolve("foreign.db");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + foreign);
                var st = c.createStatement()) {
            st.execute("CREATE TABLE t (x)");
            st.execute("INSERT INTO t VALUES ('keep me')");
        }
        byte[] foreignBytes = Files.readAllBytes(foreign);
        Jar.Result notOurs = jar.run("--workspace", foreign.toString(), "env", "create", "x")
                .noStackTrace()
                .exits(3);
        assertThat(notOurs.firstErrLine()).startsWith("error: ").contains("foreign.db", "not an amlsh workspace");
        assertThat(Files.readAllBytes(foreign)).isEqualTo(foreignBytes);
        assertThat(jar.cwd.resolve("foreign.db-wal")).doesNotExist();
        assertUnchanged();
    }

    @Test
    void scriptFilesThemselves() throws Exception {
        Jar.Result missing = jar.run("-f", "nothere.amlsh").noStackTrace().exits(1);
        assertThat(missing.err())
                .as("a whole-file problem names the file on its one line")
                .isEqualTo("error: nothere.amlsh: no such file\n");

        jar.bytes("latin1.amlsh", "echo one\necho caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Jar.Result latin1 = jar.run("-f", "latin1.amlsh").noStackTrace().exits(1);
        assertThat(latin1.out())
                .as("nothing runs from a file that cannot be read")
                .isEmpty();
        assertThat(latin1.firstErrLine()).startsWith("error: ").contains("UTF-8");
        assertThat(latin1.err()).contains("--> latin1.amlsh:2:9");

        // a BOM and CRLF are fine: lines run, and an error names its line
        jar.bytes(
                "crlf.amlsh",
                "\ufeffecho one\r\n# comment\r\nenv show demo \\\r\n  --bogus\r\necho two\r\n"
                        .getBytes(StandardCharsets.UTF_8));
        Jar.Result crlf = jar.run("-f", "crlf.amlsh").noStackTrace().exits(2);
        assertThat(crlf.out()).isEqualTo("one\n");
        assertThat(crlf.err()).startsWith("crlf.amlsh:3: error: unknown option '--bogus' for 'env show'");
        assertUnchanged();
    }

    @Test
    void debugShowsTheStackTraceAndStillChangesNothing() throws Exception {
        Jar.Result r = jar.run("--debug", "env", "create", "c", "--conda-file", "badkey.yml")
                .exits(1);
        assertThat(r.firstErrLine()).startsWith("error: unknown top-level key 'chanels'");
        assertThat(r.err())
                .contains(
                        "--> badkey.yml:2:1", "dev.amlsh.model.AmlshException", "\tat dev.amlsh.conda.CondaFileReader");
        assertThat(r.out()).isEmpty();
        assertUnchanged();
    }

    @Test
    void exportRefusesToReplaceAFile() throws Exception {
        Path mine = jar.write("mine-export.yml", "# mine\n");
        try {
            script(
                    "export.amlsh",
                    1,
                    List.of(Case.of("env export demo mine-export.yml", "mine-export.yml", "--overwrite")));
        } finally {
            assertThat(Files.readString(mine, StandardCharsets.UTF_8)).isEqualTo("# mine\n");
        }
    }

    @Test
    void anEmptyDockerfileIsNamed() throws Exception {
        script(
                "emptydocker.amlsh",
                1,
                List.of(Case.of("env create c --dockerfile empty.Dockerfile", "error: empty.Dockerfile: is empty")));
    }

    @Test
    void theWorkingFolderIsNamedAsDot() throws Exception {
        script("dot.amlsh", 1, List.of(Case.of("env create c --conda-file .", "error: .: is a directory, not a file")));
    }

    @Test
    void buildContextIntoAFile() throws Exception {
        script(
                "bcfile.amlsh",
                1,
                List.of(Case.of("env build-context demo existing.yml", "existing.yml", "not a folder")));
    }

    @Test
    void incompleteCommandGroupNamesItsSubcommands() throws Exception {
        script("group.amlsh", 2, List.of(Case.of("env var", "set", "unset")))
                .err()
                .lines()
                .forEach(l -> assertThat(l).doesNotContain("did you mean 'env var'"));
    }
}

package dev.amlsh.image;

import static dev.amlsh.image.GoldenFilesTest.RENDERER;
import static dev.amlsh.image.GoldenFilesTest.SEED_IMAGE;
import static dev.amlsh.image.GoldenFilesTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amlsh.conda.EnvironmentFiles;
import dev.amlsh.formats.V2EnvironmentYaml;
import dev.amlsh.model.AmlshException;
import dev.amlsh.model.Environment;
import dev.amlsh.model.SdkRelease;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code env build-context}'s folder: {@code docker build DIR} finds every file its Dockerfile copies.
 * Checked with a real Dockerfile parser (dockerfile-ast for the COPY/ADD sources, dockerfile-utils'
 * linter for the file), for a conda, a pip, a user-managed, a base-Dockerfile and a build-context
 * environment. What each folder holds follows Azure ML's generated Dockerfile (the seed page) and,
 * for a build context, Microsoft's "the service uses the provided docker context builds as is".
 */
class BuildContextFolderTest {

    static final BuildContextFolder FOLDERS = new BuildContextFolder(RENDERER);
    static final Path CONTEXT_03 =
            resource("real-world/03-azureml-examples-docker-context/docker-contexts/python-and-pip");

    @TempDir
    Path tmp;

    /** The five kinds of environment the issue names: name → environment. */
    static Map<String, Environment> cases() {
        Map<String, Environment> cases = new LinkedHashMap<>();
        cases.put("conda", GoldenFilesTest.fromConda("seed", "seed-pytorch/env.yml", SEED_IMAGE));
        cases.put(
                "pip",
                EnvironmentFiles.fromFiles(
                        "pip",
                        null,
                        CONTEXT_03.resolve("requirements.txt"),
                        "23.1",
                        null,
                        null,
                        SdkRelease.DEFAULT_BASE_IMAGE,
                        w -> {}));
        Path dockerfile = resource("real-world/10-azureml-examples-build-context-conda-in-dockerfile/Dockerfile");
        cases.put(
                "user-managed",
                EnvironmentFiles.fromFiles(
                        "custom-user", null, null, null, null, dockerfile, SdkRelease.DEFAULT_BASE_IMAGE, w -> {}));
        cases.put(
                "base-dockerfile",
                EnvironmentFiles.fromFiles(
                        "custom",
                        resource("seed-pytorch/env.yml"),
                        null,
                        null,
                        null,
                        dockerfile,
                        SdkRelease.DEFAULT_BASE_IMAGE,
                        w -> {}));
        cases.put(
                "build-context",
                V2EnvironmentYaml.read(resource("real-world/03-azureml-examples-docker-context/docker-context.yml"))
                        .environment());
        return cases;
    }

    @Test
    void everyCopySourceOfEveryFolderExistsOrIsNamedInAWarning() throws IOException {
        Map<Path, BuildContextFolder.Layout> written = new LinkedHashMap<>();
        cases().forEach((name, env) -> {
            Path dir = tmp.resolve(name);
            written.put(dir, FOLDERS.layout(env, name));
            BuildContextFolder.write(written.get(dir), dir, false);
        });
        List<Path> dockerfiles =
                written.keySet().stream().map(d -> d.resolve("Dockerfile")).toList();
        Map<Path, DockerfileParser.Result> parsed = DockerfileParser.parse(dockerfiles);
        for (Path dir : written.keySet()) {
            DockerfileParser.Result result = parsed.get(dir.resolve("Dockerfile"));
            assertThat(result.diagnostics())
                    .as(dir.getFileName() + ": the linter's findings")
                    .isEmpty();
            assertThat(result.sources()).as(dir.getFileName() + ": sources").isNotEmpty();
            List<String> warnings = written.get(dir).warnings();
            for (DockerfileParser.Source source : result.sources()) {
                boolean present = exists(dir, source.path());
                boolean warned =
                        warnings.stream().anyMatch(w -> w.contains(source.keyword() + " " + source.path() + ":"));
                assertThat(present || warned)
                        .as(dir.getFileName() + ": " + source + " is in the folder or named in a warning")
                        .isTrue();
                assertThat(present && warned)
                        .as(dir.getFileName() + ": no warning for " + source + ", which is there")
                        .isFalse();
            }
        }
        // only the base Dockerfile names a file amlsh does not have (real-world/10 copies its own conda file)
        assertThat(written.get(tmp.resolve("base-dockerfile")).warnings())
                .singleElement()
                .asString()
                .startsWith(
                        "Dockerfile line 9, COPY conda_dependencies.yaml: the folder has no 'conda_dependencies.yaml'");
        assertThat(written.get(tmp.resolve("user-managed")).warnings()).hasSize(1);
        for (String name : List.of("conda", "pip", "build-context")) {
            assertThat(written.get(tmp.resolve(name)).warnings()).as(name).isEmpty();
        }
    }

    @Test
    void aBuildContextFolderIsTheUsersFolderWithItsDockerfileByteForByte() throws IOException {
        Environment env = cases().get("build-context");
        Path dir = tmp.resolve("ctx");
        List<Path> written = BuildContextFolder.write(FOLDERS.layout(env, "docker-context-example"), dir, false);

        byte[] original = Files.readAllBytes(CONTEXT_03.resolve("Dockerfile"));
        assertThat(Files.readAllBytes(dir.resolve("Dockerfile"))).isEqualTo(original);
        assertThat(RENDERER.render(env).getBytes(StandardCharsets.UTF_8)).isEqualTo(original);
        assertThat(Files.readAllBytes(dir.resolve("requirements.txt")))
                .isEqualTo(Files.readAllBytes(CONTEXT_03.resolve("requirements.txt")));
        assertThat(written)
                .containsExactlyInAnyOrder(
                        dir.resolve("requirements.txt"),
                        dir.resolve("Dockerfile"),
                        dir.resolve(BuildContextFolder.README));
        assertThat(dir.resolve("azureml-environment-setup")).doesNotExist();
    }

    @Test
    void aGeneratedFolderHoldsTheCondaFileAndStandInsThatSayWhatTheRealFilesDo() throws IOException {
        Environment env = cases().get("conda");
        Path dir = tmp.resolve("seed");
        BuildContextFolder.write(FOLDERS.layout(env, "pytorch:1"), dir, false);
        Path setup = dir.resolve("azureml-environment-setup");
        assertThat(Files.readString(setup.resolve("mutated_conda_dependencies.yml")))
                .isEqualTo(MutatedCondaFile.render(env).orElseThrow());
        assertThat(Files.readString(dir.resolve("Dockerfile"))).isEqualTo(RENDERER.render(env));
        for (String file : List.of("99brokenproxy", "spark_cache.py", "log4j.properties")) {
            String text = Files.readString(setup.resolve(file));
            assertThat(text)
                    .as(file)
                    .startsWith((file.equals("99brokenproxy") ? "//" : "#") + " amlsh stand-in for Azure ML's " + file
                            + " (the real file is not public).");
        }
        // apt reads 99brokenproxy as configuration and log4j.properties is a properties file: comments only, no setting
        assertThat(Files.readAllLines(setup.resolve("99brokenproxy"))).allMatch(l -> l.startsWith("//"));
        assertThat(Files.readAllLines(setup.resolve("log4j.properties"))).allMatch(l -> l.startsWith("#"));
        String readme = Files.readString(dir.resolve(BuildContextFolder.README));
        assertThat(readme)
                .startsWith(BuildContextFolder.README_TITLE + "\n")
                .contains("    docker build -t " + EnvironmentHashes.imageName(env) + " .\n")
                .contains("`pytorch:1`")
                .contains("stand-ins");
    }

    @Test
    void anImageUsedAsItIsAndARemoteContextHaveNoFolder() {
        Environment image = EnvironmentFiles.fromFiles(
                "byoc", null, null, null, "pytorch/pytorch:latest", null, SdkRelease.DEFAULT_BASE_IMAGE, w -> {});
        assertThatThrownBy(() -> FOLDERS.layout(image, "byoc"))
                .isInstanceOf(AmlshException.class)
                .hasMessageContaining("Azure ML builds no image for it")
                .hasMessageContaining("docker pull pytorch/pytorch:latest");
        Environment remote = GoldenFilesTest.dockerfileCases().get("build-context-remote");
        assertThatThrownBy(() -> FOLDERS.layout(remote, "remote"))
                .isInstanceOf(AmlshException.class)
                .hasMessageContaining("cannot read a remote context");
    }

    @Test
    void aFailureWhileWritingLeavesNoHalfFolder() throws IOException {
        BuildContextFolder.Layout layout = FOLDERS.layout(cases().get("conda"), "seed");
        List<BuildContextFolder.Entry> entries = new ArrayList<>(layout.entries());
        entries.add(new BuildContextFolder.Copied("late/file", tmp.resolve("vanished-before-the-copy")));
        BuildContextFolder.Layout failing = new BuildContextFolder.Layout(entries, List.of());
        Path dir = tmp.resolve("out");

        assertThatThrownBy(() -> BuildContextFolder.write(failing, dir, false))
                .isInstanceOf(AmlshException.class)
                .hasMessageContaining("cannot be written");
        assertThat(dir).doesNotExist();
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("amlsh-new"));
        }

        BuildContextFolder.write(layout, dir, false);
        String before = Files.readString(dir.resolve("Dockerfile"));
        assertThatThrownBy(() -> BuildContextFolder.write(failing, dir, true)).isInstanceOf(AmlshException.class);
        assertThat(Files.readString(dir.resolve("Dockerfile")))
                .as("the earlier folder stays whole")
                .isEqualTo(before);
        assertThat(dir.resolve("late")).doesNotExist();
    }

    @Test
    void onlyAFolderAmlshWroteIsReplacedAndOnlyWhenAsked() throws IOException {
        BuildContextFolder.Layout layout = FOLDERS.layout(cases().get("pip"), "pip");
        Path mine = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "mine\n");
        assertThatThrownBy(() -> BuildContextFolder.write(layout, mine, true))
                .isInstanceOf(AmlshException.class)
                .hasMessageContaining("holds files amlsh did not write");
        assertThat(Files.readString(mine.resolve("notes.txt"))).isEqualTo("mine\n");

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        BuildContextFolder.write(layout, empty, false);
        assertThat(empty.resolve("Dockerfile")).exists();
        assertThatThrownBy(() -> BuildContextFolder.write(layout, empty, false))
                .isInstanceOf(AmlshException.class)
                .hasMessageContaining("already holds a build context: add --overwrite");
        Files.writeString(empty.resolve("stale.txt"), "from an earlier build\n");
        BuildContextFolder.write(layout, empty, true);
        assertThat(empty.resolve("stale.txt")).as("replaced whole").doesNotExist();
        assertThat(empty.resolve("Dockerfile")).exists();
    }

    @Test
    void aFolderInsideTheContextItCopiesIsRefused() throws IOException {
        Path context = Files.createDirectories(tmp.resolve("ctx"));
        Files.writeString(context.resolve("Dockerfile"), "FROM ubuntu:22.04\nCOPY . /app\n");
        Files.writeString(tmp.resolve("env.yml"), "name: inside\nbuild:\n  path: ctx\n");
        Environment env = V2EnvironmentYaml.read(tmp.resolve("env.yml")).environment();
        BuildContextFolder.write(FOLDERS.layout(env, "inside"), context.resolve("out"), false);
        // the second layout sees out/ inside the context: writing it there again would copy the folder into itself
        assertThatThrownBy(() -> BuildContextFolder.write(FOLDERS.layout(env, "inside"), context.resolve("out"), true))
                .isInstanceOf(AmlshException.class)
                .hasMessageContaining("is inside the build context folder it would copy");
        assertThat(context.resolve("out/out")).doesNotExist();
    }

    @Test
    void aBuildContextWhoseFolderIsGoneGetsItsDockerfileAndAWarningPerMissingSource() {
        Environment env = cases().get("build-context");
        var context = env.docker().buildContext();
        Environment moved = env.withDocker(env.docker()
                .withBuildContext(
                        new dev.amlsh.model.BuildContext(
                                context.locationType(),
                                context.location(),
                                context.dockerfilePath(),
                                context.dockerfile(),
                                tmp.resolve("gone").toString()),
                        w -> {}));
        BuildContextFolder.Layout layout = FOLDERS.layout(moved, "moved");
        assertThat(layout.paths()).containsExactly("Dockerfile", BuildContextFolder.README);
        assertThat(layout.warnings()).hasSize(2);
        assertThat(layout.warnings().get(0)).contains("gone").contains("is not there: only its Dockerfile is written");
        assertThat(layout.warnings().get(1))
                .startsWith("Dockerfile line 5, COPY requirements.txt: the folder has no 'requirements.txt'");
    }

    /** A file or folder, or a glob matching one, as Docker resolves a COPY source in the context. */
    private static boolean exists(Path dir, String source) throws IOException {
        String relative = source.replaceFirst("^(\\./|/)+", "");
        if (relative.isEmpty() || relative.equals(".")) {
            return true;
        }
        if (!relative.matches(".*[*?\\[].*")) {
            return Files.exists(dir.resolve(relative));
        }
        var glob = FileSystems.getDefault().getPathMatcher("glob:" + relative);
        try (Stream<Path> all = Files.walk(dir)) {
            return all.anyMatch(p -> glob.matches(dir.relativize(p)));
        }
    }
}

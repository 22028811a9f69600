package dev.amlsh.formats;

import dev.amlsh.conda.CondaFileReader;
import dev.amlsh.conda.TextFile;
import dev.amlsh.conda.roundtrip.CondaDocument;
import dev.amlsh.model.AmlshException;
import dev.amlsh.model.DockerSection;
import dev.amlsh.model.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The SDK's {@code save_to_directory} / {@code load_from_directory} (azureml/core/environment.py).
 *
 * <p>Saving writes {@code conda_dependencies.yml} when the definition has conda dependencies (the
 * SDK's ruamel round-trip text, as {@code env conda-file} prints it: the file as read and edited,
 * or ruamel's dump of the plain data for a definition without a written form),
 * {@code BaseDockerfile} when it has a base Dockerfile, and {@code azureml_environment.json}
 * without {@code python.condaDependencies} and, when {@code BaseDockerfile} was written, without
 * the {@code docker.baseDockerfile} key. A folder that exists is refused without
 * {@code overwrite} ({@code os.makedirs(path, exist_ok=overwrite)}); a conda spec without python
 * is refused with the SDK's {@code Python package is missing.}. amlsh checks both before it
 * writes anything (the SDK creates the folder first), and with {@code overwrite} it deletes a
 * stale {@code conda_dependencies.yml} or {@code BaseDockerfile} the definition no longer has
 * (the SDK leaves them, so loading would bring them back).
 *
 * <p>Loading reads the JSON (required), then the conda file and {@code BaseDockerfile} when they
 * exist: no conda file means no conda dependencies (no default spec, no python added); a
 * non-empty {@code BaseDockerfile} replaces the base image (the SDK's setter warns), an empty
 * one leaves the definition without a base Dockerfile. {@code version} and {@code assetId} are
 * kept. Top-level keys amlsh does not model are kept too (the SDK drops them).
 */
public final class V1Directory {

    public static final String DEFINITION = "azureml_environment.json";
    public static final String CONDA = "conda_dependencies.yml";
    public static final String DOCKERFILE = "BaseDockerfile";

    /** {@code DockerSection.base_dockerfile}'s setter, when it clears a base image. */
    public static final String BASE_IMAGE_RESET =
            "Property base_image is mutually exclusive with base_dockerfile. " + "Reset base_image to None";

    public static final String BUILD_CONTEXT_RESET =
            "Property build_context is mutually exclusive with base_dockerfile. " + "Reset build_context to None";

    private V1Directory() {}

    /** Writes the files; returns the paths written. */
    public static List<Path> save(Environment env, Path dir, boolean overwrite, Secrets secrets) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw AmlshException.inFile(dir, "is a file, not a folder");
        }
        if (Files.exists(dir) && !overwrite) {
            throw AmlshException.inFile(
                    dir,
                    "already exists: save_to_directory writes a new folder; choose another," + " or add --overwrite");
        }
        if (env.hasCondaDependencies() && env.condaSpec().python().isEmpty()) {
            // CondaDependencies._validate, before save_to_file writes the conda file
            throw new AmlshException("Python package is missing.");
        }
        String dockerfile = env.docker().baseDockerfile();
        Map<String, Object> tree =
                EnvironmentJson.toTree(env, EnvironmentJson.Options.file().withSecrets(secrets));
        boolean writesDockerfile = dockerfile != null && !dockerfile.isEmpty();
        if (writesDockerfile) {
            @SuppressWarnings("unchecked")
            Map<String, Object> docker = (Map<String, Object>) tree.get("docker");
            docker.remove("baseDockerfile");
        }
        // the SDK's order: conda file, BaseDockerfile, then the JSON
        Map<String, String> files = new LinkedHashMap<>();
        List<String> stale = new ArrayList<>();
        if (env.hasCondaDependencies()) {
            files.put(CONDA, CondaDocument.textOf(env));
        } else {
            stale.add(CONDA);
        }
        if (writesDockerfile) {
            files.put(DOCKERFILE, dockerfile);
        } else {
            stale.add(DOCKERFILE);
        }
        files.put(DEFINITION, JsonText.sdk().write(tree));
        // all complete beside the folder before any replaces an old one (a full disk leaves it as it was)
        return AtomicFiles.REAL.writeFolder(dir, files, stale);
    }

    /** Reads the definition, then the conda spec and the base Dockerfile when their files exist. */
    public static Environment load(Path dir, Consumer<String> warnings) {
        if (!Files.isDirectory(dir)) {
            throw AmlshException.inFile(dir, Files.exists(dir) ? "is a file, not a folder" : "no such folder");
        }
        Path json = dir.resolve(DEFINITION);
        if (!Files.exists(json)) {
            throw AmlshException.inFile(dir, "holds no " + DEFINITION + ": not a saved environment folder");
        }
        Environment env = EnvironmentJson.read(json, TextFile.read(json).text());
        Path conda = dir.resolve(CONDA);
        if (Files.isRegularFile(conda)) {
            TextFile text = TextFile.read(conda);
            env = env.withPython(env.python().withCondaDependencies(CondaFileReader.parse(conda, text.text())))
                    .withCondaFile(CondaDocument.read(text));
        }
        Path dockerfile = dir.resolve(DOCKERFILE);
        if (Files.isRegularFile(dockerfile)) {
            env = env.withDocker(
                    baseDockerfile(env.docker(), TextFile.read(dockerfile).text(), warnings));
        }
        return env;
    }

    /**
     * {@code docker.base_dockerfile = text}: a non-empty text clears the base image and build context, with the SDK's
     * warnings.
     */
    private static DockerSection baseDockerfile(DockerSection docker, String text, Consumer<String> warnings) {
        if (text.isEmpty()) {
            return new DockerSection(
                    docker.enabled(),
                    docker.baseImage(),
                    null,
                    docker.buildContext(),
                    docker.sharedVolumes(),
                    docker.shmSize(),
                    docker.arguments(),
                    docker.baseImageRegistry(),
                    docker.platform(),
                    docker.gpuSupport());
        }
        if (docker.baseImage() != null) {
            warnings.accept(BASE_IMAGE_RESET);
        }
        if (docker.buildContext() != null) {
            warnings.accept(BUILD_CONTEXT_RESET);
        }
        return new DockerSection(
                docker.enabled(),
                null,
                text,
                null,
                docker.sharedVolumes(),
                docker.shmSize(),
                docker.arguments(),
                docker.baseImageRegistry(),
                docker.platform(),
                docker.gpuSupport());
    }
}

package dev.amlsh.formats;

import dev.amlsh.conda.CondaFileReader;
import dev.amlsh.conda.EnvironmentFiles;
import dev.amlsh.conda.TextFile;
import dev.amlsh.conda.roundtrip.CondaDocument;
import dev.amlsh.model.AmlshException;
import dev.amlsh.model.DockerSection;
import dev.amlsh.model.Environment;
import dev.amlsh.model.PythonSection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SDK's {@code save_to_directory} / {@code load_from_directory}: {@code azureml_environment.json}
 * (the file form, without the conda spec and with {@code baseDockerfile} null),
 * {@code conda_dependencies.yml} (the SDK's ruamel round-trip text: the file as read and edited, or
 * ruamel's dump of the plain data for a definition that has no written form) and, when the environment has a base
 * Dockerfile, {@code BaseDockerfile}.
 *
 * <p>Overwrite rule: without {@code overwrite}, saving into a folder that already holds any of
 * these files fails and writes nothing; with it, the files are replaced and a stale
 * {@code BaseDockerfile} is deleted, so loading gives back what was saved.
 */
public final class V1Directory {

    public static final String DEFINITION = "azureml_environment.json";
    public static final String CONDA = "conda_dependencies.yml";
    public static final String DOCKERFILE = "BaseDockerfile";

    private V1Directory() {}

    /** Writes the three files; returns the paths written. */
    public static List<Path> save(Environment env, Path dir, boolean overwrite, Secrets secrets) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw AmlshException.inFile(dir, "is a file, not a folder");
        }
        if (!overwrite) {
            for (String name : List.of(DEFINITION, CONDA, DOCKERFILE)) {
                if (Files.exists(dir.resolve(name))) {
                    throw AmlshException.inFile(dir, "already holds " + name + ": choose another folder, or add --overwrite");
                }
            }
        }
        String dockerfile = env.docker().baseDockerfile();
        DockerSection docker = env.docker();
        Environment fileForm = dockerfile == null ? env : env.withDocker(new DockerSection(docker.enabled(), null, null,
                null, docker.sharedVolumes(), docker.shmSize(), docker.arguments(), docker.baseImageRegistry(),
                docker.platform(), docker.gpuSupport()));
        Map<String, String> files = new LinkedHashMap<>();
        files.put(DEFINITION, EnvironmentJson.write(fileForm, EnvironmentJson.Options.file().withSecrets(secrets)));
        files.put(CONDA, CondaDocument.textOf(env));
        if (dockerfile != null) {
            files.put(DOCKERFILE, dockerfile);
        }
        // all three complete beside the folder before any replaces an old one (a full disk leaves it as it was)
        return AtomicFiles.REAL.writeFolder(dir, files, List.of(DOCKERFILE));
    }

    /** Reads the definition, then the conda spec and the base Dockerfile when their files exist. */
    public static Environment load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw AmlshException.inFile(dir, Files.exists(dir) ? "is a file, not a folder" : "no such folder");
        }
        Path json = dir.resolve(DEFINITION);
        if (!Files.exists(json)) {
            throw AmlshException.inFile(dir, "holds no " + DEFINITION + ": not a saved environment folder");
        }
        Environment env = EnvironmentJson.read(json, TextFile.read(json).text());
        Path conda = dir.resolve(CONDA);
        if (Files.exists(conda)) {
            PythonSection python = env.python();
            TextFile text = TextFile.read(conda);
            env = env.withPython(python.withCondaDependencies(CondaFileReader.parse(conda, text.text())))
                    .withCondaFile(CondaDocument.read(text));
        }
        Path dockerfile = dir.resolve(DOCKERFILE);
        if (Files.exists(dockerfile)) {
            env = env.withDocker(env.docker().withBaseDockerfile(EnvironmentFiles.readDockerfile(dockerfile), w -> {}));
        }
        return env;
    }
}

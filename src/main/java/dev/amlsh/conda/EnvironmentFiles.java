package dev.amlsh.conda;

import dev.amlsh.conda.roundtrip.CondaDocument;
import dev.amlsh.model.AmlshException;
import dev.amlsh.model.DockerfileInstructions;
import dev.amlsh.model.Environment;
import dev.amlsh.model.EnvironmentName;
import dev.amlsh.model.Environments;
import dev.amlsh.model.SyntaxProblem;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code env create}: builds an environment from the files a user names, with the SDK's
 * constructors and their exclusivity rules. A conda file and a pip file together, or a base
 * image and a Dockerfile together, are refused before any file is read.
 * <ul>
 * <li>conda file / pip file alone: {@code from_conda_specification} / {@code from_pip_requirements}
 *     on the workspace's default base image;</li>
 * <li>base image or Dockerfile alone: user-managed ({@code from_docker_image} / {@code from_dockerfile});</li>
 * <li>base image or Dockerfile with a conda or pip file: conda-managed on that base;</li>
 * <li>nothing at all: {@code Environment(name)}, the SDK's defaults on the default base image.</li>
 * </ul>
 * The conda file's written form comes along: the file as read, or the SDK's default file
 * ({@code CondaDependencies()}) for every constructor that starts from {@code Environment(name)}.
 */
public final class EnvironmentFiles {

    private EnvironmentFiles() {}

    /** Every argument but {@code name} and {@code defaultBaseImage} may be null. */
    public static Environment fromFiles(
            String name,
            Path condaFile,
            Path pipFile,
            String pipVersion,
            String baseImage,
            Path dockerfile,
            String defaultBaseImage,
            Consumer<String> warnings) {
        if (condaFile != null && pipFile != null) {
            throw new AmlshException("a conda file and a pip requirements file cannot be used together:"
                    + " put the pip packages in the conda file's 'pip:' list");
        }
        if (baseImage != null && dockerfile != null) {
            throw new AmlshException(
                    "a base image and a Dockerfile cannot be used together: the Dockerfile names its own FROM");
        }
        if (pipVersion != null && pipFile == null) {
            throw new AmlshException("a pip version goes with a pip requirements file");
        }
        if (condaFile == null && pipFile == null && baseImage == null && dockerfile == null) {
            return Environment.create(EnvironmentName.requireValid(name), defaultBaseImage)
                    .withCondaFile(CondaDocument.sdkDefault());
        }
        String dockerfileText = dockerfile == null ? null : readDockerfile(dockerfile);
        Environment env;
        if (condaFile != null) {
            TextFile text = TextFile.read(condaFile);
            env = Environments.fromCondaSpecification(
                    name, CondaFileReader.parse(condaFile, text.text()), defaultBaseImage, warnings);
            // the file as the SDK holds it (comments and all); its python entry follows the spec's
            env = env.withCondaFile(CondaDocument.read(text));
        } else if (pipFile != null) {
            List<String> requirements = PipRequirementsReader.read(pipFile);
            env = Environments.fromPipRequirements(name, requirements, pipVersion, defaultBaseImage);
            // CondaDependencies() then set_pip_requirements: the default file with a new pip list
            env = env.withCondaFile(CondaDocument.sdkDefault()
                    .withPipListReplaced(env.condaSpec().pipRequirements()));
        } else if (baseImage != null) {
            return Environments.fromDockerImage(name, baseImage, defaultBaseImage)
                    .withCondaFile(CondaDocument.sdkDefault());
        } else {
            return Environments.fromDockerfile(name, dockerfileText, defaultBaseImage)
                    .withCondaFile(CondaDocument.sdkDefault());
        }
        if (baseImage != null) {
            env = env.withBaseImage(baseImage, w -> {});
        } else if (dockerfileText != null) {
            env = env.withDocker(env.docker().withBaseDockerfile(dockerfileText, w -> {}));
        }
        return env;
    }

    /** A base Dockerfile's text; an empty file, or one that does not start with FROM, is refused with its name. */
    public static String readDockerfile(Path dockerfile) {
        TextFile file = TextFile.read(dockerfile);
        if (file.isBlank()) {
            throw AmlshException.inFile(dockerfile, "is empty: a Dockerfile needs at least a FROM line");
        }
        try {
            DockerfileInstructions.parse(file.text());
        } catch (SyntaxProblem e) {
            throw new AmlshException(e.problem(), file.atOffset(e.offset()), e);
        }
        return file.text();
    }
}

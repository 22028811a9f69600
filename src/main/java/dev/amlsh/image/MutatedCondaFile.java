package dev.amlsh.image;

import dev.amlsh.conda.CondaSpecWriter;
import dev.amlsh.model.Environment;
import java.util.Optional;

/** {@code mutated_conda_dependencies.yml}: the spec with {@code name:} set to the conda environment name. */
public final class MutatedCondaFile {

    private MutatedCondaFile() {}

    /**
     * Empty when Azure ML builds no conda environment: a user-managed environment, a definition
     * without conda dependencies, and a build context (built as it is).
     */
    public static Optional<String> render(Environment env) {
        if (!env.buildsCondaEnvironment() || env.docker().buildContext() != null) {
            return Optional.empty();
        }
        var spec = env.condaSpec();
        return Optional.of(CondaSpecWriter.write(spec.withName(EnvironmentHashes.condaEnvironmentName(spec))));
    }
}

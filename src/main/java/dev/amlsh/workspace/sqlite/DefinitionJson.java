package dev.amlsh.workspace.sqlite;

import dev.amlsh.formats.EnvironmentJson;
import dev.amlsh.formats.Secrets;
import dev.amlsh.model.ContainerRegistry;
import dev.amlsh.model.Environment;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the store keeps a definition: the SDK v1 JSON in the service form of
 * {@link EnvironmentJson} (camelCase keys in the SDK's order, {@code python.condaDependencies}
 * inline), written compact on one line, so that {@code sqlite3 default.amlsh "select
 * json_extract(definition, '$.docker.baseImage') from versions"} works. Registry passwords never
 * reach the file: the store keeps only {@link #PASSWORD_SET}, the SDK's own mask, and reads that back.
 */
final class DefinitionJson {

    /** What the store keeps of a registry password: that one was set. */
    static final String PASSWORD_SET = "***";

    private static final EnvironmentJson.Options STORED = EnvironmentJson.Options.service().withSecrets(Secrets.MASK);

    private static final ObjectMapper COMPACT = JsonMapper.builder().build();

    private DefinitionJson() {}

    /** The environment with a registry password replaced by {@link #PASSWORD_SET}: what the store keeps. */
    static Environment withoutSecrets(Environment env) {
        ContainerRegistry registry = env.docker().baseImageRegistry();
        if (registry.password() == null || registry.password().equals(PASSWORD_SET)) {
            return env;
        }
        return env.withDocker(env.docker().withRegistry(new ContainerRegistry(registry.address(),
                registry.username(), PASSWORD_SET, registry.registryIdentity())));
    }

    /** The stored text; a password, if any, is written as {@link #PASSWORD_SET}. */
    static String write(Environment env) {
        return COMPACT.writeValueAsString(EnvironmentJson.toTree(env, STORED));
    }

    /** Reads a stored definition; {@code row} names it in messages. */
    static Environment read(String row, String json) {
        return EnvironmentJson.read(row, json);
    }
}

package dev.amlsh.formats;

import dev.amlsh.model.Environment;
import java.nio.file.Path;
import java.util.Map;

/**
 * The SDK v1 JSON of an environment ({@code azureml_environment.json}, and the service's
 * in-memory form that also holds {@code python.condaDependencies}). Writing follows the
 * emulated release's key order and layout (4-space indent, no trailing newline); reading
 * accepts the files of every SDK release (older ones with {@code docker.gpuSupport}, without
 * {@code platform}, {@code r} or {@code registryIdentity}), fills absent keys with the SDK's
 * defaults, and keeps unknown top-level keys in {@link Environment#extraFields()}. Every
 * problem is a {@link dev.amlsh.model.AmlshException} with the file, line and column.
 *
 * <p>This API is stable: the workspace store persists definitions through it.
 */
public final class EnvironmentJson {

    /**
     * How to write: with or without {@code python.condaDependencies} (the file form leaves it to
     * {@code conda_dependencies.yml}), and what to do with a registry password.
     */
    public record Options(boolean includeCondaDependencies, Secrets secrets) {

        public Options {
            java.util.Objects.requireNonNull(secrets, "secrets");
        }

        /** {@code save_to_directory}'s {@code azureml_environment.json}: no conda spec, password as it is. */
        public static Options file() {
            return new Options(false, Secrets.KEEP);
        }

        /** The service's form: the whole definition, conda spec included. */
        public static Options service() {
            return new Options(true, Secrets.KEEP);
        }

        public Options withSecrets(Secrets newSecrets) {
            return new Options(includeCondaDependencies, newSecrets);
        }
    }

    private EnvironmentJson() {}

    public static String write(Environment env, Options options) {
        return JsonText.sdk().write(toTree(env, options));
    }

    /** The same document as plain ordered maps and lists, for other renderings ({@code -o json|yaml}). */
    public static Map<String, Object> toTree(Environment env, Options options) {
        return EnvironmentTree.toTree(env, options);
    }

    /** Reads a definition; {@code source} names the text in messages (a file, or e.g. a database row). */
    public static Environment read(Path source, String text) {
        return EnvironmentTree.fromTree(JsonDocument.parse(source, text));
    }

    public static Environment read(String source, String text) {
        return read(Path.of(source), text);
    }
}

package dev.amlsh.formats;

import dev.amlsh.conda.CondaSpecWriter;
import dev.amlsh.model.AmlshException;
import dev.amlsh.model.AssetMetadata;
import dev.amlsh.model.BuildContext;
import dev.amlsh.model.DatabricksSection;
import dev.amlsh.model.Environment;
import dev.amlsh.model.Immutable;
import dev.amlsh.model.SdkRelease;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes an environment as a v2 environment file that {@link V2EnvironmentYaml} (and
 * {@code az ml environment create}) reads back: {@code $schema, name, version, description,
 * tags, image, conda_file} (inline), {@code build, os_type, inference_config}; os_type as the
 * file said it, or for a platform other than Linux. Read back, it gives the same definition.
 * What v2 cannot hold is left out with a warning (environment variables, registry credentials, Spark, Databricks); a
 * base
 * Dockerfile given as content cannot be expressed at all and is an error.
 */
public final class V2EnvironmentWriter {

    /** The file's text and what was left out. */
    public record Export(String text, List<String> warnings) {
        public Export {
            warnings = Immutable.list(warnings);
        }
    }

    private V2EnvironmentWriter() {}

    public static Export write(Environment env) {
        AssetMetadata metadata = env.metadata();
        String description = metadata.description();
        Map<String, String> tags = metadata.tags();
        if (env.docker().baseDockerfile() != null) {
            throw new AmlshException("environment " + env.name() + " has a base Dockerfile: a v2 environment file names"
                    + " a build folder instead; write one with 'env build-context' and point build.path at it");
        }
        List<String> warnings = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        line(out, "$schema", V2EnvironmentYaml.SCHEMA);
        line(out, "name", env.name());
        if (env.version() != null) {
            line(out, "version", env.version());
        }
        if (description != null) {
            line(out, "description", description);
        }
        if (tags != null && !tags.isEmpty()) {
            out.append("tags:\n");
            tags.forEach((k, v) -> out.append("  ")
                    .append(CondaSpecWriter.scalar(k))
                    .append(": ")
                    .append(CondaSpecWriter.scalar(v))
                    .append('\n'));
        }
        BuildContext context = env.docker().buildContext();
        if (context != null) {
            out.append("build:\n");
            out.append("  path: ")
                    .append(CondaSpecWriter.scalar(context.location()))
                    .append('\n');
            out.append("  dockerfile_path: ")
                    .append(CondaSpecWriter.scalar(context.dockerfilePath()))
                    .append('\n');
            if (env.buildsCondaEnvironment()) {
                warnings.add("the conda spec is not exported: with 'build', the Dockerfile installs the packages");
            }
        } else if (env.docker().baseImage() != null) {
            line(out, "image", env.docker().baseImage());
            if (env.buildsCondaEnvironment()) {
                out.append("conda_file:\n");
                CondaSpecWriter.write(env.condaSpec())
                        .lines()
                        .forEach(l -> out.append("  ").append(l).append('\n'));
            }
        } else {
            throw new AmlshException("environment " + env.name() + " has no base image or build context to export");
        }
        String osType = metadata.osType();
        if (osType == null
                && env.docker().platform() != null
                && env.docker().platform().os() != null
                && !env.docker().platform().os().equalsIgnoreCase("linux")) {
            osType = env.docker().platform().os().toLowerCase(java.util.Locale.ROOT);
        }
        if (osType != null) {
            line(out, "os_type", osType);
        }
        AssetMetadata.InferenceConfig config = metadata.inferenceConfig();
        if (config != null) {
            out.append("inference_config:\n");
            route(out, "liveness_route", config.liveness());
            route(out, "readiness_route", config.readiness());
            route(out, "scoring_route", config.scoring());
        }
        warnLeftOut(env, warnings);
        return new Export(out.toString(), warnings);
    }

    private static void warnLeftOut(Environment env, List<String> warnings) {
        if (!env.environmentVariables().isEmpty()) {
            warnings.add("environment variables are not part of a v2 environment, not exported: "
                    + String.join(", ", env.environmentVariables().keySet()));
        }
        if (env.docker().baseImageRegistry().address() != null) {
            warnings.add("the base image registry ("
                    + env.docker().baseImageRegistry().address()
                    + ") is not part of a v2 environment file, not exported");
        }
        if (env.docker().platform() != null
                && env.docker().platform().architecture() != null
                && !env.docker().platform().architecture().equals("amd64")) {
            warnings.add("the platform architecture (" + env.docker().platform().architecture()
                    + ") is not part of a v2 environment, not exported");
        }
        if (!env.spark().packages().isEmpty() || !env.spark().repositories().isEmpty()) {
            warnings.add("the spark section is not part of a v2 environment, not exported");
        }
        if (!env.databricks().equals(DatabricksSection.EMPTY)) {
            warnings.add("the databricks section is not part of a v2 environment, not exported");
        }
        if (env.isUserManaged() && !env.python().interpreterPath().equals("python")) {
            warnings.add("interpreterPath '" + env.python().interpreterPath()
                    + "' is not part of a v2 environment, not exported");
        }
        if (env.docker().buildContext() != null) {
            return; // built as it is: conda has no part in it
        }
        if (!env.isUserManaged() && !env.hasCondaDependencies()) {
            warnings.add("the definition has no conda dependencies: the v2 environment has no conda_file");
        } else if (!env.isUserManaged() && env.condaSpec().python().isEmpty()) {
            warnings.add("the conda spec names no python: Azure ML v2 adds none (v1 would add python="
                    + SdkRelease.DEFAULT_PYTHON_VERSION + ")");
        }
    }

    private static void route(StringBuilder out, String key, AssetMetadata.Route route) {
        out.append("  ").append(key).append(":\n");
        out.append("    port: ").append(route.port()).append('\n');
        out.append("    path: ").append(CondaSpecWriter.scalar(route.path())).append('\n');
    }

    private static void line(StringBuilder out, String key, String value) {
        out.append(key).append(": ").append(CondaSpecWriter.scalar(value)).append('\n');
    }
}

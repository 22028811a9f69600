package dev.amlsh.shell.render;

import dev.amlsh.image.EnvironmentHashes;
import dev.amlsh.model.AssetMetadata;
import dev.amlsh.model.CondaPackage;
import dev.amlsh.model.Environment;
import java.io.PrintWriter;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code env show} for people: the fields that decide the image, one per line. */
public final class EnvironmentText {

    private EnvironmentText() {}

    public static void print(PrintWriter out, Environment env) {
        out.println(env.name() + (env.version() == null ? " (draft)" : ":" + env.version()));
        Table rows = Table.labelled();
        var docker = env.docker();
        if (docker.baseImage() != null) {
            row(rows, "base image", docker.baseImage());
        } else if (docker.baseDockerfile() != null) {
            row(rows, "base Dockerfile", docker.baseDockerfile().lines().count() + " lines");
        } else if (docker.buildContext() != null) {
            row(rows, "build context", docker.buildContext().location());
        }
        if (docker.baseImageRegistry().address() != null) {
            row(rows, "registry", docker.baseImageRegistry().address());
        }
        if (docker.buildContext() != null) {
            row(rows, "python", "whatever the build context's Dockerfile installs (built as it is)");
        } else if (env.isUserManaged()) {
            row(rows, "python", "user-managed (" + env.python().interpreterPath() + " from the image)");
        } else if (!env.hasCondaDependencies()) {
            row(
                    rows,
                    "python",
                    "no conda dependencies (python.condaDependencies is not set): Azure ML creates no conda"
                            + " environment; " + env.python().interpreterPath() + " from the image runs");
        } else {
            var spec = env.condaSpec();
            row(rows, "python", spec.pythonVersion().orElse("unpinned") + " (conda-managed)");
            row(rows, "channels", String.join(", ", spec.channels()));
            row(
                    rows,
                    "conda",
                    spec.condaPackages().stream().map(CondaPackage::spec).collect(Collectors.joining(", ")));
            row(rows, "pip", String.join(", ", spec.pipRequirements()));
            row(rows, "conda env", EnvironmentHashes.condaEnvironmentName(spec));
        }
        row(
                rows,
                "variables",
                env.environmentVariables().entrySet().stream()
                        .map(Map.Entry::toString)
                        .collect(Collectors.joining(", ")));
        AssetMetadata metadata = env.metadata();
        if (metadata.description() != null) {
            row(rows, "description", metadata.description());
        }
        if (!metadata.tags().isEmpty()) {
            row(
                    rows,
                    "tags",
                    metadata.tags().entrySet().stream().map(Map.Entry::toString).collect(Collectors.joining(", ")));
        }
        if (metadata.osType() != null) {
            row(rows, "os_type", metadata.osType());
        }
        AssetMetadata.InferenceConfig config = metadata.inferenceConfig();
        if (config != null) {
            row(
                    rows,
                    "inference",
                    "liveness " + route(config.liveness()) + ", readiness " + route(config.readiness()) + ", scoring "
                            + route(config.scoring()));
        }
        boolean usedAsIs = env.isUserManaged() && docker.baseImage() != null;
        row(
                rows,
                "image",
                usedAsIs
                        ? "none built: Azure ML runs " + docker.baseImage() + " as it is"
                        : EnvironmentHashes.imageName(env));
        rows.print(out, "  ");
    }

    private static String route(AssetMetadata.Route route) {
        return ":" + route.port() + route.path();
    }

    private static void row(Table rows, String label, String value) {
        rows.row(label + ":", value.isEmpty() ? "-" : value);
    }
}

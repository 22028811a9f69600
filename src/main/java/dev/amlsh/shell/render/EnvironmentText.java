package dev.amlsh.shell.render;

import dev.amlsh.image.EnvironmentHashes;
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
        var docker = env.docker();
        if (docker.baseImage() != null) {
            row(out, "base image", docker.baseImage());
        } else if (docker.baseDockerfile() != null) {
            row(out, "base Dockerfile", docker.baseDockerfile().lines().count() + " lines");
        } else if (docker.buildContext() != null) {
            row(out, "build context", docker.buildContext().location());
        }
        if (docker.baseImageRegistry().address() != null) {
            row(out, "registry", docker.baseImageRegistry().address());
        }
        if (env.isUserManaged()) {
            row(out, "python", "user-managed (" + env.python().interpreterPath() + " from the image)");
        } else {
            var spec = env.condaSpec();
            row(out, "python", spec.pythonVersion().orElse("unpinned") + " (conda-managed)");
            row(out, "channels", String.join(", ", spec.channels()));
            row(out, "conda", spec.condaPackages().stream().map(CondaPackage::spec).collect(Collectors.joining(", ")));
            row(out, "pip", String.join(", ", spec.pipRequirements()));
            row(out, "conda env", EnvironmentHashes.condaEnvironmentName(spec));
        }
        row(out, "variables", env.environmentVariables().entrySet().stream()
                .map(Map.Entry::toString).collect(Collectors.joining(", ")));
        row(out, "image", EnvironmentHashes.imageName(env));
    }

    private static void row(PrintWriter out, String label, String value) {
        out.println(String.format("  %-16s %s", label + ":", value.isEmpty() ? "-" : value));
    }
}

package dev.amlsh.diff;

import dev.amlsh.image.EnvironmentHashes;
import dev.amlsh.model.AssetMetadata;
import dev.amlsh.model.BuildContext;
import dev.amlsh.model.CondaPackage;
import dev.amlsh.model.CondaSpec;
import dev.amlsh.model.ContainerRegistry;
import dev.amlsh.model.Environment;
import dev.amlsh.model.PipRequirement;
import dev.amlsh.model.Platform;
import dev.amlsh.model.SparkPackage;
import dev.amlsh.model.YamlScalars;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A semantic comparison of two environments: what changed, field by field (channels, conda
 * packages by name, pip packages by name, python version, base image, Dockerfile, build
 * context, variables, registry, platform, spark, and a v2 asset's description, tags, os_type and
 * inference_config), and its verdict: whether Azure ML would build
 * another image and whether the conda environment changes (amlsh's hashes differ).
 */
public record EnvironmentDiff(
        List<Change> changes,
        String imageBefore,
        String imageAfter,
        String condaEnvironmentBefore,
        String condaEnvironmentAfter) {

    public EnvironmentDiff {
        changes = List.copyOf(changes);
    }

    public static EnvironmentDiff of(Environment before, Environment after) {
        FieldComparison c = new FieldComparison();
        // Name and version say which environments are compared, not how they differ: two
        // versions with one definition are identical (registration would keep the version).
        compareDocker(c, before, after);
        c.value("python.userManagedDependencies", before.isUserManaged(), after.isUserManaged());
        c.value(
                "python.interpreterPath",
                before.python().interpreterPath(),
                after.python().interpreterPath());
        c.value(
                "python.baseCondaEnvironment",
                before.python().baseCondaEnvironment(),
                after.python().baseCondaEnvironment());
        if (before.hasCondaDependencies() && after.hasCondaDependencies()) {
            compareConda(c, before.condaSpec(), after.condaSpec());
        } else {
            // a definition without conda dependencies: say which side has none, not every package
            c.value("python.condaDependencies", condaSummary(before), condaSummary(after));
        }
        c.keyed(
                "variables",
                List.copyOf(before.environmentVariables().entrySet()),
                List.copyOf(after.environmentVariables().entrySet()),
                Map.Entry::getKey,
                e -> String.valueOf(e.getValue()));
        c.keyed(
                "spark.repositories",
                before.spark().repositories(),
                after.spark().repositories(),
                r -> r,
                r -> r);
        c.keyed(
                "spark.packages",
                before.spark().packages(),
                after.spark().packages(),
                p -> p.group() + ":" + p.artifact(),
                EnvironmentDiff::coordinates);
        c.value(
                "spark.precachePackages",
                before.spark().precachePackages(),
                after.spark().precachePackages());
        c.value("inferencingStackVersion", before.inferencingStackVersion(), after.inferencingStackVersion());
        compareMetadata(c, before.metadata(), after.metadata());
        return new EnvironmentDiff(
                c.changes(),
                EnvironmentHashes.imageName(before),
                EnvironmentHashes.imageName(after),
                condaName(before),
                condaName(after));
    }

    private static void compareDocker(FieldComparison c, Environment before, Environment after) {
        var a = before.docker();
        var b = after.docker();
        c.value("docker.baseImage", a.baseImage(), b.baseImage());
        c.value("docker.baseDockerfile", a.baseDockerfile(), b.baseDockerfile());
        c.value("docker.buildContext", context(a.buildContext()), context(b.buildContext()));
        c.value(
                "docker.buildContext.dockerfile",
                a.buildContext() == null ? null : a.buildContext().dockerfile(),
                b.buildContext() == null ? null : b.buildContext().dockerfile());
        ContainerRegistry ra = a.baseImageRegistry();
        ContainerRegistry rb = b.baseImageRegistry();
        c.value("docker.baseImageRegistry.address", ra.address(), rb.address());
        c.value("docker.baseImageRegistry.username", ra.username(), rb.username());
        c.value(
                "docker.baseImageRegistry.password",
                ContainerRegistry.maskPassword(ra.password()),
                ContainerRegistry.maskPassword(rb.password()));
        if (ra.password() != null && rb.password() != null && !ra.password().equals(rb.password())) {
            c.value("docker.baseImageRegistry.password", "*** (one value)", "*** (another value)");
        }
        c.value("docker.platform", platform(a.platform()), platform(b.platform()));
        c.value("docker.shmSize", a.shmSize(), b.shmSize());
        c.value("docker.arguments", String.join(" ", a.arguments()), String.join(" ", b.arguments()));
    }

    /** The v2 asset's fields: they make another version, never another image. */
    private static void compareMetadata(FieldComparison c, AssetMetadata a, AssetMetadata b) {
        c.value("description", a.description(), b.description());
        c.keyed(
                "tags",
                List.copyOf(a.tags().entrySet()),
                List.copyOf(b.tags().entrySet()),
                Map.Entry::getKey,
                Map.Entry::getValue);
        c.value("os_type", a.osType(), b.osType());
        c.value(
                "inference_config.liveness_route",
                route(a, AssetMetadata.InferenceConfig::liveness),
                route(b, AssetMetadata.InferenceConfig::liveness));
        c.value(
                "inference_config.readiness_route",
                route(a, AssetMetadata.InferenceConfig::readiness),
                route(b, AssetMetadata.InferenceConfig::readiness));
        c.value(
                "inference_config.scoring_route",
                route(a, AssetMetadata.InferenceConfig::scoring),
                route(b, AssetMetadata.InferenceConfig::scoring));
    }

    private static String route(
            AssetMetadata m, java.util.function.Function<AssetMetadata.InferenceConfig, AssetMetadata.Route> which) {
        if (m.inferenceConfig() == null) {
            return null;
        }
        AssetMetadata.Route r = which.apply(m.inferenceConfig());
        return r.port() + " " + r.path();
    }

    private static void compareConda(FieldComparison c, CondaSpec a, CondaSpec b) {
        c.value(
                "python",
                a.pythonVersion().orElse(a.python().isPresent() ? "(unpinned)" : null),
                b.pythonVersion().orElse(b.python().isPresent() ? "(unpinned)" : null));
        c.keyed("channels", a.channels(), b.channels(), ch -> ch, ch -> ch);
        c.keyed("conda", withoutPython(a), withoutPython(b), CondaPackage::name, CondaPackage::spec);
        c.keyed("pip", a.pipRequirements(), b.pipRequirements(), EnvironmentDiff::pipKey, r -> r);
        c.value("conda.prefix", a.prefix(), b.prefix());
        c.keyed(
                "conda.variables",
                List.copyOf(YamlScalars.texts(a.variables()).entrySet()),
                List.copyOf(YamlScalars.texts(b.variables()).entrySet()),
                Map.Entry::getKey,
                Map.Entry::getValue);
    }

    private static List<CondaPackage> withoutPython(CondaSpec spec) {
        List<CondaPackage> result = new ArrayList<>(spec.condaPackages());
        result.removeIf(CondaPackage::isPython);
        return result;
    }

    private static String pipKey(String line) {
        return PipRequirement.isOption(line) || !PipRequirement.hasValidName(line)
                ? line.strip()
                : PipRequirement.normalizedName(line);
    }

    private static String coordinates(SparkPackage p) {
        return p.group() + ":" + p.artifact() + ":" + p.version();
    }

    private static String context(BuildContext context) {
        return context == null
                ? null
                : context.location() + " (" + context.dockerfilePath()
                        + (context.locationType() == null ? "" : ", " + context.locationType()) + ")";
    }

    private static String platform(Platform platform) {
        return platform == null ? null : platform.os() + "/" + platform.architecture();
    }

    private static String condaName(Environment env) {
        return EnvironmentHashes.condaEnvironmentName(env);
    }

    private static String condaSummary(Environment env) {
        if (!env.hasCondaDependencies()) {
            return "none";
        }
        CondaSpec spec = env.condaSpec();
        return spec.dependencies().size() + " dependencies, " + spec.channels().size() + " channels";
    }

    /** Whether Azure ML would build another image (amlsh's image hash differs). */
    public boolean imageRebuilt() {
        return !imageBefore.equals(imageAfter);
    }

    /** Whether the conda environment differs (another name; or one side has none). */
    public boolean condaEnvironmentChanged() {
        return !java.util.Objects.equals(condaEnvironmentBefore, condaEnvironmentAfter);
    }

    public boolean identical() {
        return changes.isEmpty();
    }
}

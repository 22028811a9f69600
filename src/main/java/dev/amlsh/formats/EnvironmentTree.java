package dev.amlsh.formats;

import dev.amlsh.model.AmlshException;
import dev.amlsh.model.AssetMetadata;
import dev.amlsh.model.BuildContext;
import dev.amlsh.model.ContainerRegistry;
import dev.amlsh.model.DatabricksSection;
import dev.amlsh.model.DockerSection;
import dev.amlsh.model.Environment;
import dev.amlsh.model.EnvironmentName;
import dev.amlsh.model.Platform;
import dev.amlsh.model.PythonSection;
import dev.amlsh.model.SdkRelease;
import dev.amlsh.model.SparkPackage;
import dev.amlsh.model.SparkSection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The mapping between {@link Environment} and the SDK v1 JSON tree, by hand (the model has no annotations). */
final class EnvironmentTree {

    static final Set<String> TOP = Set.of(
            "name",
            "version",
            "environmentVariables",
            "python",
            "docker",
            "spark",
            "databricks",
            "r",
            "inferencingStackVersion",
            "assetId",
            "description",
            "tags",
            "osType",
            "inferenceConfig");
    private static final Set<String> INFERENCE_CONFIG = Set.of("livenessRoute", "readinessRoute", "scoringRoute");
    private static final Set<String> ROUTE = Set.of("port", "path");
    private static final Set<String> PYTHON = Set.of(
            "userManagedDependencies",
            "interpreterPath",
            "condaDependenciesFile",
            "baseCondaEnvironment",
            "condaDependencies");
    private static final Set<String> DOCKER = Set.of(
            "enabled",
            "baseImage",
            "baseDockerfile",
            "buildContext",
            "sharedVolumes",
            "gpuSupport",
            "shmSize",
            "arguments",
            "baseImageRegistry",
            "platform");
    private static final Set<String> REGISTRY = Set.of("address", "username", "password", "registryIdentity");
    private static final Set<String> BUILD_CONTEXT =
            Set.of("locationType", "location", "dockerfilePath", "dockerfile", "localFolder");
    private static final Set<String> PLATFORM = Set.of("os", "architecture");
    private static final Set<String> SPARK = Set.of("repositories", "packages", "precachePackages");
    private static final Set<String> SPARK_PACKAGE = Set.of("group", "artifact", "version");
    private static final Set<String> DATABRICKS =
            Set.of("mavenLibraries", "pypiLibraries", "rcranLibraries", "jarLibraries", "eggLibraries");

    private EnvironmentTree() {}

    static Map<String, Object> toTree(Environment env, EnvironmentJson.Options options) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", env.name());
        root.put("version", env.version());
        root.put("environmentVariables", env.environmentVariables());
        root.put("python", python(env.python(), options));
        root.put("docker", docker(env.docker(), options.secrets()));
        root.put("spark", spark(env.spark()));
        root.put("databricks", databricks(env.databricks()));
        root.put("r", env.r());
        root.put("inferencingStackVersion", env.inferencingStackVersion());
        root.put("assetId", env.assetId());
        metadata(root, env.metadata());
        env.extraFields().forEach(root::putIfAbsent);
        return root;
    }

    /**
     * The v2 asset's fields, each only when set, so an SDK v1 definition's JSON stays the SDK's.
     * Keys as the v2 REST API spells them ({@code EnvironmentVersion.properties}).
     */
    private static void metadata(Map<String, Object> root, AssetMetadata metadata) {
        if (metadata.description() != null) {
            root.put("description", metadata.description());
        }
        if (!metadata.tags().isEmpty()) {
            root.put("tags", metadata.tags());
        }
        if (metadata.osType() != null) {
            root.put("osType", metadata.osType());
        }
        AssetMetadata.InferenceConfig config = metadata.inferenceConfig();
        if (config != null) {
            root.put(
                    "inferenceConfig",
                    ordered(
                            "livenessRoute",
                            route(config.liveness()),
                            "readinessRoute",
                            route(config.readiness()),
                            "scoringRoute",
                            route(config.scoring())));
        }
    }

    private static Map<String, Object> route(AssetMetadata.Route route) {
        return ordered("port", (long) route.port(), "path", route.path());
    }

    private static Map<String, Object> python(PythonSection python, EnvironmentJson.Options options) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("userManagedDependencies", python.userManagedDependencies());
        tree.put("interpreterPath", python.interpreterPath());
        tree.put("condaDependenciesFile", python.condaDependenciesFile());
        tree.put("baseCondaEnvironment", python.baseCondaEnvironment());
        if (options.includeCondaDependencies() && python.hasCondaDependencies()) {
            tree.put("condaDependencies", CondaSpecTree.toTree(python.condaDependencies()));
        }
        return tree;
    }

    private static Map<String, Object> docker(DockerSection docker, Secrets secrets) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("enabled", docker.enabled());
        tree.put("baseImage", docker.baseImage());
        tree.put("baseDockerfile", docker.baseDockerfile());
        BuildContext context = docker.buildContext();
        Map<String, Object> contextTree = context == null
                ? null
                : ordered(
                        "locationType",
                        context.locationType(),
                        "location",
                        context.location(),
                        "dockerfilePath",
                        context.dockerfilePath());
        if (context != null && context.dockerfile() != null) {
            contextTree.put("dockerfile", context.dockerfile());
        }
        if (context != null && context.localFolder() != null) {
            contextTree.put("localFolder", context.localFolder());
        }
        tree.put("buildContext", contextTree);
        tree.put("sharedVolumes", docker.sharedVolumes());
        if (docker.gpuSupport() != null) {
            tree.put("gpuSupport", docker.gpuSupport());
        }
        tree.put("shmSize", docker.shmSize());
        tree.put("arguments", docker.arguments());
        ContainerRegistry registry = docker.baseImageRegistry();
        tree.put(
                "baseImageRegistry",
                ordered(
                        "address",
                        registry.address(),
                        "username",
                        registry.username(),
                        "password",
                        secrets.apply(registry.password()),
                        "registryIdentity",
                        registry.registryIdentity()));
        Platform platform = docker.platform();
        tree.put(
                "platform",
                platform == null ? null : ordered("os", platform.os(), "architecture", platform.architecture()));
        return tree;
    }

    private static Map<String, Object> spark(SparkSection spark) {
        List<Object> packages = new ArrayList<>();
        for (SparkPackage p : spark.packages()) {
            packages.add(ordered("group", p.group(), "artifact", p.artifact(), "version", p.version()));
        }
        return ordered(
                "repositories",
                spark.repositories(),
                "packages",
                packages,
                "precachePackages",
                spark.precachePackages());
    }

    private static Map<String, Object> databricks(DatabricksSection d) {
        return ordered(
                "mavenLibraries",
                d.mavenLibraries(),
                "pypiLibraries",
                d.pypiLibraries(),
                "rcranLibraries",
                d.rcranLibraries(),
                "jarLibraries",
                d.jarLibraries(),
                "eggLibraries",
                d.eggLibraries());
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    // reading

    static Environment fromTree(JsonDocument doc) {
        JsonFields root = JsonFields.of(doc, "", "", doc.root());
        if (!root.has("name")) {
            throw root.problemHere("an environment needs a 'name'");
        }
        String name = root.string("name", null);
        try {
            EnvironmentName.requireValid(name);
        } catch (AmlshException e) {
            throw root.problem("name", e.problem());
        }
        Environment defaults = Environment.create(name, SdkRelease.DEFAULT_BASE_IMAGE);
        // _deserialize_and_add_to_object starts from Environment(name, _skip_defaults=True): without
        // python.condaDependencies there are none (no default spec is made up)
        PythonSection noConda = PythonSection.withoutCondaDependencies();
        Map<String, Object> extra = new LinkedHashMap<>();
        for (String key : root.unknownKeys(TOP)) {
            extra.put(key, root.raw(key));
        }
        try {
            return new Environment(
                    name,
                    root.string("version", null),
                    root.has("environmentVariables")
                            ? printable(root, root.stringMap("environmentVariables"))
                            : defaults.environmentVariables(),
                    root.raw("python") == null ? noConda : python(root.object("python"), noConda),
                    root.raw("docker") == null ? defaults.docker() : docker(root.object("docker"), defaults.docker()),
                    root.raw("spark") == null ? SparkSection.DEFAULT : spark(root.object("spark")),
                    root.raw("databricks") == null ? DatabricksSection.EMPTY : databricks(root.object("databricks")),
                    root.raw("r"),
                    root.string("inferencingStackVersion", null),
                    root.string("assetId", null),
                    extra,
                    metadata(root));
        } catch (AmlshException e) {
            if (e.location().isPresent()) {
                throw e;
            }
            throw root.problemHere(e.problem());
        }
    }

    /** Environment variables hold no control characters (issue 10), refused at their place. */
    private static Map<String, String> printable(JsonFields root, Map<String, String> variables) {
        variables.forEach((k, v) -> {
            try {
                dev.amlsh.model.ControlCharacters.requireNone(k, "a variable name");
                dev.amlsh.model.ControlCharacters.requireNone(v, "a variable's value");
            } catch (AmlshException e) {
                throw root.problem("environmentVariables", e.problem());
            }
        });
        return variables;
    }

    private static AssetMetadata metadata(JsonFields root) {
        AssetMetadata.InferenceConfig config = null;
        if (root.raw("inferenceConfig") != null) {
            JsonFields f = root.object("inferenceConfig");
            f.rejectUnknown(INFERENCE_CONFIG);
            config = new AssetMetadata.InferenceConfig(
                    route(f, "livenessRoute"), route(f, "readinessRoute"), route(f, "scoringRoute"));
        }
        return new AssetMetadata(
                root.string("description", null),
                root.raw("tags") == null ? Map.of() : root.stringMap("tags"),
                root.string("osType", null),
                config);
    }

    private static AssetMetadata.Route route(JsonFields config, String key) {
        if (config.raw(key) == null) {
            throw config.problemHere("'" + config.qualified(key) + "' is required");
        }
        JsonFields f = config.object(key);
        f.rejectUnknown(ROUTE);
        String path = f.string("path", null);
        if (path == null || f.raw("port") == null) {
            throw f.problemHere("'" + config.qualified(key) + "' needs a port and a path");
        }
        return new AssetMetadata.Route(Math.toIntExact(f.integer("port")), path);
    }

    private static PythonSection python(JsonFields f, PythonSection defaults) {
        f.rejectUnknown(PYTHON);
        return new PythonSection(
                f.bool("userManagedDependencies", defaults.userManagedDependencies()),
                f.string("interpreterPath", defaults.interpreterPath()),
                f.string("condaDependenciesFile", null),
                f.string("baseCondaEnvironment", null),
                f.raw("condaDependencies") == null ? null : CondaSpecTree.fromTree(f.object("condaDependencies")));
    }

    private static DockerSection docker(JsonFields f, DockerSection defaults) {
        f.rejectUnknown(DOCKER);
        String dockerfile = f.string("baseDockerfile", null);
        BuildContext context = f.raw("buildContext") == null ? null : buildContext(f.object("buildContext"));
        String image = f.string("baseImage", dockerfile == null && context == null ? defaults.baseImage() : null);
        if (f.has("baseImage") && image != null) {
            try {
                dev.amlsh.model.ImageReference.parse(image);
            } catch (dev.amlsh.model.SyntaxProblem e) {
                throw f.problem("baseImage", e.as("an image reference").problem());
            }
        }
        try {
            return new DockerSection(
                    f.bool("enabled", defaults.enabled()),
                    image,
                    dockerfile,
                    context,
                    f.bool("sharedVolumes", defaults.sharedVolumes()),
                    f.string("shmSize", defaults.shmSize()),
                    f.strings("arguments"),
                    f.raw("baseImageRegistry") == null
                            ? ContainerRegistry.NONE
                            : registry(f.object("baseImageRegistry")),
                    f.has("platform") ? platform(f) : defaults.platform(),
                    f.optionalBool("gpuSupport"));
        } catch (AmlshException e) {
            throw e.location().isPresent() ? e : f.problemHere(e.problem());
        }
    }

    private static Platform platform(JsonFields docker) {
        if (docker.raw("platform") == null) {
            return null;
        }
        JsonFields f = docker.object("platform");
        f.rejectUnknown(PLATFORM);
        return new Platform(f.string("os", null), f.string("architecture", null));
    }

    private static BuildContext buildContext(JsonFields f) {
        f.rejectUnknown(BUILD_CONTEXT);
        String location = f.string("location", null);
        if (location == null) {
            throw f.problemHere("'" + f.qualified("location") + "' is required");
        }
        return new BuildContext(
                f.string("locationType", null),
                location,
                f.string("dockerfilePath", null),
                f.string("dockerfile", null),
                f.string("localFolder", null));
    }

    private static ContainerRegistry registry(JsonFields f) {
        f.rejectUnknown(REGISTRY);
        return new ContainerRegistry(
                f.string("address", null),
                f.string("username", null),
                f.string("password", null),
                f.string("registryIdentity", null));
    }

    private static SparkSection spark(JsonFields f) {
        f.rejectUnknown(SPARK);
        List<SparkPackage> packages = f.objects("packages", p -> {
            p.rejectUnknown(SPARK_PACKAGE);
            return new SparkPackage(p.string("group", null), p.string("artifact", null), p.string("version", null));
        });
        return new SparkSection(f.strings("repositories"), packages, f.bool("precachePackages", true));
    }

    private static DatabricksSection databricks(JsonFields f) {
        f.rejectUnknown(DATABRICKS);
        return new DatabricksSection(
                f.list("mavenLibraries"),
                f.list("pypiLibraries"),
                f.list("rcranLibraries"),
                f.list("jarLibraries"),
                f.list("eggLibraries"));
    }
}

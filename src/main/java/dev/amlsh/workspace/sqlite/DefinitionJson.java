package dev.amlsh.workspace.sqlite;

import dev.amlsh.model.BuildContext;
import dev.amlsh.model.CondaDependency;
import dev.amlsh.model.CondaPackage;
import dev.amlsh.model.CondaSpec;
import dev.amlsh.model.ContainerRegistry;
import dev.amlsh.model.DatabricksSection;
import dev.amlsh.model.DockerSection;
import dev.amlsh.model.Environment;
import dev.amlsh.model.PipSection;
import dev.amlsh.model.Platform;
import dev.amlsh.model.PythonSection;
import dev.amlsh.model.SparkPackage;
import dev.amlsh.model.SparkSection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The store's own mapping of an {@link Environment} to the SDK v1 JSON (the service form: camelCase
 * keys in the SDK's order, {@code python.condaDependencies} inline as the conda file's object), so
 * that {@code sqlite3 default.amlsh "select json_extract(definition,'$.docker.baseImage') from
 * versions"} works. Registry passwords never reach this class in clear: the store writes only
 * {@link #PASSWORD_SET}, the SDK's own mask, and reads that back.
 *
 * <p>Written compact (one line per definition). Keys the model does not know at the top level
 * are kept in {@code extraFields} and written after the known ones.
 */
final class DefinitionJson {

    /** What the store keeps of a registry password: that one was set. */
    static final String PASSWORD_SET = "***";

    private static final Set<String> KNOWN_KEYS = Set.of("name", "version", "environmentVariables", "python",
            "docker", "spark", "databricks", "r", "inferencingStackVersion", "assetId");

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

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

    static String write(Environment env) {
        if (env.docker().baseImageRegistry().password() != null
                && !env.docker().baseImageRegistry().password().equals(PASSWORD_SET)) {
            throw new IllegalArgumentException("a registry password must be masked before it is stored");
        }
        return MAPPER.writeValueAsString(tree(env));
    }

    static Environment read(String json) {
        Map<String, Object> root;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> parsed = MAPPER.readValue(json, LinkedHashMap.class);
            root = parsed;
        } catch (JacksonException e) {
            throw new IllegalStateException("a stored definition is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null) {
            throw new IllegalStateException("a stored definition is JSON null");
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        root.forEach((k, v) -> {
            if (!KNOWN_KEYS.contains(k)) {
                extra.put(k, v);
            }
        });
        return new Environment(str(root, "name"), str(root, "version"), stringMap(root.get("environmentVariables")),
                python(map(root.get("python"), "python")), docker(map(root.get("docker"), "docker")),
                spark(root.get("spark")), databricks(root.get("databricks")), root.get("r"),
                str(root, "inferencingStackVersion"), str(root, "assetId"), extra);
    }

    // writing

    private static Map<String, Object> tree(Environment env) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", env.name());
        root.put("version", env.version());
        root.put("environmentVariables", new LinkedHashMap<>(env.environmentVariables()));
        root.put("python", python(env.python()));
        root.put("docker", docker(env.docker()));
        Map<String, Object> spark = new LinkedHashMap<>();
        spark.put("repositories", env.spark().repositories());
        List<Object> packages = new ArrayList<>();
        for (SparkPackage p : env.spark().packages()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("group", p.group());
            m.put("artifact", p.artifact());
            m.put("version", p.version());
            packages.add(m);
        }
        spark.put("packages", packages);
        spark.put("precachePackages", env.spark().precachePackages());
        root.put("spark", spark);
        DatabricksSection db = env.databricks();
        Map<String, Object> databricks = new LinkedHashMap<>();
        databricks.put("mavenLibraries", db.mavenLibraries());
        databricks.put("pypiLibraries", db.pypiLibraries());
        databricks.put("rcranLibraries", db.rcranLibraries());
        databricks.put("jarLibraries", db.jarLibraries());
        databricks.put("eggLibraries", db.eggLibraries());
        root.put("databricks", databricks);
        root.put("r", env.r());
        root.put("inferencingStackVersion", env.inferencingStackVersion());
        root.put("assetId", env.assetId());
        env.extraFields().forEach(root::putIfAbsent);
        return root;
    }

    private static Map<String, Object> python(PythonSection python) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("userManagedDependencies", python.userManagedDependencies());
        m.put("interpreterPath", python.interpreterPath());
        m.put("condaDependenciesFile", python.condaDependenciesFile());
        m.put("baseCondaEnvironment", python.baseCondaEnvironment());
        m.put("condaDependencies", conda(python.condaDependencies()));
        return m;
    }

    private static Map<String, Object> conda(CondaSpec spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", spec.name());
        if (!spec.channels().isEmpty()) {
            m.put("channels", spec.channels());
        }
        List<Object> deps = new ArrayList<>();
        for (CondaDependency d : spec.dependencies()) {
            if (d instanceof CondaPackage p) {
                deps.add(p.spec());
            } else if (d instanceof PipSection pip) {
                deps.add(Map.of("pip", pip.requirements()));
            }
        }
        m.put("dependencies", deps);
        if (spec.prefix() != null) {
            m.put("prefix", spec.prefix());
        }
        if (!spec.variables().isEmpty()) {
            m.put("variables", new LinkedHashMap<>(spec.variables()));
        }
        return m;
    }

    private static Map<String, Object> docker(DockerSection docker) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enabled", docker.enabled());
        m.put("baseImage", docker.baseImage());
        m.put("baseDockerfile", docker.baseDockerfile());
        if (docker.buildContext() != null) {
            BuildContext c = docker.buildContext();
            Map<String, Object> ctx = new LinkedHashMap<>();
            ctx.put("locationType", c.locationType());
            ctx.put("location", c.location());
            ctx.put("dockerfilePath", c.dockerfilePath());
            m.put("buildContext", ctx);
        }
        m.put("sharedVolumes", docker.sharedVolumes());
        if (docker.gpuSupport() != null) {
            m.put("gpuSupport", docker.gpuSupport());
        }
        m.put("shmSize", docker.shmSize());
        m.put("arguments", docker.arguments());
        ContainerRegistry r = docker.baseImageRegistry();
        Map<String, Object> registry = new LinkedHashMap<>();
        registry.put("address", r.address());
        registry.put("username", r.username());
        registry.put("password", r.password());
        registry.put("registryIdentity", r.registryIdentity());
        m.put("baseImageRegistry", registry);
        if (docker.platform() != null) {
            Map<String, Object> platform = new LinkedHashMap<>();
            platform.put("os", docker.platform().os());
            platform.put("architecture", docker.platform().architecture());
            m.put("platform", platform);
        }
        return m;
    }

    // reading

    private static PythonSection python(Map<String, Object> m) {
        return new PythonSection(bool(m, "userManagedDependencies", false), str(m, "interpreterPath"),
                str(m, "condaDependenciesFile"), str(m, "baseCondaEnvironment"),
                conda(map(m.get("condaDependencies"), "python.condaDependencies")));
    }

    private static CondaSpec conda(Map<String, Object> m) {
        List<CondaDependency> deps = new ArrayList<>();
        for (Object d : list(m.get("dependencies"))) {
            if (d instanceof Map<?, ?> pip) {
                deps.add(new PipSection(strings(pip.get("pip"))));
            } else {
                deps.add(new CondaPackage(String.valueOf(d)));
            }
        }
        return new CondaSpec(str(m, "name"), strings(m.get("channels")), deps, str(m, "prefix"),
                stringMap(m.get("variables")));
    }

    private static DockerSection docker(Map<String, Object> m) {
        BuildContext context = null;
        if (m.get("buildContext") instanceof Map<?, ?>) {
            Map<String, Object> c = map(m.get("buildContext"), "docker.buildContext");
            context = new BuildContext(str(c, "locationType"), str(c, "location"), str(c, "dockerfilePath"));
        }
        ContainerRegistry registry = ContainerRegistry.NONE;
        if (m.get("baseImageRegistry") instanceof Map<?, ?>) {
            Map<String, Object> r = map(m.get("baseImageRegistry"), "docker.baseImageRegistry");
            registry = new ContainerRegistry(str(r, "address"), str(r, "username"), str(r, "password"),
                    str(r, "registryIdentity"));
        }
        Platform platform = null;
        if (m.get("platform") instanceof Map<?, ?>) {
            Map<String, Object> p = map(m.get("platform"), "docker.platform");
            platform = new Platform(str(p, "os"), str(p, "architecture"));
        }
        Boolean gpu = m.get("gpuSupport") instanceof Boolean b ? b : null;
        return new DockerSection(bool(m, "enabled", false), str(m, "baseImage"), str(m, "baseDockerfile"), context,
                bool(m, "sharedVolumes", true), str(m, "shmSize"), strings(m.get("arguments")), registry, platform,
                gpu);
    }

    private static SparkSection spark(Object value) {
        if (!(value instanceof Map<?, ?>)) {
            return SparkSection.DEFAULT;
        }
        Map<String, Object> m = map(value, "spark");
        List<SparkPackage> packages = new ArrayList<>();
        for (Object p : list(m.get("packages"))) {
            Map<String, Object> pm = map(p, "spark.packages[]");
            packages.add(new SparkPackage(str(pm, "group"), str(pm, "artifact"), str(pm, "version")));
        }
        return new SparkSection(strings(m.get("repositories")), packages, bool(m, "precachePackages", true));
    }

    private static DatabricksSection databricks(Object value) {
        if (!(value instanceof Map<?, ?>)) {
            return DatabricksSection.EMPTY;
        }
        Map<String, Object> m = map(value, "databricks");
        return new DatabricksSection(list(m.get("mavenLibraries")), list(m.get("pypiLibraries")),
                list(m.get("rcranLibraries")), list(m.get("jarLibraries")), list(m.get("eggLibraries")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String key) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalStateException("a stored definition has no object at '" + key + "'");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        for (Object o : list(value)) {
            out.add(o == null ? null : String.valueOf(o));
        }
        return out;
    }

    private static Map<String, String> stringMap(Object value) {
        Map<String, String> out = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        }
        return out;
    }

    private static String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : String.valueOf(v);
    }

    private static boolean bool(Map<String, Object> m, String key, boolean otherwise) {
        return m.get(key) instanceof Boolean b ? b : otherwise;
    }
}

package dev.amlsh.shell.render;

import dev.amlsh.model.CondaDependency;
import dev.amlsh.model.CondaPackage;
import dev.amlsh.model.CondaSpec;
import dev.amlsh.model.ContainerRegistry;
import dev.amlsh.model.DockerSection;
import dev.amlsh.model.Environment;
import dev.amlsh.model.PipSection;
import dev.amlsh.model.SparkPackage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An environment as the SDK v1 JSON object ({@code azureml_environment.json}'s fields and order),
 * for {@code env show -o json|yaml}. Registry credentials are masked as the SDK prints them.
 * Shell-side until the formats package's EnvironmentJson is on main.
 */
public final class EnvironmentViews {

    private EnvironmentViews() {}

    public static Map<String, Object> sdkV1(Environment env) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", env.name());
        m.put("version", env.version());
        m.put("assetId", env.assetId());
        m.put("environmentVariables", env.environmentVariables());
        Map<String, Object> python = new LinkedHashMap<>();
        python.put("userManagedDependencies", env.python().userManagedDependencies());
        python.put("interpreterPath", env.python().interpreterPath());
        python.put("condaDependenciesFile", env.python().condaDependenciesFile());
        python.put("baseCondaEnvironment", env.python().baseCondaEnvironment());
        python.put("condaDependencies", conda(env.condaSpec()));
        m.put("python", python);
        m.put("docker", docker(env.docker()));
        Map<String, Object> spark = new LinkedHashMap<>();
        spark.put("repositories", env.spark().repositories());
        List<Map<String, Object>> packages = new ArrayList<>();
        for (SparkPackage p : env.spark().packages()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("group", p.group());
            pm.put("artifact", p.artifact());
            pm.put("version", p.version());
            packages.add(pm);
        }
        spark.put("packages", packages);
        spark.put("precachePackages", env.spark().precachePackages());
        m.put("spark", spark);
        Map<String, Object> databricks = new LinkedHashMap<>();
        databricks.put("mavenLibraries", env.databricks().mavenLibraries());
        databricks.put("pypiLibraries", env.databricks().pypiLibraries());
        databricks.put("rcranLibraries", env.databricks().rcranLibraries());
        databricks.put("jarLibraries", env.databricks().jarLibraries());
        databricks.put("eggLibraries", env.databricks().eggLibraries());
        m.put("databricks", databricks);
        m.put("r", env.r());
        m.put("inferencingStackVersion", env.inferencingStackVersion());
        m.putAll(env.extraFields());
        return m;
    }

    public static Map<String, Object> conda(CondaSpec spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (spec.name() != null) {
            m.put("name", spec.name());
        }
        m.put("channels", spec.channels());
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
            m.put("variables", spec.variables());
        }
        return m;
    }

    private static Map<String, Object> docker(DockerSection d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enabled", d.enabled());
        m.put("baseImage", d.baseImage());
        Map<String, Object> platform = new LinkedHashMap<>();
        platform.put("os", d.platform() == null ? null : d.platform().os());
        platform.put("architecture", d.platform() == null ? null : d.platform().architecture());
        m.put("platform", platform);
        m.put("baseDockerfile", d.baseDockerfile());
        if (d.buildContext() == null) {
            m.put("buildContext", null);
        } else {
            Map<String, Object> bc = new LinkedHashMap<>();
            bc.put("locationType", d.buildContext().locationType());
            bc.put("location", d.buildContext().location());
            bc.put("dockerfilePath", d.buildContext().dockerfilePath());
            m.put("buildContext", bc);
        }
        m.put("sharedVolumes", d.sharedVolumes());
        m.put("shmSize", d.shmSize());
        m.put("arguments", d.arguments());
        ContainerRegistry r = d.baseImageRegistry().masked();
        Map<String, Object> registry = new LinkedHashMap<>();
        registry.put("address", r.address());
        registry.put("username", r.username());
        registry.put("password", r.password());
        registry.put("registryIdentity", r.registryIdentity());
        m.put("baseImageRegistry", registry);
        if (d.gpuSupport() != null) {
            m.put("gpuSupport", d.gpuSupport());
        }
        return m;
    }
}

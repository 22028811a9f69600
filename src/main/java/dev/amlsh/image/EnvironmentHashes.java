package dev.amlsh.image;

import dev.amlsh.model.BuildContext;
import dev.amlsh.model.CondaDependency;
import dev.amlsh.model.CondaPackage;
import dev.amlsh.model.CondaSpec;
import dev.amlsh.model.Environment;
import dev.amlsh.model.PipSection;
import dev.amlsh.model.Platform;
import dev.amlsh.model.PythonSection;
import dev.amlsh.model.SparkPackage;
import dev.amlsh.model.YamlScalars;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The two names Azure ML derives from an environment. Its algorithms are not public; these are
 * amlsh's emulator rules (see the README):
 * <ul>
 * <li>conda environment name: {@code azureml_} + MD5 of the canonical form of the conda spec
 *     without its {@code name};</li>
 * <li>image name: {@code azureml/azureml_} + MD5 of the canonical form of what builds the image
 *     (base image, base Dockerfile, build context, registry address, python section, Spark
 *     packages, platform), never name, version or environment variables.</li>
 * </ul>
 */
public final class EnvironmentHashes {

    public static final String CONDA_PREFIX = "azureml_";
    public static final String IMAGE_REPOSITORY = "azureml/azureml_";

    private EnvironmentHashes() {}

    public static String condaEnvironmentName(CondaSpec spec) {
        return CONDA_PREFIX + md5(canonicalCondaSpec(spec));
    }

    /**
     * The conda environment Azure ML creates, or null when it creates none ({@link
     * Environment#buildsCondaEnvironment()}).
     */
    public static String condaEnvironmentName(Environment env) {
        return env.buildsCondaEnvironment() ? condaEnvironmentName(env.condaSpec()) : null;
    }

    public static String imageName(Environment env) {
        return IMAGE_REPOSITORY + md5(canonicalImage(env));
    }

    /** The canonical form of a conda spec, without its name. */
    public static String canonicalCondaSpec(CondaSpec spec) {
        return CanonicalJson.write(condaTree(spec));
    }

    /**
     * One input of the image hash: its key in the canonical form, the definition's field it reads (its
     * path in the SDK v1 JSON) and the value it hashes. A map value hashes only its own keys: a field of
     * the definition's object that the map leaves out does not count ({@code python.condaDependenciesFile},
     * {@code docker.buildContext.localFolder}).
     */
    public record ImageInput(String key, String field, Function<Environment, Object> value) {}

    private static final List<ImageInput> IMAGE_INPUTS = List.of(
            new ImageInput("baseImage", "docker.baseImage", env -> env.docker().baseImage()),
            new ImageInput(
                    "baseDockerfile",
                    "docker.baseDockerfile",
                    env -> env.docker().baseDockerfile()),
            new ImageInput(
                    "buildContext",
                    "docker.buildContext",
                    env -> buildContext(env.docker().buildContext())),
            new ImageInput(
                    "registryAddress",
                    "docker.baseImageRegistry.address",
                    env -> env.docker().baseImageRegistry().address()),
            new ImageInput("python", "python", env -> python(env.python())),
            new ImageInput("sparkPackages", "spark.packages", env -> sparkPackages(env)),
            new ImageInput(
                    "platform", "docker.platform", env -> platform(env.docker().platform())));

    /** What the image hash reads, in the canonical form's order of declaration. */
    public static List<ImageInput> imageInputs() {
        return IMAGE_INPUTS;
    }

    /** The canonical form of everything that builds the image. */
    public static String canonicalImage(Environment env) {
        Map<String, Object> tree = new LinkedHashMap<>();
        for (ImageInput input : IMAGE_INPUTS) {
            tree.put(input.key(), input.value().apply(env));
        }
        return CanonicalJson.write(tree);
    }

    /** The canonical form of one value (as it appears inside the hashed text). */
    public static String canonical(Object value) {
        return CanonicalJson.write(value);
    }

    /** The tree the conda hash reads, before it is written canonically: its keys are the parts of a spec that count. */
    public static Map<String, Object> condaInputs(CondaSpec spec) {
        return Collections.unmodifiableMap(condaTree(spec));
    }

    private static List<Object> sparkPackages(Environment env) {
        List<Object> spark = new ArrayList<>();
        for (SparkPackage p : env.spark().packages()) {
            spark.add(map("group", p.group(), "artifact", p.artifact(), "version", p.version()));
        }
        return spark;
    }

    private static Object platform(Platform platform) {
        return platform == null ? null : map("os", platform.os(), "architecture", platform.architecture());
    }

    private static Object buildContext(BuildContext context) {
        if (context == null) {
            return null;
        }
        Map<String, Object> tree = map(
                "locationType",
                context.locationType(),
                "location",
                context.location(),
                "dockerfilePath",
                context.dockerfilePath());
        if (context.dockerfile() != null) {
            tree.put("dockerfile", context.dockerfile());
        }
        return tree;
    }

    private static Map<String, Object> python(PythonSection python) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("userManagedDependencies", python.userManagedDependencies());
        tree.put("interpreterPath", python.interpreterPath());
        tree.put("baseCondaEnvironment", python.baseCondaEnvironment());
        // null for a definition without conda dependencies (no spec: nothing to hash)
        tree.put("condaDependencies", python.hasCondaDependencies() ? condaTree(python.condaDependencies()) : null);
        return tree;
    }

    /*
     * Deliberately not formats.CondaSpecTree (the -o json view): output shapes may change, the
     * hashed form may not. FrozenCanonicalFormTest pins this text.
     */
    private static Map<String, Object> condaTree(CondaSpec spec) {
        Map<String, Object> tree = new LinkedHashMap<>();
        if (!spec.channels().isEmpty()) {
            tree.put("channels", spec.channels());
        }
        List<Object> dependencies = new ArrayList<>();
        for (CondaDependency d : spec.dependencies()) {
            if (d instanceof CondaPackage p) {
                dependencies.add(p.spec());
            } else if (d instanceof PipSection pip) {
                dependencies.add(Map.of("pip", pip.requirements()));
            }
        }
        tree.put("dependencies", dependencies);
        if (spec.prefix() != null) {
            tree.put("prefix", spec.prefix());
        }
        if (!spec.variables().isEmpty()) {
            // each value as its JSON text (8 and '8' alike), so spelling and quoting never count
            tree.put("variables", YamlScalars.texts(spec.variables()));
        }
        return tree;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    static String md5(String canonical) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}

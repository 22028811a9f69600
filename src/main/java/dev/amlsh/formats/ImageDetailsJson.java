package dev.amlsh.formats;

import dev.amlsh.image.ImageDetails;
import dev.amlsh.model.ContainerRegistry;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The image details as JSON, in a fixed order (documented, pinned by golden files):
 * <pre>
 * dockerImage       {name, registry {address, username, password}}
 * pythonEnvironment {interpreterPath, condaEnvironmentName, condaEnvironmentPath}
 * ingredients       {dockerfile, condaSpecification}
 * imageExistsInRegistry
 * warnings
 * </pre>
 * Registry credentials are always masked as the SDK prints them (user: three characters then
 * {@code ***}; password {@code ***}), whatever the details hold. 4-space indent, one trailing newline.
 */
public final class ImageDetailsJson {

    private ImageDetailsJson() {}

    public static String write(ImageDetails details) {
        return JsonText.sdk().write(toTree(details)) + "\n";
    }

    public static Map<String, Object> toTree(ImageDetails details) {
        ContainerRegistry registry = details.registry() == null ? ContainerRegistry.NONE : details.registry();
        Map<String, Object> registryTree = new LinkedHashMap<>();
        registryTree.put("address", registry.address());
        registryTree.put("username", mask(registry.username(), true));
        registryTree.put("password", mask(registry.password(), false));
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("name", details.imageName());
        image.put("registry", registryTree);
        Map<String, Object> python = new LinkedHashMap<>();
        python.put("interpreterPath", details.interpreterPath());
        python.put("condaEnvironmentName", details.condaEnvironmentName());
        python.put("condaEnvironmentPath", details.condaEnvironmentPath());
        Map<String, Object> ingredients = new LinkedHashMap<>();
        ingredients.put("dockerfile", details.dockerfile());
        ingredients.put("condaSpecification", details.condaSpecification());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("dockerImage", image);
        root.put("pythonEnvironment", python);
        root.put("ingredients", ingredients);
        root.put("imageExistsInRegistry", details.imageExistsInRegistry());
        root.put("warnings", details.warnings());
        return root;
    }

    /** Idempotent: an already masked value stays as it is. */
    private static String mask(String value, boolean username) {
        if (value == null || value.endsWith("***")) {
            return value;
        }
        return username ? ContainerRegistry.maskUsername(value) : ContainerRegistry.maskPassword(value);
    }
}

package dev.amlsh.formats;

import dev.amlsh.image.ImageDetails;
import dev.amlsh.model.ContainerRegistry;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The image details as JSON, in the key order of the service's reply (a real 2026 reply):
 * <pre>
 * imageExistsInRegistry
 * intellectualPropertyPublisher
 * imageCapabilities      {canAccessData, hasCrossTenantSupport}
 * ingredients            {dockerfile, condaSpecification} or null
 * vulnerabilityFindings  {details}
 * pythonEnvironment      {interpreterPath, condaEnvironmentName, condaEnvironmentPath}
 * dockerImage            {name, registry {address, username, password}}
 * warnings
 * </pre>
 * Registry credentials are always masked as the SDK prints them (user: three characters then
 * {@code ***}; password {@code ***}), whatever the details hold. The text form is this JSON with a
 * 4-space indent and one trailing newline (what {@code json.dumps(details, indent=4)} prints; the
 * SDK's own {@code print(details)} shows a Python dict instead).
 */
public final class ImageDetailsJson {

    private ImageDetailsJson() {}

    public static String write(ImageDetails details) {
        return JsonText.sdk().write(toTree(details)) + "\n";
    }

    public static Map<String, Object> toTree(ImageDetails details) {
        ContainerRegistry registry = details.dockerImage().registry() == null
                ? ContainerRegistry.NONE
                : details.dockerImage().registry();
        Map<String, Object> registryTree = new LinkedHashMap<>();
        registryTree.put("address", registry.address());
        registryTree.put("username", mask(registry.username(), true));
        registryTree.put("password", mask(registry.password(), false));
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("name", details.dockerImage().name());
        image.put("registry", registryTree);
        Map<String, Object> python = new LinkedHashMap<>();
        python.put("interpreterPath", details.pythonEnvironment().interpreterPath());
        python.put("condaEnvironmentName", details.pythonEnvironment().condaEnvironmentName());
        python.put("condaEnvironmentPath", details.pythonEnvironment().condaEnvironmentPath());
        Map<String, Object> ingredients = null;
        if (details.ingredients() != null) {
            ingredients = new LinkedHashMap<>();
            ingredients.put("dockerfile", details.ingredients().dockerfile());
            ingredients.put("condaSpecification", details.ingredients().condaSpecification());
        }
        Map<String, Object> capabilities = new LinkedHashMap<>();
        capabilities.put("canAccessData", details.imageCapabilities().canAccessData());
        capabilities.put("hasCrossTenantSupport", details.imageCapabilities().hasCrossTenantSupport());
        Map<String, Object> findings = new LinkedHashMap<>();
        findings.put("details", details.vulnerabilityFindings().details());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("imageExistsInRegistry", details.imageExistsInRegistry());
        root.put("intellectualPropertyPublisher", details.intellectualPropertyPublisher());
        root.put("imageCapabilities", capabilities);
        root.put("ingredients", ingredients);
        root.put("vulnerabilityFindings", findings);
        root.put("pythonEnvironment", python);
        root.put("dockerImage", image);
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

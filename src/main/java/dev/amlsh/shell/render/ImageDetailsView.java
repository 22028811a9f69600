package dev.amlsh.shell.render;

import dev.amlsh.image.ImageDetails;
import dev.amlsh.model.ContainerRegistry;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code get_image_details}' dictionary: {@code dockerImage} (name, registry), {@code pythonEnvironment},
 * {@code ingredients} (dockerfile, condaSpecification), {@code imageExistsInRegistry}, {@code warnings}.
 */
public final class ImageDetailsView {

    private ImageDetailsView() {}

    public static Map<String, Object> of(ImageDetails d) {
        Map<String, Object> registry = new LinkedHashMap<>();
        ContainerRegistry r = d.registry();
        registry.put("address", r.address());
        registry.put("username", r.username());
        registry.put("password", r.password());
        registry.put("registryIdentity", r.registryIdentity());
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("name", d.imageName());
        image.put("registry", registry);
        Map<String, Object> python = new LinkedHashMap<>();
        python.put("interpreterPath", d.interpreterPath());
        python.put("condaEnvironmentName", d.condaEnvironmentName());
        python.put("condaEnvironmentPath", d.condaEnvironmentPath());
        Map<String, Object> ingredients = new LinkedHashMap<>();
        ingredients.put("dockerfile", d.dockerfile());
        ingredients.put("condaSpecification", d.condaSpecification());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("dockerImage", image);
        view.put("pythonEnvironment", python);
        view.put("ingredients", ingredients);
        view.put("imageExistsInRegistry", d.imageExistsInRegistry());
        view.put("warnings", d.warnings());
        return view;
    }
}

package dev.amlsh.explain;

import dev.amlsh.formats.OutputJson;
import dev.amlsh.image.EnvironmentHashes;
import dev.amlsh.model.CondaPackage;
import dev.amlsh.model.CondaSpec;
import dev.amlsh.model.Environment;
import dev.amlsh.model.PipSection;
import dev.amlsh.model.PythonSection;
import dev.amlsh.model.SdkRelease;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one of amlsh's two hashes is computed from, read off {@link EnvironmentHashes} itself: the
 * fields it reads with their values in the hashed (canonical) form, and the definition's fields it
 * does not read. "Not counted" is found by walking the definition's JSON (the SDK v1 service form)
 * against the hash's declared inputs, so a field added to either shows up here without more code.
 */
public record HashExplanation(String name, List<Input> inputs, List<String> notCounted, String canonicalForm) {

    /** A field the hash reads (its path in the SDK v1 JSON) and its value as hashed. */
    public record Input(String field, String value) {}

    public HashExplanation {
        inputs = List.copyOf(inputs);
        notCounted = List.copyOf(notCounted);
    }

    /** The conda environment's name: {@code azureml_} + MD5 of the spec's canonical form. */
    public static HashExplanation conda(CondaSpec spec) {
        List<Input> inputs = new ArrayList<>();
        EnvironmentHashes.condaInputs(spec).forEach((k, v) -> inputs.add(new Input(k, EnvironmentHashes.canonical(v))));
        // every part a conda spec can have, and the ones the hash reads, from a spec that has them all
        CondaSpec full = new CondaSpec(
                "name",
                List.of("channel"),
                List.of(new CondaPackage("python=3.8"), new PipSection(List.of("pip-package"))),
                "/prefix",
                Map.of("VARIABLE", "value"));
        var read = EnvironmentHashes.condaInputs(full).keySet();
        List<String> notCounted =
                tree(full).keySet().stream().filter(k -> !read.contains(k)).toList();
        return new HashExplanation(
                EnvironmentHashes.condaEnvironmentName(spec),
                inputs,
                notCounted,
                EnvironmentHashes.canonicalCondaSpec(spec));
    }

    /** The image's name: {@code azureml/azureml_} + MD5 of the canonical form of what builds the image. */
    public static HashExplanation image(Environment env) {
        Map<String, Object> json = OutputJson.environment(env);
        List<Input> inputs = new ArrayList<>();
        List<String> read = new ArrayList<>();
        for (EnvironmentHashes.ImageInput input : EnvironmentHashes.imageInputs()) {
            Object value = input.value().apply(env);
            if (value instanceof Map<?, ?> map && !map.isEmpty()) {
                map.forEach((k, v) -> {
                    inputs.add(new Input(input.field() + "." + k, EnvironmentHashes.canonical(v)));
                    read.add(input.field() + "." + k);
                });
            } else {
                inputs.add(new Input(input.field(), EnvironmentHashes.canonical(value)));
                read.add(input.field());
            }
        }
        List<String> notCounted = new ArrayList<>();
        walk("", json, read, notCounted);
        return new HashExplanation(
                EnvironmentHashes.imageName(env), inputs, notCounted, EnvironmentHashes.canonicalImage(env));
    }

    /** A field read whole counts; a field on the way to one that is read is looked into; any other does not. */
    private static void walk(String prefix, Map<?, ?> node, List<String> read, List<String> notCounted) {
        for (Map.Entry<?, ?> entry : node.entrySet()) {
            String path = prefix + entry.getKey();
            if (read.contains(path)) {
                continue;
            }
            boolean onTheWay = read.stream().anyMatch(r -> r.startsWith(path + "."));
            if (onTheWay && entry.getValue() instanceof Map<?, ?> child) {
                walk(path + ".", child, read, notCounted);
            } else if (!onTheWay) {
                notCounted.add(path);
            }
        }
    }

    /** A spec's conda form, as the definition's JSON holds it. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> tree(CondaSpec spec) {
        Environment probe =
                Environment.create("probe", SdkRelease.DEFAULT_BASE_IMAGE).withPython(PythonSection.conda(spec));
        Map<String, Object> python =
                (Map<String, Object>) OutputJson.environment(probe).get("python");
        return (Map<String, Object>) python.get("condaDependencies");
    }
}

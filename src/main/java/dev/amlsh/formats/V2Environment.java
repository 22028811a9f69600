package dev.amlsh.formats;

import dev.amlsh.model.Environment;
import dev.amlsh.model.Immutable;
import java.util.List;
import java.util.Map;

/**
 * A v2 environment file as amlsh imports it: the SDK v1 definition it maps to, plus the v2
 * fields that are not part of that definition (Azure ML keeps {@code description} and
 * {@code tags} mutable, outside the versioned content) and the warnings the import raised.
 */
public record V2Environment(
        Environment environment,
        String description,
        Map<String, String> tags,
        InferenceConfig inferenceConfig,
        List<String> warnings) {

    public V2Environment {
        tags = Immutable.map(tags);
        warnings = Immutable.list(warnings);
    }

    /** {@code inference_config}: the three routes a serving container answers on. */
    public record InferenceConfig(Route liveness, Route readiness, Route scoring) {}

    public record Route(int port, String path) {}
}

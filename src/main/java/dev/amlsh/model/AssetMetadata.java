package dev.amlsh.model;

import java.util.Map;
import java.util.Objects;

/**
 * What a v2 environment asset holds beside its build definition ({@code az ml environment create}'s
 * {@code description}, {@code tags}, {@code os_type} and {@code inference_config}). An SDK v1
 * definition has none of them: {@link #NONE}. They are part of what registration compares (a
 * version is immutable), never of the image hash (they change nothing Azure ML builds).
 */
public record AssetMetadata(
        String description, Map<String, String> tags, String osType, InferenceConfig inferenceConfig) {

    public static final AssetMetadata NONE = new AssetMetadata(null, Map.of(), null, null);

    public AssetMetadata {
        tags = Immutable.map(tags);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    public AssetMetadata withDescription(String value) {
        return new AssetMetadata(value, tags, osType, inferenceConfig);
    }

    public AssetMetadata withTags(Map<String, String> value) {
        return new AssetMetadata(description, value, osType, inferenceConfig);
    }

    /** {@code inference_config}: the three routes a serving container answers on (all required). */
    public record InferenceConfig(Route liveness, Route readiness, Route scoring) {

        public InferenceConfig {
            Objects.requireNonNull(liveness, "liveness_route");
            Objects.requireNonNull(readiness, "readiness_route");
            Objects.requireNonNull(scoring, "scoring_route");
        }
    }

    /** One route: a port and a path. */
    public record Route(int port, String path) {

        public Route {
            Objects.requireNonNull(path, "path");
        }
    }
}

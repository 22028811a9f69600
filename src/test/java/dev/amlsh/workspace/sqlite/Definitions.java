package dev.amlsh.workspace.sqlite;

import dev.amlsh.model.AssetMetadata;
import dev.amlsh.model.BuildContext;
import dev.amlsh.model.ContainerRegistry;
import dev.amlsh.model.DatabricksSection;
import dev.amlsh.model.Environment;
import dev.amlsh.model.Platform;
import dev.amlsh.model.SdkRelease;
import dev.amlsh.model.SparkPackage;
import dev.amlsh.model.SparkSection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Environments for the store's tests, its child JVMs and its benchmark. */
public final class Definitions {

    private Definitions() {}

    /** The SDK's default environment, changed by one pip package per {@code n}: each n is a new definition. */
    public static Environment numbered(String name, String writer, int n) {
        return Environment.create(name, SdkRelease.DEFAULT_BASE_IMAGE)
                .withCondaSpec(s -> s.addPipPackage("pkg-" + writer + "==" + n))
                .withVariable("WRITER", writer);
    }

    /** Every section of the model set to something other than its default. */
    public static Environment rich(String name) {
        Environment env = Environment.create(name, SdkRelease.DEFAULT_BASE_IMAGE)
                .withCondaSpec(s ->
                        s.addChannel("pytorch").addCondaPackage("numpy=1.24").addPipPackage("torch==2.0.1"))
                .withVariable("MODE", "train")
                .withVariable("EMPTY", null);
        env = env.withDocker(env.docker()
                .withBuildContext(new BuildContext("git", "https://example.org/ctx.git", "docker/Dockerfile"), w -> {})
                .withRegistry(new ContainerRegistry("myacr.azurecr.io", "deployer", "s3cret-Pa55", null))
                .withPlatform(new Platform("Linux", "arm64")));
        env = env.withSpark(new SparkSection(
                List.of("https://repo.example.org"), List.of(new SparkPackage("com.example", "lib", "1.2")), false));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("futureField", Map.of("nested", List.of(1L, "two", true)));
        return new Environment(
                env.name(),
                env.version(),
                env.environmentVariables(),
                env.python(),
                env.docker(),
                env.spark(),
                new DatabricksSection(
                        List.of(Map.of("coordinates", "a:b:1")),
                        List.of(),
                        List.of(),
                        List.of("dbfs:/x.jar"),
                        List.of()),
                Map.of("rVersion", "4.2"),
                "latest",
                null,
                extra,
                new AssetMetadata(
                        "every field: \"quoted\", héllo",
                        Map.of("team", "vision", "stage", ""),
                        "linux",
                        new AssetMetadata.InferenceConfig(
                                new AssetMetadata.Route(5001, "/"),
                                new AssetMetadata.Route(5001, "/ready"),
                                new AssetMetadata.Route(5001, "/score"))));
    }
}

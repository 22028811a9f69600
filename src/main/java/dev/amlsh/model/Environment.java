package dev.amlsh.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * An Azure ML environment definition (SDK v1 {@code azureml.core.Environment}), field for field
 * and in the SDK's order. {@code extraFields} keeps top-level keys written by other SDK
 * releases that amlsh does not model, so that loading and saving loses nothing. {@code metadata}
 * holds what a v2 asset adds (description, tags, os_type, inference_config); v1 has none.
 */
public record Environment(
        String name,
        String version,
        Map<String, String> environmentVariables,
        PythonSection python,
        DockerSection docker,
        SparkSection spark,
        DatabricksSection databricks,
        Object r,
        String inferencingStackVersion,
        String assetId,
        Map<String, Object> extraFields,
        AssetMetadata metadata) {

    public Environment {
        Objects.requireNonNull(python, "python cannot be removed from an environment");
        Objects.requireNonNull(docker, "docker");
        environmentVariables = Immutable.map(environmentVariables);
        spark = spark == null ? SparkSection.DEFAULT : spark;
        databricks = databricks == null ? DatabricksSection.EMPTY : databricks;
        extraFields = Immutable.map(extraFields);
        metadata = metadata == null ? AssetMetadata.NONE : metadata;
    }

    /** {@code Environment(name)}: the SDK's defaults on the given base image. */
    public static Environment create(String name, String defaultBaseImage) {
        return new Environment(name, null, SdkRelease.DEFAULT_ENVIRONMENT_VARIABLES,
                PythonSection.conda(SdkRelease.defaultCondaSpec()), DockerSection.onImage(defaultBaseImage),
                SparkSection.DEFAULT, DatabricksSection.EMPTY, null, null, null, Map.of(), AssetMetadata.NONE);
    }

    public boolean isUserManaged() {
        return python.userManagedDependencies();
    }

    /**
     * Whether Azure ML creates a conda environment for this definition: not user-managed, and
     * with conda dependencies (without them there is no spec to create one from).
     */
    public boolean buildsCondaEnvironment() {
        return !isUserManaged() && hasCondaDependencies();
    }

    /** Whether {@code python.condaDependencies} is set (see {@link PythonSection}). */
    public boolean hasCondaDependencies() {
        return python.hasCondaDependencies();
    }

    /**
     * The conda dependencies; for a definition without them, an error that says so (what
     * {@code env conda-spec} and {@code env conda-file} print, exit 1). Check
     * {@link #hasCondaDependencies()} where having none is a state to handle, not an error.
     */
    public CondaSpec condaSpec() {
        if (!python.hasCondaDependencies()) {
            throw new AmlshException(withoutCondaMessage());
        }
        return python.condaDependencies();
    }

    private String withoutCondaMessage() {
        return (name == null ? "the environment" : name) + " has no conda dependencies (python.condaDependencies is not set,"
                + " as when a saved folder has no " + "conda_dependencies.yml)";
    }

    public Environment withName(String newName) {
        return new Environment(newName, version, environmentVariables, python, docker, spark, databricks, r,
                inferencingStackVersion, assetId, extraFields, metadata);
    }

    public Environment withVersion(String newVersion) {
        return new Environment(name, newVersion, environmentVariables, python, docker, spark, databricks, r,
                inferencingStackVersion, assetId, extraFields, metadata);
    }

    public Environment withAssetId(String newAssetId) {
        return new Environment(name, version, environmentVariables, python, docker, spark, databricks, r,
                inferencingStackVersion, newAssetId, extraFields, metadata);
    }

    public Environment withPython(PythonSection newPython) {
        return new Environment(name, version, environmentVariables, newPython, docker, spark, databricks, r,
                inferencingStackVersion, assetId, extraFields, metadata);
    }

    public Environment withDocker(DockerSection newDocker) {
        return new Environment(name, version, environmentVariables, python, newDocker, spark, databricks, r,
                inferencingStackVersion, assetId, extraFields, metadata);
    }

    public Environment withSpark(SparkSection newSpark) {
        return new Environment(name, version, environmentVariables, python, docker, newSpark, databricks, r,
                inferencingStackVersion, assetId, extraFields, metadata);
    }

    public Environment withEnvironmentVariables(Map<String, String> variables) {
        return new Environment(name, version, variables, python, docker, spark, databricks, r,
                inferencingStackVersion, assetId, extraFields, metadata);
    }

    public Environment withMetadata(AssetMetadata newMetadata) {
        return new Environment(name, version, environmentVariables, python, docker, spark, databricks, r,
                inferencingStackVersion, assetId, extraFields, newMetadata);
    }

    /** An edit of the conda dependencies; a definition without them has nothing to edit (the SDK fails on None). */
    public Environment withCondaSpec(UnaryOperator<CondaSpec> edit) {
        if (!python.hasCondaDependencies()) {
            throw new AmlshException(withoutCondaMessage() + ": there is nothing to edit; create the environment"
                    + " from a conda file (env create NAME --conda-file FILE)");
        }
        return withPython(python.withCondaDependencies(edit.apply(python.condaDependencies())));
    }

    public Environment withBaseImage(String image, Consumer<String> warnings) {
        return withDocker(docker.withBaseImage(image, warnings));
    }

    public Environment withVariable(String key, String value) {
        ControlCharacters.requireNone(key, "a variable name");
        ControlCharacters.requireNone(value, "a variable's value");
        Map<String, String> vars = new LinkedHashMap<>(environmentVariables);
        vars.put(key, value);
        return withEnvironmentVariables(vars);
    }

    public Environment withoutVariable(String key) {
        if (!environmentVariables.containsKey(key)) {
            throw new AmlshException("no environment variable '" + key + "' in " + name);
        }
        Map<String, String> vars = new LinkedHashMap<>(environmentVariables);
        vars.remove(key);
        return withEnvironmentVariables(vars);
    }

    /** {@code clone(new_name)}: a deep copy (records are immutable) with version and asset id reset. */
    public Environment cloneAs(String newName) {
        return withName(EnvironmentName.requireValid(newName)).withVersion(null).withAssetId(null);
    }

    /**
     * What registration compares: the whole definition but its name, version and asset id (the
     * v2 metadata included: a registered version never changes).
     */
    public Environment definition() {
        return withName(null).withVersion(null).withAssetId(null);
    }

    public boolean sameDefinitionAs(Environment other) {
        return definition().equals(other.definition());
    }
}

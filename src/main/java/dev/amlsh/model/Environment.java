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
 *
 * <p>{@code condaFile} is the conda file's written form (comments, layout) when the definition
 * came from a file or from the SDK's default; null for the service form (a registered version).
 * Every change of the python section makes it follow the new spec. Equality ignores it: two
 * definitions that differ only in comments are the same definition.
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
        AssetMetadata metadata,
        CondaFileText condaFile) {

    public Environment {
        Objects.requireNonNull(python, "python cannot be removed from an environment");
        Objects.requireNonNull(docker, "docker");
        environmentVariables = Immutable.map(environmentVariables);
        spark = spark == null ? SparkSection.DEFAULT : spark;
        databricks = databricks == null ? DatabricksSection.EMPTY : databricks;
        extraFields = Immutable.map(extraFields);
        metadata = metadata == null ? AssetMetadata.NONE : metadata;
    }

    /** A definition without a written conda form (the service form). */
    public Environment(
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
        this(
                name,
                version,
                environmentVariables,
                python,
                docker,
                spark,
                databricks,
                r,
                inferencingStackVersion,
                assetId,
                extraFields,
                metadata,
                null);
    }

    /** {@code Environment(name)}: the SDK's defaults on the given base image. */
    public static Environment create(String name, String defaultBaseImage) {
        return new Environment(
                name,
                null,
                SdkRelease.DEFAULT_ENVIRONMENT_VARIABLES,
                PythonSection.conda(SdkRelease.defaultCondaSpec()),
                DockerSection.onImage(defaultBaseImage),
                SparkSection.DEFAULT,
                DatabricksSection.EMPTY,
                null,
                null,
                null,
                Map.of(),
                AssetMetadata.NONE);
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
        return (name == null ? "the environment" : name)
                + " has no conda dependencies (python.condaDependencies is not set," + " as when a saved folder has no "
                + "conda_dependencies.yml)";
    }

    public Environment withName(String newName) {
        return new Environment(
                newName,
                version,
                environmentVariables,
                python,
                docker,
                spark,
                databricks,
                r,
                inferencingStackVersion,
                assetId,
                extraFields,
                metadata,
                condaFile);
    }

    public Environment withVersion(String newVersion) {
        return new Environment(
                name,
                newVersion,
                environmentVariables,
                python,
                docker,
                spark,
                databricks,
                r,
                inferencingStackVersion,
                assetId,
                extraFields,
                metadata,
                condaFile);
    }

    public Environment withAssetId(String newAssetId) {
        return new Environment(
                name,
                version,
                environmentVariables,
                python,
                docker,
                spark,
                databricks,
                r,
                inferencingStackVersion,
                newAssetId,
                extraFields,
                metadata,
                condaFile);
    }

    /** A new python section; the conda file's written form follows its spec. */
    public Environment withPython(PythonSection newPython) {
        // no conda dependencies: no conda file either
        CondaFileText followed = condaFile == null || !newPython.hasCondaDependencies()
                ? null
                : condaFile.follow(newPython.condaDependencies());
        return new Environment(
                name,
                version,
                environmentVariables,
                newPython,
                docker,
                spark,
                databricks,
                r,
                inferencingStackVersion,
                assetId,
                extraFields,
                metadata,
                followed);
    }

    /** The conda file's written form, brought in line with this definition's spec; null drops it. */
    public Environment withCondaFile(CondaFileText form) {
        CondaFileText followed =
                form == null || !python.hasCondaDependencies() ? null : form.follow(python.condaDependencies());
        return new Environment(
                name,
                version,
                environmentVariables,
                python,
                docker,
                spark,
                databricks,
                r,
                inferencingStackVersion,
                assetId,
                extraFields,
                metadata,
                followed);
    }

    public Environment withDocker(DockerSection newDocker) {
        return new Environment(
                name,
                version,
                environmentVariables,
                python,
                newDocker,
                spark,
                databricks,
                r,
                inferencingStackVersion,
                assetId,
                extraFields,
                metadata,
                condaFile);
    }

    public Environment withSpark(SparkSection newSpark) {
        return new Environment(
                name,
                version,
                environmentVariables,
                python,
                docker,
                newSpark,
                databricks,
                r,
                inferencingStackVersion,
                assetId,
                extraFields,
                metadata,
                condaFile);
    }

    public Environment withEnvironmentVariables(Map<String, String> variables) {
        return new Environment(
                name,
                version,
                variables,
                python,
                docker,
                spark,
                databricks,
                r,
                inferencingStackVersion,
                assetId,
                extraFields,
                metadata,
                condaFile);
    }

    public Environment withMetadata(AssetMetadata newMetadata) {
        return new Environment(
                name,
                version,
                environmentVariables,
                python,
                docker,
                spark,
                databricks,
                r,
                inferencingStackVersion,
                assetId,
                extraFields,
                newMetadata,
                condaFile);
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

    /** Equality of definitions: every field but the conda file's written form. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Environment e
                && Objects.equals(name, e.name)
                && Objects.equals(version, e.version)
                && environmentVariables.equals(e.environmentVariables)
                && python.equals(e.python)
                && docker.equals(e.docker)
                && spark.equals(e.spark)
                && databricks.equals(e.databricks)
                && Objects.equals(r, e.r)
                && Objects.equals(inferencingStackVersion, e.inferencingStackVersion)
                && Objects.equals(assetId, e.assetId)
                && extraFields.equals(e.extraFields)
                && metadata.equals(e.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                name,
                version,
                environmentVariables,
                python,
                docker,
                spark,
                databricks,
                r,
                inferencingStackVersion,
                assetId,
                extraFields,
                metadata);
    }
}

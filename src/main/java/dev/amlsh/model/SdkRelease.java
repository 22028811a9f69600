package dev.amlsh.model;

import java.util.List;
import java.util.Map;

/**
 * The azureml-core release amlsh emulates, stated once. Everything that depends on "what the
 * SDK does by default" reads it from here; the README quotes the same values.
 */
public final class SdkRelease {

    /** The SDK line whose defaults these are (azureml-core 1.x, the releases since the 2022 image change). */
    public static final String NAME = "azureml-core 1.x (SDK v1), 2022+ defaults";

    public static final String DEFAULT_BASE_IMAGE = "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest";

    public static final String DEFAULT_PYTHON_VERSION = "3.8.13";

    public static final Map<String, String> DEFAULT_ENVIRONMENT_VARIABLES = Map.of("EXAMPLE_ENV_VAR", "EXAMPLE_VALUE");

    private SdkRelease() {}

    /** The SDK's default conda spec: python, pip with azureml-defaults, anaconda and conda-forge. */
    public static CondaSpec defaultCondaSpec() {
        return CondaSpec.of("project_environment", List.of("anaconda", "conda-forge"),
                List.of(new CondaPackage("python=" + DEFAULT_PYTHON_VERSION), new PipSection(List.of("azureml-defaults"))));
    }
}

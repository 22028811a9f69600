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

    /**
     * {@code CondaDependencies.create(pip_indexurl, pip_packages, conda_packages, python_version,
     * pin_sdk_version=False)}: the default spec, then the index URL ({@code --index-url URL} and
     * {@code --extra-index-url https://pypi.python.org/simple}), the python version, the pip
     * packages (given ones replace {@code azureml-defaults}; null keeps it) and the conda packages
     * (each removed, then added). Pinning azureml packages to the installed SDK's version
     * ({@code pin_sdk_version=True}) needs an installed SDK, which amlsh has not.
     */
    public static CondaSpec create(
            String pipIndexUrl, List<String> pipPackages, List<String> condaPackages, String pythonVersion) {
        CondaSpec spec = defaultCondaSpec();
        if (pipIndexUrl != null) {
            spec = spec.setPipOption("--index-url " + pipIndexUrl)
                    .setPipOption("--extra-index-url https://pypi.python.org/simple");
        }
        spec = spec.setPythonVersion(pythonVersion == null ? DEFAULT_PYTHON_VERSION : pythonVersion);
        List<String> pip = pipPackages == null ? List.of("azureml-defaults") : pipPackages;
        if (pipPackages != null) {
            for (String listed : spec.pipRequirements().stream()
                    .filter(p -> !SdkPackageNames.isOption(p))
                    .toList()) {
                spec = spec.removePipPackage(listed);
            }
        }
        for (String p : pip) {
            spec = spec.addPipPackage(p);
        }
        if (condaPackages != null) {
            for (String c : condaPackages) {
                spec = spec.removeCondaPackage(c);
            }
            for (String c : condaPackages) {
                spec = spec.addCondaPackage(c);
            }
        }
        return spec;
    }

    /** The SDK's default conda spec: python, pip with azureml-defaults, anaconda and conda-forge. */
    public static CondaSpec defaultCondaSpec() {
        return CondaSpec.of(
                "project_environment",
                List.of("anaconda", "conda-forge"),
                List.of(
                        new CondaPackage("python=" + DEFAULT_PYTHON_VERSION),
                        new PipSection(List.of("azureml-defaults"))));
    }
}

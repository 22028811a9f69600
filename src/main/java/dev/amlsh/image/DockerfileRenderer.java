package dev.amlsh.image;

import dev.amlsh.model.AmlshException;
import dev.amlsh.model.Environment;

/**
 * The Dockerfile Azure ML generates for an environment.
 * <ul>
 * <li>conda-managed on a base image: Azure ML's template, exactly (the seed page);</li>
 * <li>user-managed ({@code userManagedDependencies}): the same without the conda layer (the
 *     {@code COPY}/{@code RUN} of the conda file, its comment and the three {@code ENV} lines);</li>
 * <li>a base Dockerfile: the user's content first, then the Python layer from {@code USER root} on;</li>
 * <li>a build context whose Dockerfile amlsh read at import: that content first, then the Python
 *     layer, as for a base Dockerfile;</li>
 * <li>a build context amlsh cannot see (remote): a commented stub naming the context, then the
 *     Python layer.</li>
 * </ul>
 * The last three shapes are emulator rules: Azure ML's exact text for them is not public.
 */
public final class DockerfileRenderer {

    private static final String HEADER = """
            USER root
            RUN mkdir -p $HOME/.cache
            WORKDIR /
            COPY azureml-environment-setup/99brokenproxy /etc/apt/apt.conf.d/
            RUN if dpkg --compare-versions `conda --version | grep -oE '[^ ]+$'` lt 4.4.11; then conda install conda==4.4.11; fi
            """;

    private static final String CONDA_LAYER = """
            COPY azureml-environment-setup/mutated_conda_dependencies.yml azureml-environment-setup/mutated_conda_dependencies.yml
            RUN ldconfig /usr/local/cuda/lib64/stubs && conda env create -p /azureml-envs/{ENV} -f azureml-environment-setup/mutated_conda_dependencies.yml && rm -rf "$HOME/.cache/pip" && conda clean -aqy && CONDA_ROOT_DIR=$(conda info --root) && rm -rf "$CONDA_ROOT_DIR/pkgs" && find "$CONDA_ROOT_DIR" -type d -name __pycache__ -exec rm -rf {} + && ldconfig
            # AzureML Conda environment name: {ENV}
            ENV PATH /azureml-envs/{ENV}/bin:$PATH
            ENV AZUREML_CONDA_ENVIRONMENT_PATH /azureml-envs/{ENV}
            ENV LD_LIBRARY_PATH /azureml-envs/{ENV}/lib:$LD_LIBRARY_PATH
            """;

    private static final String FOOTER = """
            COPY azureml-environment-setup/spark_cache.py azureml-environment-setup/log4j.properties /azureml-environment-setup/
            RUN if [ $SPARK_HOME ]; then /bin/bash -c '$SPARK_HOME/bin/spark-submit  /azureml-environment-setup/spark_cache.py'; fi
            ENV AZUREML_ENVIRONMENT_IMAGE True
            CMD ["bash"]
            """;

    private final BaseImageCatalog catalog;

    public DockerfileRenderer(BaseImageCatalog catalog) {
        this.catalog = catalog;
    }

    public String render(Environment env) {
        StringBuilder out = new StringBuilder();
        var docker = env.docker();
        if (docker.baseDockerfile() != null) {
            appendUserDockerfile(out, docker.baseDockerfile());
        } else if (docker.buildContext() != null && docker.buildContext().dockerfile() != null) {
            appendUserDockerfile(out, docker.buildContext().dockerfile());
        } else if (docker.buildContext() != null) {
            var context = docker.buildContext();
            out.append("# amlsh: Azure ML builds ").append(context.dockerfilePath()).append(" from the build context ")
                    .append(context.location()).append('\n');
            out.append("# amlsh: its content is not part of the environment definition, so it is not shown here\n");
        } else if (docker.baseImage() != null) {
            out.append("FROM ").append(catalog.pinned(docker.baseImage())).append('\n');
        } else {
            throw new AmlshException("environment " + env.name()
                    + " has no base image, base Dockerfile or build context: there is nothing to build on");
        }
        out.append(HEADER);
        if (!env.isUserManaged()) {
            out.append(CONDA_LAYER.replace("{ENV}", EnvironmentHashes.condaEnvironmentName(env.condaSpec())));
        }
        out.append(FOOTER);
        return out.toString();
    }

    private static void appendUserDockerfile(StringBuilder out, String content) {
        out.append(content);
        if (!content.endsWith("\n")) {
            out.append('\n');
        }
    }
}

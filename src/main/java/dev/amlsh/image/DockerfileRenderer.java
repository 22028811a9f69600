package dev.amlsh.image;

import dev.amlsh.model.AmlshException;
import dev.amlsh.model.BuildContext;
import dev.amlsh.model.Environment;

/**
 * What Azure ML builds for an environment ({@link ImageBuild}), and the Dockerfile it builds.
 * <ul>
 * <li>conda-managed on a base image: Azure ML's template, exactly (the seed page);</li>
 * <li>user-managed on a base image: no Dockerfile, the image is used as it is;</li>
 * <li>a base Dockerfile: the user's content first, then the Python layer from {@code USER root} on
 *     (without the conda layer when user-managed): an emulator rule, Azure ML's text is not public;</li>
 * <li>a build context: the user's Dockerfile unchanged, when amlsh read it (a local folder, at import);
 *     a remote one is not known offline.</li>
 * </ul>
 */
public final class DockerfileRenderer {

    // A '\' at a line's end is Java's text-block joiner (lines stay within 120 columns): each instruction is one
    // line in the Dockerfile, as Azure ML writes it.
    private static final String HEADER = """
            USER root
            RUN mkdir -p $HOME/.cache
            WORKDIR /
            COPY azureml-environment-setup/99brokenproxy /etc/apt/apt.conf.d/
            RUN if dpkg --compare-versions `conda --version | grep -oE '[^ ]+$'` lt 4.4.11; then conda install \
            conda==4.4.11; fi
            """;

    private static final String CONDA_LAYER = """
            COPY azureml-environment-setup/mutated_conda_dependencies.yml \
            azureml-environment-setup/mutated_conda_dependencies.yml
            RUN ldconfig /usr/local/cuda/lib64/stubs && conda env create -p /azureml-envs/{ENV} -f \
            azureml-environment-setup/mutated_conda_dependencies.yml && rm -rf "$HOME/.cache/pip" && conda clean -aqy \
            && CONDA_ROOT_DIR=$(conda info --root) && rm -rf "$CONDA_ROOT_DIR/pkgs" && find "$CONDA_ROOT_DIR" -type d \
            -name __pycache__ -exec rm -rf {} + && ldconfig
            # AzureML Conda environment name: {ENV}
            ENV PATH /azureml-envs/{ENV}/bin:$PATH
            ENV AZUREML_CONDA_ENVIRONMENT_PATH /azureml-envs/{ENV}
            ENV LD_LIBRARY_PATH /azureml-envs/{ENV}/lib:$LD_LIBRARY_PATH
            """;

    private static final String FOOTER = """
            COPY azureml-environment-setup/spark_cache.py azureml-environment-setup/log4j.properties \
            /azureml-environment-setup/
            RUN if [ $SPARK_HOME ]; then /bin/bash -c \
            '$SPARK_HOME/bin/spark-submit  /azureml-environment-setup/spark_cache.py'; fi
            ENV AZUREML_ENVIRONMENT_IMAGE True
            CMD ["bash"]
            """;

    private final BaseImageCatalog catalog;

    public DockerfileRenderer(BaseImageCatalog catalog) {
        this.catalog = catalog;
    }

    /** What Azure ML does to get the environment's image. */
    public ImageBuild plan(Environment env) {
        var docker = env.docker();
        if (docker.buildContext() != null) {
            BuildContext context = docker.buildContext();
            return context.dockerfile() == null
                    ? new ImageBuild.UnseenContext(context)
                    : new ImageBuild.AsIs(context, context.dockerfile());
        }
        if (docker.baseDockerfile() == null && docker.baseImage() != null && env.isUserManaged()) {
            return new ImageBuild.ImageAsGiven(docker.baseImage());
        }
        StringBuilder out = new StringBuilder();
        if (docker.baseDockerfile() != null) {
            appendUserDockerfile(out, docker.baseDockerfile());
        } else if (docker.baseImage() != null) {
            out.append("FROM ").append(catalog.pinned(docker.baseImage())).append('\n');
        } else {
            throw new AmlshException("environment " + env.name()
                    + " has no base image, base Dockerfile or build context: there is nothing to build on");
        }
        out.append(HEADER);
        if (env.buildsCondaEnvironment()) {
            out.append(CONDA_LAYER.replace("{ENV}", EnvironmentHashes.condaEnvironmentName(env.condaSpec())));
        }
        out.append(FOOTER);
        return new ImageBuild.Generated(out.toString());
    }

    /** The Dockerfile Azure ML builds; an error that says why when there is none to show. */
    public String render(Environment env) {
        ImageBuild build = plan(env);
        if (build.dockerfile() != null) {
            return build.dockerfile();
        }
        throw new AmlshException(noDockerfile(env.name(), build));
    }

    /** Why an environment has no Dockerfile amlsh can show (empty when it has one). */
    public static String noDockerfile(String name, ImageBuild build) {
        if (build instanceof ImageBuild.ImageAsGiven given) {
            return name + " is user-managed on a base image: Azure ML builds no image for it, the compute pulls "
                    + given.image() + " and runs it as it is (there is no Dockerfile)";
        }
        if (build instanceof ImageBuild.UnseenContext unseen) {
            return name + " is built from the build context " + unseen.context().location() + " as it is, and amlsh"
                    + " cannot read a remote context: its " + unseen.context().dockerfilePath()
                    + " is not known offline";
        }
        return "";
    }

    private static void appendUserDockerfile(StringBuilder out, String content) {
        out.append(content);
        if (!content.endsWith("\n")) {
            out.append('\n');
        }
    }
}

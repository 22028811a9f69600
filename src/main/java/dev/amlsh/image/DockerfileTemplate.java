package dev.amlsh.image;

import java.util.List;
import java.util.Optional;

/**
 * Azure ML's Dockerfile template after its {@code FROM} (the seed page's lines, reference §2), line by line,
 * each instruction with what it does and why Azure ML has it. {@link DockerfileRenderer} writes the
 * Dockerfile from these lines and {@code env dockerfile --explain} comments it from the same lines, so the
 * explanation of an instruction can never be attached to another. {@code {ENV}} stands for the conda
 * environment's name.
 */
public final class DockerfileTemplate {

    /** The layers of the template, in build order. */
    public enum Part {
        /** Root, the cache folder, the working folder, apt's proxy settings, a recent enough conda. */
        SETUP,
        /** The conda environment from the mutated conda file (left out when Azure ML builds none). */
        CONDA,
        /** Spark's package cache, the image marker, the default command. */
        FINISH
    }

    /**
     * One line of the template: an instruction with its purpose, or a comment line Azure ML writes itself
     * ({@code purpose} null).
     */
    public record Line(String text, Part part, String purpose) {

        public boolean isComment() {
            return text.startsWith("#");
        }

        /** The line for an environment: {@code {ENV}} replaced by its conda environment name. */
        public String render(String condaEnvironmentName) {
            return condaEnvironmentName == null ? text : text.replace("{ENV}", condaEnvironmentName);
        }
    }

    public static final String ENV = "{ENV}";

    // The long RUN lines are one line each in the Dockerfile, as Azure ML writes them: they are cut here with +.
    private static final List<Line> LINES = List.of(
            new Line(
                    "USER root",
                    Part.SETUP,
                    "build as root: the steps below write system folders (/etc/apt, /azureml-envs)"),
            new Line(
                    "RUN mkdir -p $HOME/.cache",
                    Part.SETUP,
                    "make sure root's cache folder exists: pip keeps its downloads in it (the conda step deletes"
                            + " $HOME/.cache/pip)"),
            new Line(
                    "WORKDIR /",
                    Part.SETUP,
                    "work from /: the relative azureml-environment-setup/ paths below are under /"),
            new Line(
                    "COPY azureml-environment-setup/99brokenproxy /etc/apt/apt.conf.d/",
                    Part.SETUP,
                    "apt settings of Azure ML's for HTTP proxies that break apt's requests, so that apt-get"
                            + " works in the build (env build-context writes a stand-in)"),
            new Line(
                    "RUN if dpkg --compare-versions `conda --version | grep -oE '[^ ]+$'` lt 4.4.11; then conda"
                            + " install conda==4.4.11; fi",
                    Part.SETUP,
                    "upgrade the base image's conda to 4.4.11 when it is older: the least version Azure ML"
                            + " builds with"),
            new Line(
                    "COPY azureml-environment-setup/mutated_conda_dependencies.yml"
                            + " azureml-environment-setup/mutated_conda_dependencies.yml",
                    Part.CONDA,
                    "the conda file Azure ML generated from the environment (env conda-spec) goes into the image"),
            new Line(
                    "RUN ldconfig /usr/local/cuda/lib64/stubs && conda env create -p /azureml-envs/{ENV} -f"
                            + " azureml-environment-setup/mutated_conda_dependencies.yml && rm -rf \"$HOME/.cache/pip\""
                            + " && conda clean -aqy && CONDA_ROOT_DIR=$(conda info --root) && rm -rf"
                            + " \"$CONDA_ROOT_DIR/pkgs\" && find \"$CONDA_ROOT_DIR\" -type d -name __pycache__ -exec"
                            + " rm -rf {} + && ldconfig",
                    Part.CONDA,
                    "create the conda environment /azureml-envs/{ENV} from that file, then delete pip's and"
                            + " conda's caches to keep the image small (ldconfig: CUDA's stubs, for GPU images)"),
            new Line("# AzureML Conda environment name: {ENV}", Part.CONDA, null),
            new Line(
                    "ENV PATH /azureml-envs/{ENV}/bin:$PATH",
                    Part.CONDA,
                    "the environment's bin first on PATH: a job's python and pip are the environment's"),
            new Line(
                    "ENV AZUREML_CONDA_ENVIRONMENT_PATH /azureml-envs/{ENV}",
                    Part.CONDA,
                    "tells Azure ML's run-time code where the conda environment is"),
            new Line(
                    "ENV LD_LIBRARY_PATH /azureml-envs/{ENV}/lib:$LD_LIBRARY_PATH",
                    Part.CONDA,
                    "the environment's shared libraries are found at run time"),
            new Line(
                    "COPY azureml-environment-setup/spark_cache.py azureml-environment-setup/log4j.properties"
                            + " /azureml-environment-setup/",
                    Part.FINISH,
                    "the Spark caching script of Azure ML's and its log settings (env build-context writes"
                            + " stand-ins)"),
            new Line(
                    "RUN if [ $SPARK_HOME ]; then /bin/bash -c '$SPARK_HOME/bin/spark-submit "
                            + " /azureml-environment-setup/spark_cache.py'; fi",
                    Part.FINISH,
                    "only on an image with Spark ($SPARK_HOME set): download spark.packages into the image"
                            + " ahead of the run"),
            new Line(
                    "ENV AZUREML_ENVIRONMENT_IMAGE True",
                    Part.FINISH,
                    "marks the image as one Azure ML built for an environment"),
            new Line("CMD [\"bash\"]", Part.FINISH, "the image's default command; a job runs its own command instead"));

    private DockerfileTemplate() {}

    /** Every line of the template, in order. */
    public static List<Line> lines() {
        return LINES;
    }

    /** The template's lines of one part. */
    public static List<Line> lines(Part part) {
        return LINES.stream().filter(l -> l.part() == part).toList();
    }

    /**
     * The template instruction an instruction of a rendered Dockerfile is, looked up by its text (the
     * instruction is the key, not its line number: a Dockerfile on a base Dockerfile has the template
     * further down).
     */
    public static Optional<Line> find(String instruction, String condaEnvironmentName) {
        return LINES.stream()
                .filter(l -> !l.isComment() && l.render(condaEnvironmentName).equals(instruction))
                .findFirst();
    }
}

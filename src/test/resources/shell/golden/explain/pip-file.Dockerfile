# [Azure ML] the base image (docker.baseImage)
FROM mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest
# [Azure ML] build as root: the steps below write system folders (/etc/apt, /azureml-envs)
USER root
# [Azure ML] make sure root's cache folder exists: pip keeps its downloads in it (the conda step deletes $HOME/.cache/pip)
RUN mkdir -p $HOME/.cache
# [Azure ML] work from /: the relative azureml-environment-setup/ paths below are under /
WORKDIR /
# [Azure ML] apt settings of Azure ML's for HTTP proxies that break apt's requests, so that apt-get works in the build (env build-context writes a stand-in)
COPY azureml-environment-setup/99brokenproxy /etc/apt/apt.conf.d/
# [Azure ML] upgrade the base image's conda to 4.4.11 when it is older: the least version Azure ML builds with
RUN if dpkg --compare-versions `conda --version | grep -oE '[^ ]+$'` lt 4.4.11; then conda install conda==4.4.11; fi
# [Azure ML] the conda file Azure ML generated from the environment (env conda-spec) goes into the image
COPY azureml-environment-setup/mutated_conda_dependencies.yml azureml-environment-setup/mutated_conda_dependencies.yml
# [Azure ML] create the conda environment /azureml-envs/azureml_410bc2ed2174408f06ce97739c39ede9 from that file, then delete pip's and conda's caches to keep the image small (ldconfig: CUDA's stubs, for GPU images)
RUN ldconfig /usr/local/cuda/lib64/stubs && conda env create -p /azureml-envs/azureml_410bc2ed2174408f06ce97739c39ede9 -f azureml-environment-setup/mutated_conda_dependencies.yml && rm -rf "$HOME/.cache/pip" && conda clean -aqy && CONDA_ROOT_DIR=$(conda info --root) && rm -rf "$CONDA_ROOT_DIR/pkgs" && find "$CONDA_ROOT_DIR" -type d -name __pycache__ -exec rm -rf {} + && ldconfig
# AzureML Conda environment name: azureml_410bc2ed2174408f06ce97739c39ede9
# [Azure ML] the environment's bin first on PATH: a job's python and pip are the environment's
ENV PATH /azureml-envs/azureml_410bc2ed2174408f06ce97739c39ede9/bin:$PATH
# [Azure ML] tells Azure ML's run-time code where the conda environment is
ENV AZUREML_CONDA_ENVIRONMENT_PATH /azureml-envs/azureml_410bc2ed2174408f06ce97739c39ede9
# [Azure ML] the environment's shared libraries are found at run time
ENV LD_LIBRARY_PATH /azureml-envs/azureml_410bc2ed2174408f06ce97739c39ede9/lib:$LD_LIBRARY_PATH
# [Azure ML] the Spark caching script of Azure ML's and its log settings (env build-context writes stand-ins)
COPY azureml-environment-setup/spark_cache.py azureml-environment-setup/log4j.properties /azureml-environment-setup/
# [Azure ML] only on an image with Spark ($SPARK_HOME set): download spark.packages into the image ahead of the run
RUN if [ $SPARK_HOME ]; then /bin/bash -c '$SPARK_HOME/bin/spark-submit  /azureml-environment-setup/spark_cache.py'; fi
# [Azure ML] marks the image as one Azure ML built for an environment
ENV AZUREML_ENVIRONMENT_IMAGE True
# [Azure ML] the image's default command; a job runs its own command instead
CMD ["bash"]

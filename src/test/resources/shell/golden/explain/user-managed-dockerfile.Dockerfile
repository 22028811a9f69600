# [yours: docker.baseDockerfile] the image the build starts from
FROM mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:20230620.v1

# [yours: docker.baseDockerfile] sets CONDA_ENVIRONMENT_PATH in the image, for the next steps and every run
ENV CONDA_ENVIRONMENT_PATH /azureml-envs/text-to-image

# Prepend path to AzureML conda environment
# [yours: docker.baseDockerfile] sets PATH in the image, for the next steps and every run
ENV PATH $CONDA_ENVIRONMENT_PATH/bin:$PATH

# Create conda environment
# [yours: docker.baseDockerfile] copies files from the build context into the image
COPY conda_dependencies.yaml .
# [yours: docker.baseDockerfile] runs a command in the image
RUN conda env create -p $CONDA_ENVIRONMENT_PATH -f conda_dependencies.yaml -q && \
    rm conda_dependencies.yaml && \
    conda run -p $CONDA_ENVIRONMENT_PATH pip cache purge && \
    conda clean -a -y

# [yours: docker.baseDockerfile] runs a command in the image
RUN pip freeze

# This is needed for mpi to locate libpython
# [yours: docker.baseDockerfile] sets LD_LIBRARY_PATH in the image, for the next steps and every run
ENV LD_LIBRARY_PATH $CONDA_ENVIRONMENT_PATH/lib:$LD_LIBRARY_PATH
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
# [Azure ML] the Spark caching script of Azure ML's and its log settings (env build-context writes stand-ins)
COPY azureml-environment-setup/spark_cache.py azureml-environment-setup/log4j.properties /azureml-environment-setup/
# [Azure ML] only on an image with Spark ($SPARK_HOME set): download spark.packages into the image ahead of the run
RUN if [ $SPARK_HOME ]; then /bin/bash -c '$SPARK_HOME/bin/spark-submit  /azureml-environment-setup/spark_cache.py'; fi
# [Azure ML] marks the image as one Azure ML built for an environment
ENV AZUREML_ENVIRONMENT_IMAGE True
# [Azure ML] the image's default command; a job runs its own command instead
CMD ["bash"]

#FROM mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04
# [yours, built as it is] the image the build starts from
FROM python:3.8

# python installs
# [yours, built as it is] copies files from the build context into the image
COPY requirements.txt .
# [yours, built as it is] runs a command in the image
RUN pip install -r requirements.txt && rm requirements.txt

# set command
# [yours, built as it is] the image's default command
CMD ["bash"]

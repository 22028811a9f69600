FROM ubuntu:22.04
RUN <<EOF
echo hi

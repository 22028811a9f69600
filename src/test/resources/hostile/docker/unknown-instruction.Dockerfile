FORM ubuntu:22.04

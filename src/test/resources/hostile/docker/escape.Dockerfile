FROM ubuntu:22.04
LABEL title="]0;pwned"

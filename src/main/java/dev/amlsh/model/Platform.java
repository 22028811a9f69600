package dev.amlsh.model;

/** {@code docker.platform}; absent in files from older SDK releases. */
public record Platform(String os, String architecture) {

    public static final Platform LINUX_AMD64 = new Platform("Linux", "amd64");
}

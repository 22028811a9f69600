package dev.amlsh.workspace;

/** The outcome of {@code register}: the version that now holds the definition, and whether it is new. */
public record Registration(RegisteredVersion version, boolean created) {}

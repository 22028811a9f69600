package dev.amlsh.model;

/** A Maven coordinate in {@code spark.packages}. */
public record SparkPackage(String group, String artifact, String version) {}

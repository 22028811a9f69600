package dev.amlsh.model;

/** One entry of a conda file's {@code dependencies} list: a conda package or the {@code pip:} list. */
public sealed interface CondaDependency permits CondaPackage, PipSection {}

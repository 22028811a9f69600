package dev.amlsh.shell.api;

/** What TAB offers for an argument or an option value. */
public enum Completion {
    NONE,
    /** Environment references: drafts, registered names and {@code name:version}. */
    ENV_REF,
    /** Environment names only (drafts and registered names). */
    ENV_NAME,
    /** Registered {@code name:version} (for label, archive, restore). */
    ENV_VERSION,
    FILE,
    DIRECTORY,
    WORKSPACE,
    CURATED_IMAGE,
    OUTPUT_FORMAT,
    BOOLEAN,
    /** The shells amlsh has a completion script for: bash, zsh, fish. */
    SHELL,
    COMMAND
}

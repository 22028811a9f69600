package dev.amlsh.lint;

/** How much a finding matters: {@code ERROR} stops Azure ML (or registration), the others are advice. */
public enum Severity {
    INFO,
    WARNING,
    ERROR
}

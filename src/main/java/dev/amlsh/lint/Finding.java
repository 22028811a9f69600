package dev.amlsh.lint;

import java.util.Objects;

/** One reproducibility finding: a stable code (for scripts), the field at fault and a sentence for people. */
public record Finding(Severity severity, String code, String field, String message) {

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}

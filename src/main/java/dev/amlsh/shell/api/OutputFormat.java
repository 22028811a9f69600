package dev.amlsh.shell.api;

import java.util.Locale;

/** What {@code -o} and {@code set output} choose. */
public enum OutputFormat {
    TEXT,
    JSON,
    YAML;

    public static OutputFormat parse(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "text":
                return TEXT;
            case "json":
                return JSON;
            case "yaml":
                return YAML;
            default:
                throw new UsageException("'" + value + "' is not an output format: use text, json or yaml");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

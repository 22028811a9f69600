package dev.amlsh.workspace;

import dev.amlsh.model.AmlshException;
import dev.amlsh.model.EnvironmentName;

/**
 * A reference to one environment, as users write it: {@code name} (the draft, else the latest
 * version), {@code name:version}, {@code name@latest}, {@code name@label}, each optionally with
 * Azure ML's {@code azureml:} prefix, which never resolves to a draft.
 */
public record EnvironmentRef(String name, String version, String label, boolean registeredOnly) {

    public static EnvironmentRef parse(String text) {
        String s = text.strip();
        boolean prefixed = s.startsWith("azureml:");
        if (prefixed) {
            s = s.substring("azureml:".length());
        }
        String version = null;
        String label = null;
        int at = s.indexOf('@');
        int colon = s.indexOf(':');
        if (at >= 0 && colon >= 0) {
            throw new AmlshException("'" + text + "' is not a reference: use NAME, NAME:VERSION or NAME@LABEL");
        }
        if (at >= 0) {
            label = s.substring(at + 1);
            s = s.substring(0, at);
            if (label.isEmpty()) {
                throw new AmlshException("'" + text + "' names no label after '@'");
            }
        } else if (colon >= 0) {
            version = s.substring(colon + 1);
            s = s.substring(0, colon);
            if (version.isEmpty()) {
                throw new AmlshException("'" + text + "' names no version after ':'");
            }
        }
        EnvironmentName.requireValid(s);
        return new EnvironmentRef(s, version, label, prefixed || version != null || label != null);
    }

    public boolean isPlainName() {
        return !registeredOnly;
    }

    @Override
    public String toString() {
        String base = (registeredOnly && version == null && label == null ? "azureml:" : "") + name;
        return version != null ? base + ":" + version : label != null ? base + "@" + label : base;
    }
}

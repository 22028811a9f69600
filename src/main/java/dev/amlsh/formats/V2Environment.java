package dev.amlsh.formats;

import dev.amlsh.model.Environment;
import dev.amlsh.model.Immutable;
import java.util.List;
import java.util.Map;

/**
 * A v2 environment file as amlsh imports it: the definition (with the file's version, if any,
 * and its v2 metadata) and the warnings the import raised.
 */
public record V2Environment(Environment environment, List<String> warnings) {

    public V2Environment {
        warnings = Immutable.list(warnings);
    }

    public String description() {
        return environment.metadata().description();
    }

    public Map<String, String> tags() {
        return environment.metadata().tags();
    }
}

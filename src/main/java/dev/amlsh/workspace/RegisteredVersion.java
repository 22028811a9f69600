package dev.amlsh.workspace;

import dev.amlsh.model.Environment;
import java.time.Instant;
import java.util.List;

/**
 * One registered version of an environment: the definition (with its name and version set),
 * its place in the creation order ({@code sequence}, an insertion counter, not the clock), when
 * it was created, whether it is archived, and its user labels.
 */
public record RegisteredVersion(
        Environment environment, long sequence, Instant createdAt, boolean archived, List<String> labels) {

    public RegisteredVersion {
        labels = List.copyOf(labels);
    }

    public String name() {
        return environment.name();
    }

    public String version() {
        return environment.version();
    }

    public RegisteredVersion withArchived(boolean value) {
        return new RegisteredVersion(environment, sequence, createdAt, value, labels);
    }

    public RegisteredVersion withLabels(List<String> value) {
        return new RegisteredVersion(environment, sequence, createdAt, archived, value);
    }
}

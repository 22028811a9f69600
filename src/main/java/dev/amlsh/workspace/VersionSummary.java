package dev.amlsh.workspace;

import java.time.Instant;
import java.util.List;

/**
 * One registered version as {@code env versions} and completion show it: read from the stored
 * columns (the image name was computed at registration), never by parsing the definition.
 */
public record VersionSummary(
        String name, String version, Instant createdAt, boolean archived, List<String> labels, String imageName) {

    public VersionSummary {
        labels = List.copyOf(labels);
    }
}

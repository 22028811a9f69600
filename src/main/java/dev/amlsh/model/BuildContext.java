package dev.amlsh.model;

import java.util.Objects;

/** {@code docker.buildContext}: a folder (local path or storage URL) holding a Dockerfile. */
public record BuildContext(String locationType, String location, String dockerfilePath) {

    public BuildContext {
        Objects.requireNonNull(location, "location");
        dockerfilePath = dockerfilePath == null ? "Dockerfile" : dockerfilePath;
    }
}

package dev.amlsh.model;

import java.util.Objects;

/**
 * {@code docker.buildContext}: a folder (local path or storage/git URL) holding a Dockerfile.
 * {@code dockerfile} is amlsh's addition: the Dockerfile's content when amlsh could read it
 * (a local folder, at import), so the definition can show what Azure ML would build and a
 * change of that file changes the image hash. Null when unknown (a remote context).
 */
public record BuildContext(String locationType, String location, String dockerfilePath, String dockerfile) {

    public static final String LOCAL_PATH = "localPath";

    public BuildContext {
        Objects.requireNonNull(location, "location");
        dockerfilePath = dockerfilePath == null ? "Dockerfile" : dockerfilePath;
    }

    /** A context whose Dockerfile content is not known (the SDK's three fields). */
    public BuildContext(String locationType, String location, String dockerfilePath) {
        this(locationType, location, dockerfilePath, null);
    }
}

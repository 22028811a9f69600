package dev.amlsh.model;

import java.util.Locale;
import java.util.Objects;

/**
 * {@code docker.buildContext}: a folder (local path or storage/git URL) holding a Dockerfile.
 * {@code locationType} is one of the SDK's {@code DockerBuildContext.LocationType} values
 * ({@code git}, {@code storageAccount}) or null. Two fields are amlsh's additions, known only for
 * a local folder read at import: {@code dockerfile}, the Dockerfile's content (so the definition can
 * show what Azure ML would build, and a change of that file changes the image hash), and
 * {@code localFolder}, the folder's absolute path (where {@code env build-context} copies the
 * context from: Azure ML uploads the folder when the environment is created; amlsh reads it there).
 */
public record BuildContext(
        String locationType, String location, String dockerfilePath, String dockerfile, String localFolder) {

    /** {@code DockerBuildContext.LocationType.Git}. */
    public static final String GIT = "git";
    /** {@code DockerBuildContext.LocationType.StorageAccount}. */
    public static final String STORAGE_ACCOUNT = "storageAccount";

    public BuildContext {
        Objects.requireNonNull(location, "location");
        dockerfilePath = dockerfilePath == null ? "Dockerfile" : dockerfilePath;
    }

    /** A context whose Dockerfile content is not known (the SDK's three fields). */
    public BuildContext(String locationType, String location, String dockerfilePath) {
        this(locationType, location, dockerfilePath, null, null);
    }

    public BuildContext(String locationType, String location, String dockerfilePath, String dockerfile) {
        this(locationType, location, dockerfilePath, dockerfile, null);
    }

    /**
     * The SDK's location type for a context URL: {@code git} for a git repository, {@code storageAccount}
     * for Azure storage (a blob URL, or an {@code azureml://} datastore path), else null (the SDK has no
     * value for it, e.g. a local folder, which Azure ML uploads to storage at creation).
     */
    public static String locationTypeOf(String location) {
        String l = location.toLowerCase(Locale.ROOT);
        if (l.startsWith("git@")
                || l.startsWith("git+")
                || l.startsWith("git://")
                || l.matches("^[a-z+]+://.*\\.git([#/?].*)?$")
                || l.matches("^https?://(www\\.)?(github\\.com|gitlab\\.com|bitbucket\\.org|dev\\.azure\\.com)/.*")) {
            return GIT;
        }
        if (l.startsWith("azureml://") || l.matches("^https?://[^/]+\\.blob\\.core\\.[^/]+/.*")) {
            return STORAGE_ACCOUNT;
        }
        return null;
    }
}

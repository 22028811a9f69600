package dev.amlsh.workspace;

import dev.amlsh.model.AmlshException;
import dev.amlsh.model.Environment;
import dev.amlsh.model.EnvironmentVersion;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Azure ML's versioning rules, as one pure function every store applies inside its transaction:
 * a new name gets {@code "1"}; a definition equal to the latest version keeps that version; any
 * other gets 1 + the largest integer version; an explicit version that exists with other content
 * is refused with the service's words, with the same content it is a no-op.
 */
public final class RegistrationRules {

    /** What to do: keep an existing version, or create one with this number. */
    public record Decision(String version, Optional<RegisteredVersion> existing) {

        public boolean creates() {
            return existing.isEmpty();
        }
    }

    private RegistrationRules() {}

    public static Decision decide(
            String name, Environment candidate, String explicitVersion, List<RegisteredVersion> existing) {
        if (explicitVersion != null) {
            requireValidVersion(explicitVersion);
            for (RegisteredVersion v : existing) {
                if (v.version().equals(explicitVersion)) {
                    if (v.environment().sameDefinitionAs(candidate)) {
                        return new Decision(explicitVersion, Optional.of(v));
                    }
                    throw new AmlshException("Environment " + name + " with version " + explicitVersion
                            + " is already registered and cannot be changed.");
                }
            }
            return new Decision(explicitVersion, Optional.empty());
        }
        Optional<RegisteredVersion> latest = latest(existing);
        if (latest.isPresent() && latest.get().environment().sameDefinitionAs(candidate)) {
            return new Decision(latest.get().version(), latest);
        }
        return new Decision(nextVersion(existing), Optional.empty());
    }

    /** The most recently created version that is not archived. */
    public static Optional<RegisteredVersion> latest(List<RegisteredVersion> versions) {
        return versions.stream().filter(v -> !v.archived()).max(Comparator.comparingLong(RegisteredVersion::sequence));
    }

    /** 1 + the largest integer version, counting archived ones (a number is never given twice). */
    public static String nextVersion(List<RegisteredVersion> versions) {
        long max = 0;
        for (RegisteredVersion v : versions) {
            try {
                max = Math.max(max, Long.parseLong(v.version()));
            } catch (NumberFormatException notAnInteger) {
                // explicit versions like "1.0-beta" do not take part in numbering
            }
        }
        if (max == Long.MAX_VALUE) {
            throw new AmlshException(
                    "no version number is left after " + max + ": register with an explicit --version");
        }
        return Long.toString(max + 1);
    }

    public static String requireValidVersion(String version) {
        return EnvironmentVersion.requireValid(version);
    }
}

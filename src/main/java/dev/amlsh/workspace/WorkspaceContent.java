package dev.amlsh.workspace;

import dev.amlsh.model.Environment;
import java.util.List;

/**
 * Everything a workspace holds, as it moves between stores ({@code workspace export} from a
 * server, {@code workspace import}): the default base image, the drafts (one user's, on a
 * server), and every registered name with its archive flag and its versions in creation order,
 * each with its creation time, archive state and labels. Nothing is recomputed on the way: a
 * loaded workspace compares equal to the one read, version by version.
 */
public record WorkspaceContent(String defaultBaseImage, List<Environment> drafts, List<Name> names) {

    public WorkspaceContent {
        drafts = List.copyOf(drafts);
        names = List.copyOf(names);
    }

    /** A registered name: {@code archived} archives the versions registered under it later too. */
    public record Name(String name, boolean archived, List<RegisteredVersion> versions) {

        public Name {
            versions = List.copyOf(versions);
        }
    }

    /** Why {@link WorkspaceStore#load} refused: the target holds something already. */
    public static String notEmpty(String workspace) {
        return "workspace " + workspace + " is not empty: a workspace is loaded only into an empty one"
                + " (nothing was written)";
    }

    public int versionCount() {
        return names.stream().mapToInt(n -> n.versions().size()).sum();
    }
}

package dev.amlsh.workspace;

import java.util.Locale;

/**
 * One name in a workspace, as {@code env list} shows it: its draft compared with the newest
 * version, the latest version that is not archived, how many versions it has, and whether all are
 * archived.
 */
public record EnvironmentSummary(String name, DraftState draft, String latest, int versions, boolean archived) {

    /** A draft compared with the newest registered version of its name. */
    public enum DraftState {
        /** never registered */
        NEW,
        /** differs from the newest version */
        CHANGED,
        /** equal to the newest version */
        SAME;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}

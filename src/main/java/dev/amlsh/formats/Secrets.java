package dev.amlsh.formats;

/** What a rendering does with a registry password. */
public enum Secrets {
    /** Written as it is (only for a file the user asked to hold it). */
    KEEP,
    /** {@code "***"} when one is set, as the SDK prints it; null stays null. */
    MASK,
    /** Always null: nothing of it is written. */
    OMIT;

    String apply(String password) {
        return switch (this) {
            case KEEP -> password;
            case MASK -> password == null ? null : "***";
            case OMIT -> null;
        };
    }
}

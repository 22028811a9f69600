package dev.amlsh.model;

import java.util.List;

/**
 * The SDK's {@code databricks} section. Its libraries are kept as plain values (maps, lists,
 * strings) because amlsh carries them through without interpreting them.
 */
public record DatabricksSection(
        List<Object> mavenLibraries,
        List<Object> pypiLibraries,
        List<Object> rcranLibraries,
        List<Object> jarLibraries,
        List<Object> eggLibraries) {

    public static final DatabricksSection EMPTY =
            new DatabricksSection(List.of(), List.of(), List.of(), List.of(), List.of());

    public DatabricksSection {
        mavenLibraries = Immutable.list(mavenLibraries);
        pypiLibraries = Immutable.list(pypiLibraries);
        rcranLibraries = Immutable.list(rcranLibraries);
        jarLibraries = Immutable.list(jarLibraries);
        eggLibraries = Immutable.list(eggLibraries);
    }
}

package dev.amlsh.model;

import java.util.List;

/** The {@code - pip: [...]} entry of a conda file: requirement lines passed to pip as written. */
public record PipSection(List<String> requirements) implements CondaDependency {

    public PipSection {
        requirements = Immutable.list(requirements);
    }
}

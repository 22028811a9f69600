package dev.amlsh.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A conda environment specification, as in a conda file: {@code name}, {@code channels},
 * {@code dependencies} (conda packages and at most one {@code pip:} list), {@code prefix},
 * {@code variables}. Order is kept everywhere because it changes what conda builds, and so
 * the hash. Empty channels and variables mean "absent". Edits follow the SDK's
 * {@code CondaDependencies} rules and return a new spec.
 */
public record CondaSpec(
        String name,
        List<String> channels,
        List<CondaDependency> dependencies,
        String prefix,
        Map<String, String> variables) {

    public CondaSpec {
        channels = Immutable.list(channels);
        dependencies = Immutable.list(dependencies);
        variables = Immutable.map(variables);
        if (dependencies.stream().filter(PipSection.class::isInstance).count() > 1) {
            throw new AmlshException("a conda file may have only one pip: list");
        }
    }

    public static CondaSpec of(String name, List<String> channels, List<CondaDependency> dependencies) {
        return new CondaSpec(name, channels, dependencies, null, Map.of());
    }

    public CondaSpec withName(String newName) {
        return new CondaSpec(newName, channels, dependencies, prefix, variables);
    }

    public CondaSpec withDependencies(List<CondaDependency> newDependencies) {
        return new CondaSpec(name, channels, newDependencies, prefix, variables);
    }

    public CondaSpec withChannels(List<String> newChannels) {
        return new CondaSpec(name, newChannels, dependencies, prefix, variables);
    }

    /** The conda packages, in order, without the pip list. */
    public List<CondaPackage> condaPackages() {
        return dependencies.stream().filter(CondaPackage.class::isInstance).map(CondaPackage.class::cast).toList();
    }

    /** The pip requirement lines, or an empty list when there is no {@code pip:} entry. */
    public List<String> pipRequirements() {
        return pipSection().map(PipSection::requirements).orElse(List.of());
    }

    public Optional<PipSection> pipSection() {
        return dependencies.stream().filter(PipSection.class::isInstance).map(PipSection.class::cast).findFirst();
    }

    public Optional<CondaPackage> python() {
        return condaPackages().stream().filter(CondaPackage::isPython).findFirst();
    }

    /** The python version the spec pins ({@code 3.7} for {@code python=3.7}), if any. */
    public Optional<String> pythonVersion() {
        return python().map(CondaPackage::constraint).filter(v -> !v.isEmpty());
    }

    /**
     * {@code add_conda_package}: an exact duplicate is a no-op; a {@code python} entry replaces
     * the existing python entry in place; any other package is appended.
     */
    public CondaSpec addCondaPackage(String spec) {
        CondaPackage added = new CondaPackage(spec.strip());
        rejectOption(added.spec(), "conda");
        String operator = added.spec().replaceFirst("^.*?([=<>!~,]+)$", "$1");
        if (!operator.equals(added.spec())) {
            throw new AmlshException("'" + added.spec() + "' is not a conda package: no version after '" + operator + "'");
        }
        try {
            CondaMatchSpec.parse(added.spec());
        } catch (SyntaxProblem e) {
            throw e.as("a conda package");
        }
        if (dependencies.contains(added)) {
            return this;
        }
        List<CondaDependency> result = new ArrayList<>(dependencies);
        if (added.isPython()) {
            for (int i = 0; i < result.size(); i++) {
                if (result.get(i) instanceof CondaPackage p && p.isPython()) {
                    result.set(i, added);
                    return withDependencies(result);
                }
            }
        }
        result.add(added);
        return withDependencies(result);
    }

    /** {@code remove_conda_package}: drops every entry of that package name; python cannot go. */
    public CondaSpec removeCondaPackage(String packageName) {
        String target = new CondaPackage(packageName).name();
        if (target.equals("python")) {
            throw new AmlshException("python must not be removed from conda dependencies");
        }
        List<CondaDependency> result = new ArrayList<>(dependencies);
        boolean removed = result.removeIf(d -> d instanceof CondaPackage p && p.name().equals(target));
        if (!removed) {
            throw new AmlshException("no conda package named '" + target + "' in the conda dependencies");
        }
        return withDependencies(result);
    }

    /**
     * {@code add_pip_package}: removes any entry of the same package name, then appends to the
     * {@code pip:} list, creating it at the end of {@code dependencies} if absent.
     */
    public CondaSpec addPipPackage(String requirement) {
        String line = requirement.strip();
        rejectOption(line, "pip");
        String invalid = PipRequirement.whyInvalid(line);
        if (invalid != null) {
            throw new AmlshException("'" + line + "' is not a pip requirement: " + invalid);
        }
        String key = PipRequirement.normalizedName(line);
        List<String> pip = new ArrayList<>(pipRequirements());
        pip.removeIf(r -> !PipRequirement.isOption(r) && PipRequirement.normalizedName(r).equals(key));
        pip.add(line);
        return withPipRequirements(pip);
    }

    /** {@code remove_pip_package}: drops every pip entry of that package name. */
    public CondaSpec removePipPackage(String packageName) {
        String key = PipRequirement.normalizedName(packageName);
        List<String> pip = new ArrayList<>(pipRequirements());
        boolean removed = pip.removeIf(r -> !PipRequirement.isOption(r) && PipRequirement.normalizedName(r).equals(key));
        if (!removed) {
            throw new AmlshException("no pip package named '" + packageName.strip() + "' in the conda dependencies");
        }
        return withPipRequirements(pip);
    }

    /** Replaces the whole pip list (as {@code from_pip_requirements} does), keeping its place. */
    public CondaSpec withPipRequirements(List<String> requirements) {
        List<CondaDependency> result = new ArrayList<>(dependencies);
        PipSection section = new PipSection(requirements);
        for (int i = 0; i < result.size(); i++) {
            if (result.get(i) instanceof PipSection) {
                result.set(i, section);
                return withDependencies(result);
            }
        }
        result.add(section);
        return withDependencies(result);
    }

    /** {@code add_channel}: appended if absent. */
    public CondaSpec addChannel(String channel) {
        String c = channel.strip();
        if (c.isEmpty()) {
            throw new AmlshException("a channel cannot be empty");
        }
        ControlCharacters.requireNone(c, "a channel");
        if (channels.contains(c)) {
            return this;
        }
        List<String> result = new ArrayList<>(channels);
        result.add(c);
        return withChannels(result);
    }

    public CondaSpec removeChannel(String channel) {
        List<String> result = new ArrayList<>(channels);
        if (!result.remove(channel.strip())) {
            throw new AmlshException("no channel '" + channel.strip() + "' in the conda dependencies");
        }
        return withChannels(result);
    }

    private static void rejectOption(String spec, String kind) {
        if (spec.startsWith("-")) {
            throw new AmlshException("'" + spec + "' is an option, not a " + kind + " package");
        }
    }

    @Override
    public String toString() {
        return "CondaSpec[name=" + name + ", channels=" + channels + ", dependencies=" + dependencies
                + (prefix == null ? "" : ", prefix=" + prefix)
                + (variables.isEmpty() ? "" : ", variables=" + variables) + "]";
    }

    /** Equality on content, ignoring nothing: name, order and all. */
    public boolean sameContentIgnoringName(CondaSpec other) {
        return Objects.equals(withName(null), other.withName(null));
    }
}

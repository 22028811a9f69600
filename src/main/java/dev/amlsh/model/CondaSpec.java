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
 * the hash.
 *
 * <p>{@code channels} and {@code dependencies} are null when the file has no such key: the
 * SDK keeps {@code channels: []} (what removing the last channel leaves) apart from no
 * {@code channels} key, and a file without {@code dependencies} is valid. The accessors
 * return an empty list for both; {@link #hasChannelsKey()} and {@link #hasDependenciesKey()}
 * tell them apart. Empty variables mean "absent"; their values keep the type the SDK's YAML 1.2
 * reader gives them ({@link YamlScalars}: {@code THREADS: 8} is the integer 8).
 *
 * <p>Edits follow azureml-core's {@code CondaDependencies} methods, with its textual name rules
 * ({@link SdkPackageNames}), and return a new spec; an edit the SDK makes a no-op (removing what
 * is not there, adding an exact duplicate) returns this spec.
 */
public record CondaSpec(
        String name,
        List<String> channels,
        List<CondaDependency> dependencies,
        String prefix,
        Map<String, Object> variables) {

    public CondaSpec {
        channels = channels == null ? null : Immutable.list(channels);
        dependencies = dependencies == null ? null : Immutable.list(dependencies);
        variables = Immutable.map(variables);
        if (dependencies != null
                && dependencies.stream().filter(PipSection.class::isInstance).count() > 1) {
            throw new AmlshException("a conda file may have only one pip: list");
        }
    }

    public static CondaSpec of(String name, List<String> channels, List<CondaDependency> dependencies) {
        return new CondaSpec(name, channels, dependencies, null, Map.of());
    }

    /** The channels, empty when there is no {@code channels} key. */
    @Override
    public List<String> channels() {
        return channels == null ? List.of() : channels;
    }

    /** The dependencies, empty when there is no {@code dependencies} key. */
    @Override
    public List<CondaDependency> dependencies() {
        return dependencies == null ? List.of() : dependencies;
    }

    /** Whether the spec has a {@code channels} key (perhaps {@code channels: []}). */
    public boolean hasChannelsKey() {
        return channels != null;
    }

    public boolean hasDependenciesKey() {
        return dependencies != null;
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
        return dependencies().stream()
                .filter(CondaPackage.class::isInstance)
                .map(CondaPackage.class::cast)
                .toList();
    }

    /** The pip entries (requirements, options, and any other line), or empty when there is no {@code pip:} entry. */
    public List<String> pipRequirements() {
        return pipSection().map(PipSection::requirements).orElse(List.of());
    }

    public Optional<PipSection> pipSection() {
        return dependencies().stream()
                .filter(PipSection.class::isInstance)
                .map(PipSection.class::cast)
                .findFirst();
    }

    /** The first entry the SDK takes for python ({@link SdkPackageNames#isPython}). */
    public Optional<CondaPackage> python() {
        return condaPackages().stream().filter(CondaPackage::isPython).findFirst();
    }

    /** The python version constraint as written ({@code 3.7} for {@code python=3.7}), if any; for display. */
    public Optional<String> pythonVersion() {
        return python().map(CondaPackage::constraint).filter(v -> !v.isEmpty());
    }

    /**
     * {@code get_python_version}: the version {@code VERSION_REGEX} finds in the first python
     * entry; empty when there is no python entry or its version does not match
     * ({@code python}, {@code python=3.8.*}).
     */
    public Optional<String> sdkPythonVersion() {
        return python().flatMap(p -> SdkPackageNames.version(p.spec()));
    }

    /**
     * {@code set_python_version}: the first python entry becomes {@code python=<version>} in
     * place, unless its version already is {@code version}; with no python entry it is appended;
     * with no {@code dependencies} key the key is created.
     */
    public CondaSpec setPythonVersion(String version) {
        CondaPackage pinned = new CondaPackage("python=" + version);
        if (dependencies == null) {
            return withDependencies(List.of(pinned));
        }
        List<CondaDependency> result = new ArrayList<>(dependencies);
        for (int i = 0; i < result.size(); i++) {
            if (result.get(i) instanceof CondaPackage p && p.isPython()) {
                if (sdkPythonVersion().filter(version::equals).isPresent()) {
                    return this;
                }
                result.set(i, pinned);
                return withDependencies(result);
            }
        }
        result.add(pinned);
        return withDependencies(result);
    }

    /**
     * {@code add_conda_package}: an exact duplicate is a no-op; a python entry sets the python
     * version ({@code python==3.11} and {@code python>=3.11} both give {@code python=3.11});
     * any other package is appended. Where the SDK fails (a python entry with no version it can
     * read: {@code python}, {@code python=3.10.*}) amlsh refuses with the reason.
     */
    public CondaSpec addCondaPackage(String spec) {
        CondaPackage added = new CondaPackage(spec);
        rejectOption(added.spec(), "conda");
        String operator = added.spec().replaceFirst("^.*?([=<>!~,]+)$", "$1");
        if (!operator.equals(added.spec())) {
            throw new AmlshException(
                    "'" + added.spec() + "' is not a conda package: no version after '" + operator + "'");
        }
        try {
            CondaMatchSpec.parse(added.spec());
        } catch (SyntaxProblem e) {
            throw e.as("a conda package");
        }
        if (dependencies == null) {
            return withDependencies(List.of(added));
        }
        if (dependencies.contains(added)) {
            return this;
        }
        if (added.isPython()) {
            String version = SdkPackageNames.version(added.spec())
                    .orElseThrow(() -> new AmlshException("'" + added.spec()
                            + "' names no python version azureml-core can set: add_conda_package needs python=X.Y or"
                            + " python=X.Y.Z (it fails on this one)"));
            return setPythonVersion(version);
        }
        List<CondaDependency> result = new ArrayList<>(dependencies);
        result.add(added);
        return withDependencies(result);
    }

    /**
     * {@code remove_conda_package}: removes the entry equal to {@code spec}, exactly
     * ({@code numpy=1.21} does not remove {@code numpy}); not there is a no-op. The python entry
     * cannot go.
     */
    public CondaSpec removeCondaPackage(String spec) {
        CondaPackage target = new CondaPackage(spec);
        if (dependencies == null || !dependencies.contains(target)) {
            return this;
        }
        if (target.isPython()) {
            throw new AmlshException("python must not be removed from conda dependencies");
        }
        List<CondaDependency> result = new ArrayList<>(dependencies);
        result.removeIf(target::equals);
        return withDependencies(result);
    }

    /**
     * {@code add_pip_package}: an entry of the same package name ({@link SdkPackageNames#packageName})
     * is removed, then the package is appended to the {@code pip:} list, which is created at the
     * end of {@code dependencies} if absent. So a package already listed moves to the end.
     */
    public CondaSpec addPipPackage(String requirement) {
        rejectPipOption(requirement);
        String invalid = PipRequirement.whyInvalid(requirement.strip());
        if (requirement.isBlank() || invalid != null) {
            throw new AmlshException("'" + requirement + "' is not a pip requirement: "
                    + (requirement.isBlank() ? "it is empty" : invalid));
        }
        CondaSpec without = withoutPipPackage(requirement);
        List<String> pip = new ArrayList<>(without.pipRequirements());
        if (without.pipSection().isPresent() && pip.contains(requirement)) {
            return without;
        }
        pip.add(requirement);
        return without.withPipRequirements(pip);
    }

    /** {@code remove_pip_package}: removes the last entry of that package name; none is a no-op. */
    public CondaSpec removePipPackage(String requirement) {
        rejectPipOption(requirement);
        return withoutPipPackage(requirement);
    }

    private CondaSpec withoutPipPackage(String requirement) {
        List<String> entries = pipRequirements();
        String target = SdkPackageNames.packageName(requirement);
        List<String> packages =
                entries.stream().filter(e -> !SdkPackageNames.isOption(e)).toList();
        if (!packages.contains(requirement)
                && packages.stream().map(SdkPackageNames::packageName).noneMatch(target::equals)) {
            return this;
        }
        String last = null;
        for (String entry : entries) {
            if (SdkPackageNames.packageName(entry).equals(target)) {
                last = entry;
            }
        }
        return last == null ? this : withoutPipEntry(last);
    }

    /**
     * {@code set_pip_option}: an option whose first word is already there replaces it (every
     * such entry, in place); a new one is appended; with no {@code pip:} list one is created.
     */
    public CondaSpec setPipOption(String option) {
        requirePipOption(option);
        if (pipSection().isEmpty()) {
            return withPipRequirements(List.of(option));
        }
        String key = SdkPackageNames.optionKey(option);
        List<String> pip = new ArrayList<>(pipRequirements());
        boolean present = pip.stream()
                .anyMatch(e -> SdkPackageNames.isOption(e)
                        && SdkPackageNames.optionKey(e).equals(key));
        if (!present) {
            pip.add(option);
        } else {
            // The SDK's loop fails on a blank entry (''.split()[0]); amlsh leaves blank entries alone.
            pip.replaceAll(e -> !e.isBlank() && SdkPackageNames.optionKey(e).equals(key) ? option : e);
        }
        return withPipRequirements(pip);
    }

    /** {@code remove_pip_option}: removes the last option with the same first word; none is a no-op. */
    public CondaSpec removePipOption(String option) {
        requirePipOption(option);
        String key = SdkPackageNames.optionKey(option);
        String last = null;
        for (String entry : pipRequirements()) {
            if (SdkPackageNames.isOption(entry)
                    && SdkPackageNames.optionKey(entry).equals(key)) {
                last = entry;
            }
        }
        return last == null ? this : withoutPipEntry(last);
    }

    private CondaSpec withoutPipEntry(String entry) {
        List<String> pip = new ArrayList<>(pipRequirements());
        pip.removeIf(entry::equals);
        return withPipRequirements(pip);
    }

    /**
     * {@code set_pip_requirements}: replaces the whole pip list, keeping its place; with none,
     * appends one (creating {@code dependencies} if absent).
     */
    public CondaSpec withPipRequirements(List<String> requirements) {
        PipSection section = new PipSection(requirements);
        List<CondaDependency> result = new ArrayList<>(dependencies());
        for (int i = 0; i < result.size(); i++) {
            if (result.get(i) instanceof PipSection) {
                result.set(i, section);
                return withDependencies(result);
            }
        }
        result.add(section);
        return withDependencies(result);
    }

    /** {@code add_channel}: appended if absent; with no {@code channels} key, the key is created. */
    public CondaSpec addChannel(String channel) {
        if (channel.isBlank()) {
            throw new AmlshException("a channel cannot be empty");
        }
        ControlCharacters.requireNone(channel, "a channel");
        if (channels().contains(channel)) {
            return this;
        }
        List<String> result = new ArrayList<>(channels());
        result.add(channel);
        return withChannels(result);
    }

    /** {@code remove_channel}: exact match; not there is a no-op; the last one leaves {@code channels: []}. */
    public CondaSpec removeChannel(String channel) {
        if (!channels().contains(channel)) {
            return this;
        }
        List<String> result = new ArrayList<>(channels);
        result.removeIf(channel::equals);
        return withChannels(result);
    }

    private static void rejectOption(String spec, String kind) {
        if (spec.startsWith("-")) {
            throw new AmlshException("'" + spec + "' is an option, not a " + kind + " package");
        }
    }

    /** {@code add_pip_package} / {@code remove_pip_package}: the SDK's message for an option. */
    private static void rejectPipOption(String requirement) {
        if (SdkPackageNames.isOption(requirement)) {
            throw new AmlshException("Invalid package name " + requirement);
        }
    }

    private static void requirePipOption(String option) {
        if (!SdkPackageNames.isOption(option)) {
            throw new AmlshException("Invalid pip option " + option);
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

package dev.amlsh.workspace;

import dev.amlsh.model.AmlshException;
import dev.amlsh.model.Environment;
import dev.amlsh.model.EnvironmentName;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Test-only: a workspace held in memory, the registration semantics without persistence, for
 * in-process command tests and as the reference the SQL store is compared with
 * ({@code SameRulesAsInMemoryTest}). amlsh itself has one store, {@code SqlWorkspaceStore}, in two
 * dialects; this one keeps no password mask and no digests (it compares parsed definitions).
 */
public final class InMemoryWorkspaceStore implements WorkspaceStore {

    private final String name;
    private final Clock clock;
    private String defaultBaseImage;
    private final Map<String, Environment> drafts = new TreeMap<>();
    private final Map<String, List<RegisteredVersion>> versions = new TreeMap<>();
    private final TreeSet<String> archivedNames = new TreeSet<>();
    private long sequence;

    public InMemoryWorkspaceStore(String name, String defaultBaseImage, Clock clock) {
        this.name = name;
        this.defaultBaseImage = defaultBaseImage;
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized <T> T snapshot(Function<WorkspaceStore, T> reads) {
        return reads.apply(this);
    }

    @Override
    public synchronized String defaultBaseImage() {
        return defaultBaseImage;
    }

    @Override
    public synchronized void setDefaultBaseImage(String image) {
        this.defaultBaseImage = image;
    }

    @Override
    public synchronized Optional<Environment> draft(String draftName) {
        return Optional.ofNullable(drafts.get(draftName));
    }

    @Override
    public synchronized List<Environment> drafts() {
        return List.copyOf(drafts.values());
    }

    @Override
    public synchronized Optional<Environment> saveDraft(Environment draft) {
        EnvironmentName.requireValid(draft.name());
        return Optional.ofNullable(drafts.put(draft.name(), draft));
    }

    @Override
    public synchronized Environment updateDraft(String draftName, DraftEdit edit) {
        Environment draft = drafts.get(draftName);
        RegisteredVersion fromLatest = null;
        if (draft == null) {
            fromLatest = latest(draftName)
                    .orElseThrow(() -> new AmlshException(
                            "no environment named '" + draftName + "' (no draft and no registered version)"));
            draft = fromLatest.environment().withVersion(null);
        }
        Environment edited = edit.apply(fromLatest, draft);
        saveDraft(edited);
        return edited;
    }

    @Override
    public synchronized boolean discardDraft(String draftName) {
        return drafts.remove(draftName) != null;
    }

    @Override
    public synchronized Registration register(Environment definition, String explicitVersion) {
        Environment env = definition.withCondaFile(null); // a version is the service form: no written conda file
        String envName = EnvironmentName.requireRegistrable(env.name());
        List<RegisteredVersion> existing = versions.computeIfAbsent(envName, k -> new ArrayList<>());
        RegistrationRules.Decision decision = RegistrationRules.decide(envName, env, explicitVersion, existing);
        if (!decision.creates()) {
            return new Registration(decision.existing().orElseThrow(), false);
        }
        RegisteredVersion created = new RegisteredVersion(
                env.withVersion(decision.version()),
                ++sequence,
                clock.instant(),
                archivedNames.contains(envName),
                List.of());
        existing.add(created);
        return new Registration(created, true);
    }

    @Override
    public synchronized List<String> names(boolean includeArchived) {
        return versions.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .filter(e -> includeArchived
                        || RegistrationRules.latest(e.getValue()).isPresent())
                .map(Map.Entry::getKey)
                .toList();
    }

    /** By parsing every definition: the reference the stores' digest-based summaries are tested against. */
    @Override
    public synchronized List<EnvironmentSummary> summaries(boolean includeArchived) {
        TreeSet<String> names = new TreeSet<>(names(includeArchived));
        names.addAll(drafts.keySet());
        List<EnvironmentSummary> rows = new ArrayList<>();
        for (String n : names) {
            List<RegisteredVersion> all = versions(n);
            Optional<RegisteredVersion> latest = latest(n);
            Optional<RegisteredVersion> newest = latest.isPresent()
                    ? latest
                    : all.stream().max(java.util.Comparator.comparingLong(RegisteredVersion::sequence));
            Environment draft = drafts.get(n);
            EnvironmentSummary.DraftState state = draft == null
                    ? null
                    : newest.isEmpty()
                            ? EnvironmentSummary.DraftState.NEW
                            : newest.get().environment().sameDefinitionAs(draft)
                                    ? EnvironmentSummary.DraftState.SAME
                                    : EnvironmentSummary.DraftState.CHANGED;
            rows.add(new EnvironmentSummary(
                    n,
                    state,
                    latest.map(RegisteredVersion::version).orElse(null),
                    all.size(),
                    !all.isEmpty() && latest.isEmpty()));
        }
        return rows;
    }

    @Override
    public synchronized List<VersionSummary> versionSummaries(String envName) {
        List<VersionSummary> out = new ArrayList<>();
        for (String n : envName == null ? versions.keySet() : List.of(envName)) {
            for (RegisteredVersion v : versions(n)) {
                out.add(new VersionSummary(
                        n,
                        v.version(),
                        v.createdAt(),
                        v.archived(),
                        v.labels(),
                        dev.amlsh.image.EnvironmentHashes.imageName(v.environment())));
            }
        }
        return out;
    }

    @Override
    public synchronized List<RegisteredVersion> versions(String envName) {
        return List.copyOf(versions.getOrDefault(envName, List.of()));
    }

    @Override
    public synchronized Optional<RegisteredVersion> version(String envName, String version) {
        return versions(envName).stream()
                .filter(v -> v.version().equals(version))
                .findFirst();
    }

    @Override
    public synchronized Optional<RegisteredVersion> latest(String envName) {
        return RegistrationRules.latest(versions(envName));
    }

    @Override
    public synchronized Optional<RegisteredVersion> labelled(String envName, String label) {
        if (label.equals(Labels.LATEST)) {
            return latest(envName);
        }
        return versions(envName).stream()
                .filter(v -> v.labels().contains(label))
                .findFirst();
    }

    @Override
    public synchronized RegisteredVersion label(String envName, String version, List<String> labels) {
        Labels.requireValid(labels);
        List<RegisteredVersion> list = versions.getOrDefault(envName, List.of());
        RegisteredVersion target = version(envName, version)
                .orElseThrow(() -> new AmlshException("environment " + envName + ":" + version + " is not registered"));
        for (int i = 0; i < list.size(); i++) {
            RegisteredVersion v = list.get(i);
            List<String> kept = new ArrayList<>(v.labels());
            kept.removeAll(labels);
            if (v == target) {
                for (String l : labels) {
                    if (!kept.contains(l)) {
                        kept.add(l);
                    }
                }
            }
            list.set(i, v.withLabels(kept));
        }
        return version(envName, version).orElseThrow();
    }

    @Override
    public synchronized void archive(String envName, String version) {
        setArchived(envName, version, true);
    }

    @Override
    public synchronized void restore(String envName, String version) {
        setArchived(envName, version, false);
    }

    private void setArchived(String envName, String version, boolean archived) {
        List<RegisteredVersion> list = versions.get(envName);
        if (list == null || list.isEmpty()) {
            throw new AmlshException("environment " + envName + " is not registered");
        }
        if (version == null) {
            if (archived) {
                archivedNames.add(envName);
            } else {
                archivedNames.remove(envName);
            }
            list.replaceAll(v -> v.withArchived(archived));
            return;
        }
        boolean found = false;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).version().equals(version)) {
                list.set(i, list.get(i).withArchived(archived));
                found = true;
            }
        }
        if (!found) {
            throw new AmlshException("environment " + envName + ":" + version + " is not registered");
        }
        if (!archived) {
            archivedNames.remove(envName); // a restored version makes its name visible again
        }
    }

    @Override
    public synchronized WorkspaceContent content() {
        List<WorkspaceContent.Name> names = new ArrayList<>();
        versions.forEach((n, list) -> {
            if (!list.isEmpty()) {
                names.add(new WorkspaceContent.Name(n, archivedNames.contains(n), list));
            }
        });
        return new WorkspaceContent(defaultBaseImage, drafts(), names);
    }

    @Override
    public synchronized void load(WorkspaceContent content) {
        if (!drafts.isEmpty() || !names(true).isEmpty()) {
            throw new AmlshException(WorkspaceContent.notEmpty(name));
        }
        defaultBaseImage = content.defaultBaseImage();
        content.drafts().forEach(d -> drafts.put(d.name(), d));
        for (WorkspaceContent.Name n : content.names()) {
            List<RegisteredVersion> list = new ArrayList<>();
            for (RegisteredVersion v : n.versions()) {
                list.add(new RegisteredVersion(v.environment(), ++sequence, v.createdAt(), v.archived(), v.labels()));
            }
            versions.put(n.name(), list);
            if (n.archived()) {
                archivedNames.add(n.name());
            }
        }
    }

    @Override
    public void close() {}
}

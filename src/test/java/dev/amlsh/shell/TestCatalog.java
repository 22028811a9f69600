package dev.amlsh.shell;

import dev.amlsh.model.AmlshException;
import dev.amlsh.model.SdkRelease;
import dev.amlsh.workspace.InMemoryWorkspaceStore;
import dev.amlsh.workspace.WorkspaceCatalog;
import dev.amlsh.workspace.WorkspaceStore;
import dev.amlsh.workspace.WorkspaceUnavailableException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Test-only: a catalog of in-memory workspaces with a fixed clock, for in-process command tests. */
final class TestCatalog implements WorkspaceCatalog {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    private final Map<String, InMemoryWorkspaceStore> stores = new TreeMap<>();
    private String current = "default";
    boolean unavailable;

    TestCatalog() {
        stores.put("default", store("default"));
    }

    private static InMemoryWorkspaceStore store(String name) {
        return new InMemoryWorkspaceStore(name, SdkRelease.DEFAULT_BASE_IMAGE, CLOCK);
    }

    @Override
    public WorkspaceStore open(String selector, boolean readOnly) {
        if (unavailable) {
            throw new WorkspaceUnavailableException("workspace busy (test)");
        }
        String name = selector == null ? current : selector;
        if (name.equals(TEMPORARY)) {
            return store(TEMPORARY);
        }
        InMemoryWorkspaceStore store = stores.get(name);
        if (store == null) {
            throw new WorkspaceUnavailableException("no workspace named " + name);
        }
        return store;
    }

    @Override
    public String current() {
        return current;
    }

    @Override
    public void use(String name) {
        if (!stores.containsKey(name)) {
            throw new AmlshException("no workspace named " + name);
        }
        current = name;
    }

    @Override
    public List<WorkspaceInfo> list() {
        List<WorkspaceInfo> result = new ArrayList<>();
        stores.keySet()
                .forEach(n -> result.add(new WorkspaceInfo(n, Path.of("/ws/" + n + ".amlsh"), n.equals(current), 0)));
        return result;
    }

    @Override
    public WorkspaceInfo create(String name) {
        if (stores.putIfAbsent(name, store(name)) != null) {
            throw new AmlshException("workspace " + name + " exists");
        }
        return new WorkspaceInfo(name, Path.of("/ws/" + name + ".amlsh"), false, 0);
    }

    @Override
    public void delete(String name) {
        if (stores.remove(name) == null) {
            throw new AmlshException("no workspace named " + name);
        }
    }

    @Override
    public dev.amlsh.workspace.WorkspaceContent export(String selector, Path file) {
        throw new AmlshException("the test catalog cannot export");
    }

    @Override
    public Imported importFile(Path file, String into) {
        throw new AmlshException("the test catalog cannot import");
    }
}

package dev.amlsh.conda.roundtrip;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import dev.amlsh.model.CondaDependency;
import dev.amlsh.model.CondaPackage;
import dev.amlsh.model.CondaSpec;
import dev.amlsh.model.PipSection;
import dev.amlsh.model.SdkPackageNames;
import dev.amlsh.model.YamlScalars;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Brings a document in line with a spec after any edit, by a list diff of each list (channels,
 * dependencies, the pip list, variables) rather than by command, doing to the document what the
 * SDK's edits do to ruamel's {@code CommentedSeq}: an item kept is the same object (comments and
 * all); a run of items changed one for one is an assignment in place ({@code seq[i] = x} keeps
 * the comments of index i); a removed item is a {@code pop}, its comments go with it; an added
 * item is an {@code append} (or an insert), with no comments. A key the spec adds goes at the end
 * of the mapping, as {@code dict[key] = value} does.
 */
final class Reconciler {

    private Reconciler() {}

    static YamlNode.Map reconcile(YamlNode.Map root, CondaSpec spec) {
        List<YamlNode.Entry> entries = new ArrayList<>(root.entries());
        set(entries, "name", spec.name() == null ? null : YamlNode.Scalar.string(spec.name()));
        reconcileList(entries, "channels", strings(spec.channels()), spec.hasChannelsKey());
        reconcileList(entries, "dependencies", dependencies(spec.dependencies()), spec.hasDependenciesKey());
        set(entries, "prefix", spec.prefix() == null ? null : YamlNode.Scalar.string(spec.prefix()));
        reconcileVariables(entries, spec.variables());
        return new YamlNode.Map(entries, root.flow(), root.pre(), root.end());
    }

    private static int indexOf(List<YamlNode.Entry> entries, String key) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A scalar key: kept when its value is unchanged, assigned in place ({@code d[key] = v} keeps
     * its comments), added at the end; a key the spec has no value for keeps its place with no
     * value ({@code prefix:}), as the SDK never deletes a key.
     */
    private static void set(List<YamlNode.Entry> entries, String key, YamlNode.Scalar value) {
        int at = indexOf(entries, key);
        if (value == null) {
            if (at >= 0 && !(entries.get(at).value() instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.NULL)) {
                entries.set(at, entries.get(at).withValue(YamlNode.Scalar.nullValue()));
            }
            return;
        }
        if (at < 0) {
            entries.add(YamlNode.Entry.of(key, value));
        } else if (!sameText(entries.get(at).value(), value.value())) {
            entries.set(at, entries.get(at).withValue(value));
        }
    }

    private static boolean sameText(YamlNode node, String text) {
        return node instanceof YamlNode.Scalar s && Objects.equals(s.value(), text);
    }

    /**
     * A list key. An absent key is created when the spec has the key; a key the file has stays,
     * even when its list is now empty ({@code channels: []} after removing the last channel).
     */
    private static void reconcileList(
            List<YamlNode.Entry> entries, String key, List<YamlNode> wanted, boolean createWhenAbsent) {
        int at = indexOf(entries, key);
        if (at < 0) {
            if (createWhenAbsent) {
                entries.add(YamlNode.Entry.of(key, reconcileSeq(new YamlNode.Seq(List.of(), false), wanted)));
            }
            return;
        }
        YamlNode current = entries.get(at).value();
        YamlNode.Seq seq = current instanceof YamlNode.Seq s ? s : new YamlNode.Seq(List.of(), false);
        YamlNode.Seq result = reconcileSeq(seq, wanted);
        YamlNode.Entry entry = entries.get(at);
        if (seq.items().isEmpty()
                && !result.items().isEmpty()
                && !result.flow()
                && entry.post() != null
                && entry.post().value().startsWith("\n")) {
            // the comment lines below an empty '[]' belong to that list (ruamel's end of the
            // sequence): filled, the list writes them after its last item
            List<YamlNode.Item> items = new ArrayList<>(result.items());
            YamlNode.Item last = withTrailingComment(items.get(items.size() - 1), entry.post());
            if (last != null) {
                items.set(items.size() - 1, last);
                entries.set(
                        at,
                        new YamlNode.Entry(
                                entry.key(), new YamlNode.Seq(items, false), null, entry.pre(), entry.keyPre()));
                return;
            }
        }
        entries.set(at, entry.withValue(result));
    }

    /**
     * The item with a comment after all of it, in the slot the reader gives comment lines below a
     * value (after a scalar item; after a mapping's last value); null where that slot is taken.
     */
    private static YamlNode.Item withTrailingComment(YamlNode.Item item, CommentToken comment) {
        if (item.value() instanceof YamlNode.Scalar) {
            return item.post() == null ? new YamlNode.Item(item.value(), item.pre(), comment) : null;
        }
        if (!(item.value() instanceof YamlNode.Map map)
                || map.flow()
                || map.entries().isEmpty()) {
            return null;
        }
        List<YamlNode.Entry> entries = new ArrayList<>(map.entries());
        YamlNode.Entry last = entries.get(entries.size() - 1);
        if (last.value() instanceof YamlNode.Seq seq
                && !seq.flow()
                && !seq.items().isEmpty()) {
            List<YamlNode.Item> items = new ArrayList<>(seq.items());
            YamlNode.Item inner = withTrailingComment(items.get(items.size() - 1), comment);
            if (inner == null) {
                return null;
            }
            items.set(items.size() - 1, inner);
            entries.set(entries.size() - 1, last.withValue(new YamlNode.Seq(items, false)));
        } else if (last.post() == null) {
            entries.set(
                    entries.size() - 1,
                    new YamlNode.Entry(last.key(), last.value(), comment, last.pre(), last.keyPre()));
        } else {
            return null;
        }
        return item.withValue(new YamlNode.Map(entries, false, map.pre(), map.end()));
    }

    /** The items a spec wants: strings, and the pip map as a one-key map holding the pip list. */
    private static List<YamlNode> dependencies(List<CondaDependency> dependencies) {
        List<YamlNode> nodes = new ArrayList<>();
        for (CondaDependency d : dependencies) {
            if (d instanceof CondaPackage p) {
                nodes.add(YamlNode.Scalar.string(p.spec()));
            } else if (d instanceof PipSection pip) {
                nodes.add(new YamlNode.Map(
                        List.of(YamlNode.Entry.of(
                                "pip",
                                new YamlNode.Seq(
                                        strings(pip.requirements()).stream()
                                                .map(YamlNode.Item::of)
                                                .toList(),
                                        false))),
                        false,
                        List.of()));
            }
        }
        return nodes;
    }

    private static List<YamlNode> strings(List<String> values) {
        return values.stream().<YamlNode>map(YamlNode.Scalar::string).toList();
    }

    /** What identifies an item for the diff: a scalar's text; every pip map is the same item. */
    private static Object identity(YamlNode node) {
        if (node instanceof YamlNode.Scalar s) {
            return "s:" + s.value();
        }
        if (node instanceof YamlNode.Map m && m.entry("pip") != null) {
            return "pip";
        }
        return node;
    }

    private static YamlNode.Seq reconcileSeq(YamlNode.Seq seq, List<YamlNode> wanted) {
        List<YamlNode.Item> old = seq.items();
        Function<YamlNode, Object> id = Reconciler::identity;
        List<Object> oldIds = old.stream().map(i -> id.apply(i.value())).toList();
        List<Object> newIds = wanted.stream().map(id).toList();
        List<YamlNode.Item> result = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<Object> delta : DiffUtils.diff(oldIds, newIds).getDeltas()) {
            int source = delta.getSource().getPosition();
            int target = delta.getTarget().getPosition();
            while (position < source) {
                result.add(keep(old.get(position), wanted.get(target - (source - position))));
                position++;
            }
            int removed = delta.getSource().size();
            int added = delta.getTarget().size();
            if (delta.getType() == DeltaType.CHANGE && removed == added) {
                for (int k = 0; k < added; k++) {
                    YamlNode.Item was = old.get(source + k);
                    YamlNode now = wanted.get(target + k);
                    // seq[i] = x keeps index i's comments; any other change is a pop and an append
                    result.add(assignedInPlace(was.value(), now) ? was.withValue(now) : YamlNode.Item.of(now));
                }
            } else {
                for (int k = 0; k < added; k++) {
                    result.add(YamlNode.Item.of(wanted.get(target + k)));
                }
            }
            position = source + removed;
        }
        int offset = wanted.size() - old.size();
        while (position < old.size()) {
            result.add(keep(old.get(position), wanted.get(position + offset)));
            position++;
        }
        return new YamlNode.Seq(result, seq.flow());
    }

    /**
     * Whether the SDK changes this entry by assigning to its index, which keeps the entry's comments:
     * only {@code set_python_version} (one python entry for another, what {@code add_conda_package}
     * and {@code from_conda_specification} call) and {@code set_pip_option} (an option for one with
     * the same first word) do. Everything else that looks like a change in place is
     * {@code remove_pip_package}'s {@code pop} followed by {@code add_pip_package}'s {@code append},
     * so the old entry's comments go with it (a pip package replaced at the end of its list).
     */
    private static boolean assignedInPlace(YamlNode was, YamlNode now) {
        if (!(was instanceof YamlNode.Scalar before) || !(now instanceof YamlNode.Scalar after)) {
            return false;
        }
        String a = before.asText();
        String b = after.asText();
        if (a == null || b == null) {
            return false;
        }
        if (SdkPackageNames.isPython(a) && SdkPackageNames.isPython(b)) {
            return true;
        }
        return SdkPackageNames.isOption(a)
                && SdkPackageNames.isOption(b)
                && SdkPackageNames.optionKey(a).equals(SdkPackageNames.optionKey(b));
    }

    /** An item the diff kept: the same node, but the pip map's list follows the spec's pip list. */
    private static YamlNode.Item keep(YamlNode.Item item, YamlNode wanted) {
        if (item.value() instanceof YamlNode.Map map && wanted instanceof YamlNode.Map wantedMap) {
            YamlNode.Entry pip = map.entry("pip");
            YamlNode.Seq wantedPip = (YamlNode.Seq) wantedMap.entry("pip").value();
            YamlNode.Seq current = pip.value() instanceof YamlNode.Seq s ? s : new YamlNode.Seq(List.of(), false);
            YamlNode.Seq pipSeq = reconcileSeq(
                    current,
                    wantedPip.items().stream().map(YamlNode.Item::value).toList());
            if (pip.value() instanceof YamlNode.Scalar && pipSeq.items().isEmpty()) {
                return item; // 'pip:' with no value stays null while it holds nothing
            }
            List<YamlNode.Entry> entries = new ArrayList<>(map.entries());
            entries.set(entries.indexOf(pip), pip.withValue(pipSeq));
            return item.withValue(new YamlNode.Map(entries, map.flow(), map.pre(), map.end()));
        }
        return item;
    }

    private static void reconcileVariables(List<YamlNode.Entry> entries, Map<String, Object> typed) {
        Map<String, String> variables = new java.util.LinkedHashMap<>();
        typed.forEach((k, v) -> variables.put(k, v == null ? "" : String.valueOf(v)));
        int at = indexOf(entries, "variables");
        if (at < 0) {
            if (!variables.isEmpty()) {
                List<YamlNode.Entry> vars = new ArrayList<>();
                variables.forEach((k, v) -> vars.add(YamlNode.Entry.of(k, scalar(typed.get(k)))));
                entries.add(YamlNode.Entry.of("variables", new YamlNode.Map(vars, false, List.of())));
            }
            return;
        }
        YamlNode current = entries.get(at).value();
        if (!(current instanceof YamlNode.Map map)) {
            if (!variables.isEmpty()) {
                List<YamlNode.Entry> vars = new ArrayList<>();
                variables.forEach((k, v) -> vars.add(YamlNode.Entry.of(k, scalar(typed.get(k)))));
                entries.set(at, entries.get(at).withValue(new YamlNode.Map(vars, false, List.of())));
            }
            return;
        }
        List<YamlNode.Entry> vars = new ArrayList<>();
        for (YamlNode.Entry entry : map.entries()) {
            if (variables.containsKey(entry.key())) {
                // a list or mapping as a variable's value has no text in the spec: it stays as written;
                // a scalar stays when its value is the spec's (so 010, 0x1F and 1e3 keep their spelling)
                boolean same = !(entry.value() instanceof YamlNode.Scalar s) || sameValue(s, typed.get(entry.key()));
                vars.add(same ? entry : entry.withValue(scalar(typed.get(entry.key()))));
            }
        }
        variables.forEach((k, v) -> {
            if (map.entry(k) == null) {
                vars.add(YamlNode.Entry.of(k, scalar(typed.get(k))));
            }
        });
        entries.set(at, entries.get(at).withValue(new YamlNode.Map(vars, map.flow(), map.pre(), map.end())));
    }

    /** Whether a scalar of the document holds this typed value (a string, number, boolean or null). */
    private static boolean sameValue(YamlNode.Scalar scalar, Object value) {
        return switch (scalar.kind()) {
            case STR -> Objects.equals(scalar.value(), value);
            case NULL -> value == null || "".equals(value);
            default -> Objects.equals(YamlScalars.plain(scalar.value()), value);
        };
    }

    /**
     * A variable's value as ruamel dumps the plain data: a string as a string (quoted where it would
     * read back as another type), a number or boolean as that type ({@code THREADS: 8}, not '8').
     */
    private static YamlNode.Scalar scalar(Object value) {
        if (value == null) {
            return YamlNode.Scalar.nullValue(); // ruamel writes a nested None as nothing: 'KEY:'
        }
        if (value instanceof Number || value instanceof Boolean) {
            return Yaml12.plain(String.valueOf(value));
        }
        return YamlNode.Scalar.string(String.valueOf(value));
    }
}

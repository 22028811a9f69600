package dev.amlsh.formats;

import dev.amlsh.conda.CondaFileReader;
import dev.amlsh.conda.PipRequirementsReader;
import dev.amlsh.model.AmlshException;
import dev.amlsh.model.CondaDependency;
import dev.amlsh.model.CondaPackage;
import dev.amlsh.model.CondaSpec;
import dev.amlsh.model.PipLogicalLine;
import dev.amlsh.model.PipSection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A conda spec as the JSON object the service form holds in {@code python.condaDependencies}:
 * {@code name}, {@code channels}, {@code dependencies} (strings and one {@code {"pip": [...]}}),
 * {@code prefix}, {@code variables}, in that order, absent parts left out.
 */
final class CondaSpecTree {

    private CondaSpecTree() {}

    static Map<String, Object> toTree(CondaSpec spec) {
        Map<String, Object> tree = new LinkedHashMap<>();
        if (spec.name() != null) {
            tree.put("name", spec.name());
        }
        if (spec.hasChannelsKey()) {
            tree.put("channels", spec.channels());
        }
        List<Object> dependencies = new ArrayList<>();
        for (CondaDependency d : spec.dependencies()) {
            if (d instanceof CondaPackage p) {
                dependencies.add(p.spec());
            } else if (d instanceof PipSection pip) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("pip", pip.requirements());
                dependencies.add(entry);
            }
        }
        if (spec.hasDependenciesKey()) {
            tree.put("dependencies", dependencies);
        }
        if (spec.prefix() != null) {
            tree.put("prefix", spec.prefix());
        }
        if (!spec.variables().isEmpty()) {
            tree.put("variables", spec.variables());
        }
        return tree;
    }

    static CondaSpec fromTree(JsonFields fields) {
        fields.rejectUnknown(CondaFileReader.TOP_LEVEL_KEYS);
        List<Object> items = fields.list("dependencies");
        List<CondaDependency> dependencies = new ArrayList<>();
        boolean pipSeen = false;
        for (int i = 0; i < items.size(); i++) {
            String pointer = fields.child("dependencies") + "/" + i;
            Object item = items.get(i);
            if (item instanceof String s) {
                if (s.isBlank()) {
                    throw fields.document().problem(pointer, "a dependency cannot be empty");
                }
                try {
                    dev.amlsh.model.CondaMatchSpec.parse(s);
                } catch (dev.amlsh.model.SyntaxProblem e) {
                    throw fields.document()
                            .problem(pointer, e.as("a conda package").problem());
                }
                dependencies.add(new CondaPackage(s));
                continue;
            }
            JsonFields entry =
                    JsonFields.of(fields.document(), pointer, fields.qualified("dependencies") + "[" + i + "]", item);
            entry.rejectUnknown(java.util.Set.of("pip"));
            if (pipSeen) {
                throw entry.problemHere("a second 'pip:' list (a conda spec may have only one)");
            }
            pipSeen = true;
            List<String> requirements = entry.strings("pip");
            // checked as pip reads the list: an entry ending in '\' continues on the next
            for (PipLogicalLine logical : PipLogicalLine.of(requirements)) {
                String line = logical.text().strip();
                if (!logical.ignoredByPip()
                        && !PipRequirementsReader.isOption(line)
                        && !PipRequirementsReader.isValidRequirement(line)) {
                    throw fields.document()
                            .problem(
                                    entry.child("pip") + "/" + logical.first(),
                                    "'" + line + "' is not a pip requirement: "
                                            + PipRequirementsReader.whyInvalid(line));
                }
            }
            dependencies.add(new PipSection(requirements));
        }
        try {
            return new CondaSpec(
                    fields.string("name", null),
                    fields.has("channels") ? fields.strings("channels") : null,
                    fields.has("dependencies") ? dependencies : null,
                    fields.string("prefix", null),
                    fields.scalarMap("variables"));
        } catch (AmlshException e) {
            throw fields.problemHere(e.problem());
        }
    }
}

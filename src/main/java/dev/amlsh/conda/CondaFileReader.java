package dev.amlsh.conda;

import dev.amlsh.model.AmlshException;
import dev.amlsh.model.CondaDependency;
import dev.amlsh.model.CondaMatchSpec;
import dev.amlsh.model.CondaPackage;
import dev.amlsh.model.CondaSpec;
import dev.amlsh.model.ControlCharacters;
import dev.amlsh.model.PipLogicalLine;
import dev.amlsh.model.PipRequirementSyntax;
import dev.amlsh.model.PipSection;
import dev.amlsh.model.SyntaxProblem;
import dev.amlsh.model.YamlScalars;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a conda environment file as conda and Azure ML's Python tools do (YAML 1.1), node by
 * node so that every problem names the file, line and column. Safe: no custom tags, limits on
 * size, nesting and aliases. Order is kept because it changes the hash.
 */
public final class CondaFileReader {

    public static final Set<String> TOP_LEVEL_KEYS = Set.of("name", "channels", "dependencies", "prefix", "variables");

    private static final String ALLOWED = "name, channels, dependencies, prefix, variables";

    private CondaFileReader() {}

    public static CondaSpec read(Path path) {
        return parse(TextFile.read(path));
    }

    public static CondaSpec parse(Path path, String text) {
        return parse(new TextFile(path, text));
    }

    static CondaSpec parse(TextFile file) {
        Node root = YamlNodes.compose(file);
        if (root == null) {
            throw AmlshException.inFile(file.path(), "is empty: a conda file needs at least a dependencies list");
        }
        return new CondaFileReader.Walk(file).spec(root);
    }

    /** A conda spec held inside another YAML document (a v2 file's inline {@code conda_file:}). */
    public static CondaSpec fromNode(TextFile file, Node node) {
        return new CondaFileReader.Walk(file).spec(node);
    }

    private record Walk(TextFile file) {

        CondaSpec spec(Node root) {
            MappingNode map = mapping(root, "a conda file must be a mapping of name, channels, dependencies, ...");
            String name = null;
            List<String> channels = null;
            List<CondaDependency> dependencies = null;
            String prefix = null;
            Map<String, Object> variables = Map.of();
            for (NodeTuple tuple : uniqueTuples(map)) {
                String key = keyOf(tuple);
                Node value = tuple.getValueNode();
                switch (key) {
                    case "name" -> name = optionalScalar(value, "name");
                    case "channels" -> channels = noControlCharacters(value, scalars(value, "channels"), "a channel");
                    case "dependencies" -> {
                        if (isNull(value)) {
                            // azureml-core's get_python_version iterates the value and fails on None
                            throw problem(
                                    tuple.getKeyNode(),
                                    "'dependencies' has no value: list the packages, or write 'dependencies: []'");
                        }
                        dependencies = dependencies(value);
                    }
                    case "prefix" -> prefix = optionalScalar(value, "prefix");
                    case "variables" -> variables = variables(value);
                    default ->
                        throw problem(
                                tuple.getKeyNode(), "unknown top-level key '" + key + "' (allowed: " + ALLOWED + ")");
                }
            }
            return new CondaSpec(name, channels, dependencies, prefix, variables);
        }

        List<CondaDependency> dependencies(Node node) {
            SequenceNode seq = sequence(node, "'dependencies' must be a list");
            List<CondaDependency> result = new ArrayList<>();
            boolean pipSeen = false;
            for (Node item : seq.getValue()) {
                if (item instanceof ScalarNode) {
                    String spec = requiredScalar(item, "a dependency");
                    if (spec.isBlank()) {
                        throw problem(item, "a dependency cannot be empty");
                    }
                    rejectTemplateToken(item, spec);
                    checkSyntax(item, spec, "a conda package", () -> CondaMatchSpec.parse(spec));
                    CondaPackage added = new CondaPackage(spec);
                    if (added.isPython()
                            && result.stream().anyMatch(d -> d instanceof CondaPackage p && p.isPython())) {
                        throw problem(
                                item,
                                "a second python entry ('" + spec + "'): the image could not be built"
                                        + " with two pythons; keep one");
                    }
                    result.add(added);
                } else if (item instanceof MappingNode map) {
                    for (NodeTuple tuple : uniqueTuples(map)) {
                        String key = keyOf(tuple);
                        if (!key.equals("pip")) {
                            throw problem(
                                    tuple.getKeyNode(),
                                    "'" + key + ":' is not allowed in dependencies (only 'pip:' may hold a list)");
                        }
                        if (pipSeen) {
                            throw problem(tuple.getKeyNode(), "a second 'pip:' list (a conda file may have only one)");
                        }
                        pipSeen = true;
                        result.add(new PipSection(pipRequirements(tuple.getValueNode())));
                    }
                } else {
                    throw problem(
                            item, "a dependency must be a package (e.g. numpy=1.26) or a 'pip:' list, not a list");
                }
            }
            return result;
        }

        List<String> pipRequirements(Node node) {
            List<String> lines = scalars(node, "'pip:'");
            List<Node> items = lines.isEmpty() ? List.of() : ((SequenceNode) node).getValue();
            for (int i = 0; i < lines.size(); i++) {
                rejectTemplateToken(items.get(i), lines.get(i));
            }
            // blank lines and comments are kept, as from_pip_requirements writes them (pip skips them);
            // an entry ending in '\' continues on the next, as pip reads the list conda writes for it
            for (PipLogicalLine line : PipLogicalLine.of(lines)) {
                if (line.ignoredByPip()) {
                    continue;
                }
                try {
                    PipRequirementSyntax.check(line.text());
                } catch (SyntaxProblem e) {
                    int k = line.lineOf(e.offset());
                    Node item = items.get(line.first() + k);
                    String physical = lines.get(line.first() + k);
                    checkSyntax(item, physical, "a pip requirement", () -> {
                        throw new SyntaxProblem(physical, line.columnOf(e.offset()), e.problem());
                    });
                }
            }
            return lines;
        }

        /** Values typed as ruamel's YAML 1.2 reader types them: a quoted value is a string, a plain one resolved. */
        Map<String, Object> variables(Node node) {
            if (isNull(node)) {
                return Map.of();
            }
            MappingNode map = mapping(node, "'variables' must be a mapping of NAME: value");
            Map<String, Object> result = new LinkedHashMap<>();
            for (NodeTuple tuple : uniqueTuples(map)) {
                Node value = tuple.getValueNode();
                String variable = keyOf(tuple);
                checkSyntax(tuple.getKeyNode(), variable, "a variable name", () -> ControlCharacters.check(variable));
                String text = isNull(value) ? "" : requiredScalar(value, "a variable's value");
                checkSyntax(value, text, "a variable's value", () -> ControlCharacters.check(text));
                if (isNull(value)) {
                    result.put(variable, null);
                } else {
                    result.put(variable, ((ScalarNode) value).isPlain() ? YamlScalars.plain(text) : text);
                }
            }
            return result;
        }

        List<String> scalars(Node node, String what) {
            if (isNull(node)) {
                return List.of();
            }
            SequenceNode seq = sequence(node, what + " must be a list");
            List<String> result = new ArrayList<>();
            for (Node item : seq.getValue()) {
                result.add(requiredScalar(item, "an entry of " + what));
            }
            return result;
        }

        /** Keys in order; a key given twice is an error at its second place. */
        List<NodeTuple> uniqueTuples(MappingNode map) {
            Set<String> seen = new HashSet<>();
            for (NodeTuple tuple : map.getValue()) {
                if (tuple.getKeyNode().getTag().equals(Tag.MERGE)) {
                    throw problem(tuple.getKeyNode(), "merge keys ('<<') are not supported in conda files");
                }
                String key = keyOf(tuple);
                if (!seen.add(key)) {
                    throw problem(tuple.getKeyNode(), "duplicate key '" + key + "'");
                }
            }
            return map.getValue();
        }

        /** Runs a grammar over a scalar's text; its problem is placed at the scalar's column plus the offset. */
        void checkSyntax(Node node, String text, String what, Runnable grammar) {
            try {
                grammar.run();
            } catch (SyntaxProblem e) {
                Mark mark = node.getStartMark();
                int quote = node instanceof ScalarNode scalar && scalar.isPlain() ? 0 : 1;
                throw e.at(file.at(mark.getLine() + 1, mark.getColumn() + 1 + quote), what);
            } catch (AmlshException e) {
                throw problem(node, e.problem());
            }
        }

        List<String> noControlCharacters(Node node, List<String> values, String what) {
            for (int i = 0; i < values.size(); i++) {
                String value = values.get(i);
                checkSyntax(((SequenceNode) node).getValue().get(i), value, what, () -> ControlCharacters.check(value));
            }
            return values;
        }

        String keyOf(NodeTuple tuple) {
            return requiredScalar(tuple.getKeyNode(), "a key");
        }

        String optionalScalar(Node node, String what) {
            return isNull(node) ? null : requiredScalar(node, "'" + what + "'");
        }

        String requiredScalar(Node node, String what) {
            if (node instanceof ScalarNode scalar) {
                if (isNull(node)) {
                    throw problem(node, what + " cannot be empty");
                }
                return scalar.getValue();
            }
            throw problem(node, what + " must be a single value, not " + describe(node));
        }

        MappingNode mapping(Node node, String message) {
            if (node instanceof MappingNode map) {
                return map;
            }
            throw problem(node, message + " (found " + describe(node) + ")");
        }

        SequenceNode sequence(Node node, String message) {
            if (node instanceof SequenceNode seq) {
                return seq;
            }
            throw problem(node, message + " (found " + describe(node) + ")");
        }

        boolean isNull(Node node) {
            return YamlNodes.isNull(node);
        }

        void rejectTemplateToken(Node node, String value) {
            TemplateTokens.find(value).ifPresent(token -> {
                Mark mark = node.getStartMark();
                int quote = node instanceof ScalarNode scalar && scalar.isPlain() ? 0 : 1;
                throw new AmlshException(
                        TemplateTokens.message(token.text()),
                        file.at(mark.getLine() + 1, mark.getColumn() + 1 + quote + token.offset()));
            });
        }

        AmlshException problem(Node node, String message) {
            return YamlNodes.problem(file, node, message);
        }
    }

    static String describe(Node node) {
        return YamlNodes.describe(node);
    }
}

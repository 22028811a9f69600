package dev.amlsh.conda;

import dev.amlsh.model.AmlshException;
import java.io.StringReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * SnakeYAML (YAML 1.1) composed to nodes, with limits, and its errors turned into ours with
 * the real line and column. Nodes keep positions; constructed objects would not.
 */
public final class YamlNodes {

    private YamlNodes() {}

    /** The document's root node, or null for an empty document (only blanks and comments). */
    public static Node compose(TextFile file) {
        LoaderOptions options = loaderOptions();
        Yaml yaml = new Yaml(
                new SafeConstructor(options),
                new org.yaml.snakeyaml.representer.Representer(new org.yaml.snakeyaml.DumperOptions()),
                new org.yaml.snakeyaml.DumperOptions(),
                options);
        try {
            return yaml.compose(new StringReader(file.text()));
        } catch (YAMLException e) {
            throw error(file, e);
        }
    }

    /** The limits every conda file is read with. */
    public static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit((int) TextFile.MAX_BYTES);
        options.setAllowRecursiveKeys(false);
        return options;
    }

    /** A SnakeYAML error as ours: the file, and the line and column when SnakeYAML knows them. */
    public static AmlshException error(TextFile file, YAMLException error) {
        try {
            throw error;
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            if (e.getContext() != null && e.getProblem() != null) {
                problem = e.getContext() + ": " + e.getProblem();
            }
            if (mark == null) {
                return AmlshException.inFile(file.path(), "is not valid YAML: " + problem);
            }
            return new AmlshException("invalid YAML: " + problem, file.at(mark.getLine() + 1, mark.getColumn() + 1));
        } catch (YAMLException e) {
            return AmlshException.inFile(file.path(), "is not valid YAML: " + e.getMessage());
        }
    }

    /** An empty value or {@code ~}/{@code null}: YAML 1.1's null. */
    public static boolean isNull(Node node) {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    /** A problem at a node's first character, with the file's line for the caret. */
    public static AmlshException problem(TextFile file, Node node, String message) {
        Mark mark = node.getStartMark();
        return new AmlshException(message, file.at(mark.getLine() + 1, mark.getColumn() + 1));
    }

    /** How error messages name a node's kind. */
    public static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return "a single value";
    }
}

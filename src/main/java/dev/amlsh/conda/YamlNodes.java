package dev.amlsh.conda;

import dev.amlsh.model.AmlshException;
import java.io.StringReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * SnakeYAML (YAML 1.1) composed to nodes, with limits, and its errors turned into ours with
 * the real line and column. Nodes keep positions; constructed objects would not.
 */
public final class YamlNodes {

    private YamlNodes() {}

    /** The document's root node, or null for an empty document (only blanks and comments). */
    public static Node compose(TextFile file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit((int) TextFile.MAX_BYTES);
        options.setAllowRecursiveKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options), new org.yaml.snakeyaml.representer.Representer(
                new org.yaml.snakeyaml.DumperOptions()), new org.yaml.snakeyaml.DumperOptions(), options);
        try {
            return yaml.compose(new StringReader(file.text()));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            if (e.getContext() != null && e.getProblem() != null) {
                problem = e.getContext() + ": " + e.getProblem();
            }
            if (mark == null) {
                throw AmlshException.inFile(file.path(), "is not valid YAML: " + problem);
            }
            throw new AmlshException("invalid YAML: " + problem, file.at(mark.getLine() + 1, mark.getColumn() + 1));
        } catch (YAMLException e) {
            throw AmlshException.inFile(file.path(), "is not valid YAML: " + e.getMessage());
        }
    }
}

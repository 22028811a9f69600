package dev.amlsh.shell.render;

import dev.amlsh.shell.OutputFormat;
import java.io.PrintWriter;
import java.util.function.Consumer;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Renders a command's result: text for people, or the same view (plain maps, lists, strings,
 * numbers, booleans) as JSON or YAML for machines. The views' shapes are documented in
 * docs/COMMANDS.md and pinned by golden files.
 */
public final class Output {

    private ObjectWriter json;
    private ObjectWriter yaml;

    /** Jackson is set up on first use: most text commands never need it, and it costs start-up time. */
    private void init() {
        if (json != null) {
            return;
        }
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""))
                .withArrayIndenter(indenter)
                .withObjectIndenter(indenter);
        this.json = JsonMapper.builder().build().writer().with(pretty);
        this.yaml = YAMLMapper.builder()
                .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
                .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
                .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
                .build().writer();
    }

    /** Prints {@code view} as JSON or YAML, or runs {@code text} for the text format. */
    public void print(PrintWriter out, OutputFormat format, Object view, Consumer<PrintWriter> text) {
        switch (format) {
            case JSON -> out.println(json(view));
            case YAML -> out.print(yaml(view));
            case TEXT -> text.accept(out);
        }
    }

    public String json(Object view) {
        init();
        return json.writeValueAsString(view);
    }

    public String yaml(Object view) {
        init();
        String s = yaml.writeValueAsString(view);
        return s.endsWith("\n") ? s : s + "\n";
    }
}

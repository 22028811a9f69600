package dev.amlsh.shell.render;

import dev.amlsh.shell.api.OutputFormat;
import dev.amlsh.shell.api.ResultPrinter;
import java.io.PrintWriter;
import java.util.function.Consumer;
import dev.amlsh.formats.OutputJson;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Renders a command's result: text for people, or the same view (plain maps, lists, strings,
 * numbers, booleans) as JSON or YAML for machines. The views' shapes are documented in
 * docs/COMMANDS.md and pinned by golden files.
 */
public final class Output implements ResultPrinter {

    private ObjectWriter yaml;

    /** Jackson's YAML writer is set up on first use: it costs start-up time most commands never need. */
    private void init() {
        if (yaml != null) {
            return;
        }
        this.yaml = YAMLMapper.builder()
                .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
                .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
                .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
                .build().writer();
    }

    /** Prints {@code view} as JSON or YAML, or runs {@code text} for the text format. */
    @Override
    public void print(PrintWriter out, OutputFormat format, Object view, Consumer<PrintWriter> text) {
        switch (format) {
            case JSON -> out.print(json(view));
            case YAML -> out.print(yaml(view));
            case TEXT -> text.accept(out);
        }
    }

    /** 2-space JSON with one trailing newline ({@link OutputJson}, the engine's writer). */
    public String json(Object view) {
        return OutputJson.write(view);
    }

    public String yaml(Object view) {
        init();
        String s = yaml.writeValueAsString(view);
        return s.endsWith("\n") ? s : s + "\n";
    }
}

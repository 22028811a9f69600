package dev.amlsh.shell.render;

import dev.amlsh.formats.OutputJson;
import dev.amlsh.shell.api.CommandResult;
import dev.amlsh.shell.api.OutputFormat;
import dev.amlsh.shell.api.PlainText;
import java.io.PrintWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Renders a command's result: its text for people, or its record as JSON or YAML for machines. Jackson
 * turns the record into a tree (components in declaration order, nulls kept); amlsh's JSON writer
 * ({@link OutputJson}) and Jackson's YAML writer print the tree. The shapes are documented in
 * docs/COMMANDS.md and pinned by golden files.
 */
public final class Output {

    private JsonMapper mapper;
    private YAMLMapper yaml;

    /** Jackson is set up on first use: it costs start-up time that text output never needs. */
    private void init() {
        if (mapper != null) {
            return;
        }
        mapper = JsonMapper.builder().build();
        yaml = YAMLMapper.builder()
                .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
                .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
                .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
                .build();
    }

    public void print(PrintWriter out, OutputFormat format, CommandResult result) {
        if (result instanceof PlainText text) {
            out.print(text.text()); // help and echo are text in every format
            return;
        }
        switch (format) {
            case JSON -> out.print(OutputJson.write(tree(result)));
            case YAML -> out.print(yaml(tree(result)));
            case TEXT -> result.printText(out);
        }
    }

    /** The record as plain maps, lists and scalars. */
    Object tree(CommandResult result) {
        init();
        return mapper.convertValue(result, Object.class);
    }

    private String yaml(Object tree) {
        String s = yaml.writeValueAsString(tree);
        return s.endsWith("\n") ? s : s + "\n";
    }
}

package dev.amlsh.conda;

import dev.amlsh.model.CondaDependency;
import dev.amlsh.model.CondaPackage;
import dev.amlsh.model.CondaSpec;
import dev.amlsh.model.PipSection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One way a person may write a conda file: block or flow lists, indent, quote style, comments,
 * key order, line ends. Renders a spec in that style, independently of {@link CondaSpecWriter}.
 */
record CondaStyle(
        boolean flow,
        int indent,
        boolean indentSequences,
        char quote,
        boolean comments,
        boolean nameFirst,
        boolean crlf) {

    enum Quote {
        PLAIN,
        SINGLE,
        DOUBLE
    }

    String render(CondaSpec spec) {
        List<String> lines = new ArrayList<>();
        if (comments) {
            lines.add("# a conda environment");
        }
        if (nameFirst) {
            name(spec, lines);
        }
        if (spec.hasChannelsKey() && spec.channels().isEmpty()) {
            lines.add("channels: []");
        } else if (spec.hasChannelsKey()) {
            list(lines, "channels", spec.channels(), 0);
        }
        if (comments) {
            lines.add("");
            lines.add("   # the packages");
        }
        lines.add("dependencies:" + (spec.dependencies().isEmpty() ? " []" : ""));
        String pad = " ".repeat(indentSequences ? indent : 0);
        for (CondaDependency d : spec.dependencies()) {
            if (d instanceof CondaPackage p) {
                lines.add(pad + "- " + scalar(p.spec()) + (comments ? "  # pinned?" : ""));
            } else if (d instanceof PipSection pip) {
                if (flow || pip.requirements().isEmpty()) {
                    lines.add(pad + "- pip: " + flowList(pip.requirements()));
                } else {
                    lines.add(pad + "- pip:" + (comments ? " # pip packages" : ""));
                    String inner = pad + " ".repeat(2 + (indentSequences ? indent : 0));
                    for (String r : pip.requirements()) {
                        lines.add(inner + "- " + scalar(r));
                    }
                }
            }
        }
        if (spec.prefix() != null) {
            lines.add("prefix: " + scalar(spec.prefix()));
        }
        if (!spec.variables().isEmpty()) {
            lines.add("variables:");
            for (Map.Entry<String, Object> v : spec.variables().entrySet()) {
                // the generated specs hold string values; each style must keep them strings
                lines.add(" ".repeat(indent) + scalar(v.getKey()) + ": " + scalar((String) v.getValue()));
            }
        }
        if (!nameFirst) {
            name(spec, lines);
        }
        if (comments) {
            lines.add("# end");
        }
        String eol = crlf ? "\r\n" : "\n";
        return String.join(eol, lines) + eol;
    }

    private void name(CondaSpec spec, List<String> lines) {
        if (spec.name() != null) {
            lines.add("name: " + scalar(spec.name()));
        }
    }

    private void list(List<String> lines, String key, List<String> items, int level) {
        if (flow) {
            lines.add(key + ": " + flowList(items));
            return;
        }
        lines.add(key + ":");
        String pad = " ".repeat(indentSequences ? indent : 0);
        for (String item : items) {
            lines.add(pad + "- " + scalar(item));
        }
    }

    private String flowList(List<String> items) {
        List<String> out = new ArrayList<>();
        for (String item : items) {
            out.add(flowScalar(item));
        }
        return "[" + String.join(", ", out) + "]";
    }

    /** In a flow list, plain scalars must also avoid {@code , [ ] { }}; quote those. */
    private String flowScalar(String value) {
        if (quote == 'p' && value.chars().anyMatch(c -> ",[]{}".indexOf(c) >= 0)) {
            return "'" + value.replace("'", "''") + "'";
        }
        return scalar(value);
    }

    /** Plain only where {@link CondaSpecWriter} would write it plain (so it is legal); else the quote style. */
    String scalar(String value) {
        String writer = CondaSpecWriter.scalar(value);
        boolean plainLegal = writer.equals(value);
        if (writer.startsWith("\"")) {
            return writer;
        }
        return switch (quote) {
            case 's' -> "'" + value.replace("'", "''") + "'";
            case 'd' -> "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            default -> plainLegal ? value : writer;
        };
    }
}

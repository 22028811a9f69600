package dev.amlsh.conda;

import dev.amlsh.model.CondaDependency;
import dev.amlsh.model.CondaPackage;
import dev.amlsh.model.CondaSpec;
import dev.amlsh.model.PipSection;
import dev.amlsh.model.YamlScalars;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Writes a conda spec the way Azure ML returns {@code mutated_conda_dependencies.yml}: top-level
 * keys sorted ({@code channels}, {@code dependencies}, {@code name}, {@code prefix},
 * {@code variables}), list items indented four spaces, the {@code pip:} list four deeper, no
 * comments, quotes only where YAML 1.1 needs them. Reading the result back gives the same spec.
 */
public final class CondaSpecWriter {

    private static final String INDENT = "    ";
    private static final Resolver RESOLVER = new Resolver();
    private static final Pattern PLAIN_SAFE =
            Pattern.compile("[^\\s\\-?:,\\[\\]{}#&*!|>'\"%@`][^\\n]*|[-?:][^\\s,\\[\\]{}][^\\n]*");

    private CondaSpecWriter() {}

    public static String write(CondaSpec spec) {
        StringBuilder out = new StringBuilder();
        if (spec.hasChannelsKey() && spec.channels().isEmpty()) {
            out.append("channels: []\n");
        } else if (spec.hasChannelsKey()) {
            out.append("channels:\n");
            for (String channel : spec.channels()) {
                out.append(INDENT).append("- ").append(scalar(channel)).append('\n');
            }
        }
        // a spec read without a dependencies key is written without one, so it reads back the same
        if (spec.hasDependenciesKey()) {
            out.append("dependencies:");
            if (spec.dependencies().isEmpty()) {
                out.append(" []");
            }
            out.append('\n');
        }
        for (CondaDependency dependency : spec.dependencies()) {
            if (dependency instanceof CondaPackage p) {
                out.append(INDENT).append("- ").append(scalar(p.spec())).append('\n');
            } else if (dependency instanceof PipSection pip) {
                out.append(INDENT).append("- pip:");
                out.append(pip.requirements().isEmpty() ? " []\n" : "\n");
                for (String requirement : pip.requirements()) {
                    out.append(INDENT)
                            .append(INDENT)
                            .append("- ")
                            .append(scalar(requirement))
                            .append('\n');
                }
            }
        }
        if (spec.name() != null) {
            out.append("name: ").append(scalar(spec.name())).append('\n');
        }
        if (spec.prefix() != null) {
            out.append("prefix: ").append(scalar(spec.prefix())).append('\n');
        }
        if (!spec.variables().isEmpty()) {
            out.append("variables:\n");
            for (Map.Entry<String, Object> variable : spec.variables().entrySet()) {
                out.append(INDENT)
                        .append(scalar(variable.getKey()))
                        .append(": ")
                        .append(value(variable.getValue()))
                        .append('\n');
            }
        }
        // a spec with no keys at all is the empty mapping (an empty file is not a conda file)
        return out.isEmpty() ? "{}\n" : out.toString();
    }

    /** A variable's value: a string as {@link #scalar}, a number, boolean or null as YAML writes it. */
    static String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return scalar(s);
        }
        return YamlScalars.text(value);
    }

    /**
     * The value plain when YAML 1.1 and YAML 1.2 (the SDK's reader) both read it back as the same string, else
     * single-quoted.
     */
    public static String scalar(String value) {
        if (needsDoubleQuotes(value)) {
            return doubleQuoted(value);
        }
        boolean plain = !value.isEmpty()
                && value.equals(value.strip())
                && PLAIN_SAFE.matcher(value).matches()
                && !value.contains(": ")
                && !value.contains(" #")
                && !value.endsWith(":")
                && RESOLVER.resolve(org.yaml.snakeyaml.nodes.NodeId.scalar, value, true)
                        .equals(Tag.STR)
                && YamlScalars.plain(value) instanceof String;
        return plain ? value : "'" + value.replace("'", "''") + "'";
    }

    /**
     * Characters a YAML 1.1 reader does not take as they are in a plain or single-quoted scalar:
     * control characters, the non-printable ranges, the YAML 1.1 line breaks (NEL, LS, PS) and a
     * byte order mark (a reader skips it before a token).
     */
    private static boolean needsDoubleQuotes(String value) {
        return value.chars().anyMatch(CondaSpecWriter::mustEscape);
    }

    private static boolean mustEscape(int c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF || c >= 0xFFFE;
    }

    private static String doubleQuoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (!mustEscape(c)) {
                        out.append(c);
                    } else if (c <= 0xFF) {
                        out.append(String.format("\\x%02X", (int) c));
                    } else {
                        out.append(String.format("\\u%04X", (int) c));
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}

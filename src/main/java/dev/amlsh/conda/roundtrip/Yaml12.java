package dev.amlsh.conda.roundtrip;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * YAML 1.2 as ruamel.yaml's round trip reads plain scalars (its {@code VersionedResolver} for
 * 1.2: {@code yes} is a string, {@code 010} an int), and the text it writes back for each type.
 */
final class Yaml12 {

    private static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
            + "|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)"
            + "|[-+]?\\.[0-9_]+(?:[eE][-+][0-9]+)?"
            + "|[-+]?\\.(?:inf|Inf|INF)"
            + "|\\.(?:nan|NaN|NAN)");
    private static final Pattern INT =
            Pattern.compile("[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+");
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
            + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9]"
            + "(?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?");

    private Yaml12() {}

    /** The type a plain scalar with this text has. Resolvers are tried by first character, as ruamel does. */
    static YamlNode.Kind resolve(String plain) {
        if (NULL.matcher(plain).matches()) {
            return YamlNode.Kind.NULL;
        }
        if (BOOL.matcher(plain).matches()) {
            return YamlNode.Kind.BOOL;
        }
        if (INT.matcher(plain).matches()) {
            return YamlNode.Kind.INT;
        }
        if (FLOAT.matcher(plain).matches()) {
            return YamlNode.Kind.FLOAT;
        }
        if (TIMESTAMP.matcher(plain).matches()) {
            return YamlNode.Kind.TIMESTAMP;
        }
        return YamlNode.Kind.STR;
    }

    /** A plain scalar read from a file: its type, and the text ruamel writes for that value. */
    static YamlNode.Scalar plain(String text) {
        YamlNode.Kind kind = resolve(text);
        return switch (kind) {
            case NULL -> YamlNode.Scalar.nullValue();
            case BOOL ->
                new YamlNode.Scalar(
                        text.toLowerCase(java.util.Locale.ROOT), kind, text.toLowerCase(java.util.Locale.ROOT));
            case INT -> new YamlNode.Scalar(text, kind, intText(text));
            case FLOAT -> new YamlNode.Scalar(text, kind, floatText(text));
            default -> new YamlNode.Scalar(text, kind, text);
        };
    }

    /**
     * ruamel's {@code ScalarInt} family: the sign '+' goes, a decimal's leading zeros stay (as a
     * width), binary, octal and hex keep their prefix and digits, underscores stay.
     */
    static String intText(String text) {
        String unsigned = text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text;
        boolean negative = text.startsWith("-");
        String digits = unsigned.replace("_", "");
        if (digits.equals("0")) {
            return "0";
        }
        if (unsigned.contains("_") || digits.startsWith("0b") || digits.startsWith("0o") || digits.startsWith("0x")) {
            return (negative ? "-" : "") + unsigned;
        }
        BigInteger value = new BigInteger(digits);
        if (negative) {
            value = value.negate();
        }
        if (digits.startsWith("0")) {
            // Python's '{:0{width}d}': the sign counts in the width
            String s = value.abs().toString();
            int width = digits.length() - (value.signum() < 0 ? 1 : 0);
            return (value.signum() < 0 ? "-" : "") + "0".repeat(Math.max(0, width - s.length())) + s;
        }
        return value.toString();
    }

    /** ruamel's {@code ScalarFloat} keeps a float's spelling; infinities and NaN are written its way. */
    static String floatText(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".nan")) {
            return ".nan";
        }
        if (lower.endsWith(".inf")) {
            return lower.startsWith("-") ? "-.inf" : ".inf";
        }
        return text;
    }
}

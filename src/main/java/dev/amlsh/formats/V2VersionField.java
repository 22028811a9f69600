package dev.amlsh.formats;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Date;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A v2 file's {@code version} as azure-ai-ml's {@code VersionField._deserialize}
 * ({@code _schema/core/fields.py}) turns it into a string: a string stays as it is; an int or a
 * float becomes Python's {@code str(value)} ({@code 3} is {@code "3"}, {@code 1.10} is
 * {@code "1.1"}, and a YAML {@code true} is {@code "True"}, a Python bool being an int); anything
 * else (an unquoted date, a list) is refused, as the SDK raises
 * {@code Type <class '...'> is not supported for version.}. The value is what PyYAML's
 * {@code safe_load} (YAML 1.1, as SnakeYAML) makes of the scalar.
 */
final class V2VersionField {

    /** The string, or the reason it has none: exactly one of the two is set. */
    record Result(String version, String problem) {}

    private V2VersionField() {}

    static Result of(ScalarNode node) {
        Object value = node.getTag().getValue().equals("tag:yaml.org,2002:str") ? node.getValue() : construct(node);
        if (value instanceof String s) {
            return new Result(s, null);
        }
        if (value instanceof Boolean b) {
            return new Result(b ? "True" : "False", null);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            return new Result(value.toString(), null);
        }
        if (value instanceof Double d) {
            return new Result(pythonRepr(d), null);
        }
        if (value instanceof Date) {
            return new Result(
                    null,
                    "version " + node.getValue() + " is a date to YAML, and Azure ML refuses it"
                            + " (Type <class 'datetime.date'> is not supported for version.): quote it, version: \""
                            + node.getValue() + "\"");
        }
        return new Result(
                null,
                "a version must be a string or a number, not "
                        + (value == null ? "null (Field may not be null.)" : node.getValue()));
    }

    /** The scalar constructed as YAML 1.1's safe loader does (int, float, bool, timestamp, null). */
    private static Object construct(ScalarNode node) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        return yaml.load(node.getValue());
    }

    /**
     * Python's {@code repr(float)}: the shortest digits that read back as the same double, fixed
     * notation with at least one decimal for exponents -4 to 15, else {@code 1e+16} style.
     * (The digits come from Java's {@code Double.toString}, which on JDK 17 can give one digit
     * more than the shortest for a few rare doubles.)
     */
    static String pythonRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = exact.unscaledValue().toString();
        int exponent = digits.length() - 1 - exact.scale();
        String sign = d < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            String plain = exact.toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String exp = String.format("%02d", Math.abs(exponent));
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
    }
}

package dev.amlsh.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The type a plain YAML scalar has when azureml-core reads a conda file: ruamel.yaml's
 * round-trip loader, YAML 1.2 ({@code yes} is a string, {@code 010} is the integer 10,
 * {@code 0o17} is 15, {@code 1e3} the float 1000.0), and how such a value prints in the SDK's
 * JSON ({@code json.dumps}). Values are {@link String}, {@link Boolean}, {@link Long},
 * {@link BigInteger}, {@link Double} or null.
 *
 * <p>Two departures, both where the SDK's JSON breaks: a timestamp ({@code 2024-01-01}) and
 * {@code .inf}/{@code .nan} (or a float too large for a double) stay strings, as written
 * ({@code json.dumps} fails on a date and writes {@code Infinity}, which is not JSON).
 */
public final class YamlScalars {

    private static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern FLOAT = Pattern.compile("[-+]?[0-9][0-9_]*\\.[0-9_]*([eE][-+]?[0-9]+)?"
            + "|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+|\\.[0-9_]+([eE][-+][0-9]+)?");
    private static final Pattern INT =
            Pattern.compile("[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+");

    private YamlScalars() {}

    /** A plain (unquoted) scalar's value, typed as ruamel.yaml's YAML 1.2 resolver types it. */
    public static Object plain(String text) {
        if (NULL.matcher(text).matches()) {
            return null;
        }
        char first = text.charAt(0);
        if ("tTfF".indexOf(first) >= 0 && BOOL.matcher(text).matches()) {
            return text.charAt(0) == 't' || text.charAt(0) == 'T';
        }
        if ("-+0123456789.".indexOf(first) >= 0 && FLOAT.matcher(text).matches()) {
            try {
                double d = Double.parseDouble(text.replace("_", ""));
                return Double.isInfinite(d) ? text : d;
            } catch (NumberFormatException underscoresOnly) {
                return text;
            }
        }
        if ("-+0123456789".indexOf(first) >= 0 && INT.matcher(text).matches()) {
            return integer(text);
        }
        return text;
    }

    /**
     * ruamel's {@code construct_yaml_int} for YAML 1.2: {@code 0b}, {@code 0o}, {@code 0x}; a leading 0 alone is
     * decimal.
     */
    private static Object integer(String text) {
        String s = text.replace("_", "");
        boolean negative = s.startsWith("-");
        if (s.startsWith("-") || s.startsWith("+")) {
            s = s.substring(1);
        }
        int radix = 10;
        if (s.startsWith("0b")) {
            radix = 2;
        } else if (s.startsWith("0o")) {
            radix = 8;
        } else if (s.startsWith("0x")) {
            radix = 16;
        }
        if (radix != 10) {
            s = s.substring(2);
        }
        if (s.isEmpty()) {
            return text; // only underscores after the prefix: not a number Python can build
        }
        BigInteger value = new BigInteger(s, radix);
        return narrow(negative ? value.negate() : value);
    }

    private static Object narrow(BigInteger value) {
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    /** A JSON value read back (Long, BigDecimal, Boolean, String, null) as one of this class's values. */
    public static Object fromJson(Object value) {
        if (value instanceof BigDecimal d) {
            // a JSON integer too large for a long has scale 0; 1000.0 or 1e+16 is a float
            return d.scale() == 0 ? narrow(d.toBigInteger()) : (Object) d.doubleValue();
        }
        if (value instanceof Integer i) {
            return i.longValue();
        }
        return value;
    }

    /**
     * The value as {@code json.dumps} prints a scalar: numbers as Python does, strings as they are, null as {@code ""}.
     */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return pythonRepr(d);
        }
        return value.toString();
    }

    /** Every value of a map as {@link #text}, in order: the form the hashes use (quoting and spelling never count). */
    public static Map<String, String> texts(Map<String, Object> values) {
        Map<String, String> result = new LinkedHashMap<>();
        values.forEach((k, v) -> result.put(k, text(v)));
        return result;
    }

    /**
     * Python's {@code repr(float)}: the shortest digits that read back the same, in positional
     * notation with at least one decimal ({@code 1000.0}, {@code 0.0001}) unless the decimal
     * point would sit more than 16 places right or 4 places left of the digits ({@code 1e+16},
     * {@code 1e-05}).
     */
    public static String pythonRepr(double d) {
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = exact.unscaledValue().toString();
        int point = digits.length() - exact.scale();
        String sign = d < 0 ? "-" : "";
        if (point <= -4 || point > 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            int exponent = point - 1;
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        if (point <= 0) {
            return sign + "0." + "0".repeat(-point) + digits;
        }
        if (point >= digits.length()) {
            return sign + digits + "0".repeat(point - digits.length()) + ".0";
        }
        return sign + digits.substring(0, point) + "." + digits.substring(point);
    }
}

package dev.amlsh.model;

/**
 * Control characters (C0, DEL, C1) in a value a user gives. None belongs in a name, package,
 * channel, label, variable or image; printed raw, an escape sequence could move the cursor or
 * recolour the terminal. So values are refused with {@link #requireNone}, and anything from
 * user input that is printed back goes through {@link #escape}.
 */
public final class ControlCharacters {

    private ControlCharacters() {}

    public static boolean isControl(int c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }

    /** The offset of the first control character, or -1. */
    public static int indexOf(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Throws when {@code value} holds a control character; {@code what} says what it should be ("a label"). */
    public static String requireNone(String value, String what) {
        try {
            check(value);
        } catch (SyntaxProblem e) {
            throw e.as(what);
        }
        return value;
    }

    /** Throws a {@link SyntaxProblem} at the first control character, for a reader to place. */
    public static void check(String value) {
        int at = value == null ? -1 : indexOf(value);
        if (at >= 0) {
            throw new SyntaxProblem(value, at, "it holds the control character " + name(value.charAt(at)));
        }
    }

    /**
     * The text with each control character written as an escape ({@code \n}, {@code \r},
     * {@code \t}, else {@code \xNN} or {@code \u0085}), safe to print on a terminal.
     */
    public static String escape(String text) {
        if (text == null || indexOf(text) < 0) {
            return text;
        }
        StringBuilder s = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            s.append(isControl(c) ? name(c) : String.valueOf(c));
        }
        return s.toString();
    }

    /**
     * Longest text from user input a message quotes whole; a longer one is cut (a megabyte line must not flood the
     * terminal).
     */
    public static final int MAX_QUOTED = 120;

    /** {@link #escape}d and, past {@link #MAX_QUOTED} characters, cut with its length said. */
    public static String quoted(String text) {
        if (text.length() <= MAX_QUOTED) {
            return escape(text);
        }
        return escape(text.substring(0, MAX_QUOTED - 20)) + "... (" + text.length() + " characters)";
    }

    /** A message that may span lines: each line escaped, line ends kept. */
    public static String escapeLines(String text) {
        if (text == null) {
            return null;
        }
        return java.util.Arrays.stream(text.split("\n", -1))
                .map(ControlCharacters::escape)
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    /** How a control character is written in a message: {@code \n}, {@code \x1b}, {@code \u0085}. */
    public static String name(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case 0 -> "\\0";
            default -> c < 0x80 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c);
        };
    }
}

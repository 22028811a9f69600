package dev.amlsh.model;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a pip requirements file, read by pip's grammar: a PEP 508 requirement
 * ({@code name[extras] specifiers ; marker} or {@code name @ url}), a URL or archive path
 * ({@code git+https://...}, {@code ./pkg}, {@code x-1.0-py3-none-any.whl}), or an option pip
 * reads in a requirements file ({@code -r other.txt}, {@code -e git+...}, {@code --index-url URL}),
 * each optionally followed by an inline {@code # comment}. A blank or comment line is fine.
 * A line pip could not read throws a {@link SyntaxProblem} that names the real problem and
 * points at it ({@code numpy>=1.2,<}: no version after '<', at the '<').
 */
public final class PipRequirementSyntax {

    /** pip's requirements-file options, and whether each takes a value. */
    private static final Map<String, Boolean> FILE_OPTIONS = Map.ofEntries(
            Map.entry("-i", true),
            Map.entry("--index-url", true),
            Map.entry("--extra-index-url", true),
            Map.entry("--no-index", false),
            Map.entry("-c", true),
            Map.entry("--constraint", true),
            Map.entry("-r", true),
            Map.entry("--requirement", true),
            Map.entry("-e", true),
            Map.entry("--editable", true),
            Map.entry("-f", true),
            Map.entry("--find-links", true),
            Map.entry("--no-binary", true),
            Map.entry("--only-binary", true),
            Map.entry("--prefer-binary", false),
            Map.entry("--require-hashes", false),
            Map.entry("--pre", false),
            Map.entry("--trusted-host", true),
            Map.entry("--use-feature", true));

    /** Options pip takes after a requirement on its line. */
    private static final Set<String> REQUIREMENT_OPTIONS =
            Set.of("--hash", "--config-settings", "--global-option", "--install-option");

    private static final Set<String> MARKER_VARIABLES = Set.of(
            "python_version",
            "python_full_version",
            "os_name",
            "sys_platform",
            "platform_release",
            "platform_system",
            "platform_version",
            "platform_machine",
            "platform_python_implementation",
            "implementation_name",
            "implementation_version",
            "extra",
            "os.name",
            "sys.platform",
            "platform.version",
            "platform.machine",
            "platform.python_implementation",
            "python_implementation");

    private static final Set<String> OPERATORS = Set.of("===", "==", "!=", "<=", ">=", "~=", "<", ">");
    private static final Pattern COMMENT = Pattern.compile("(^|\\s)#.*$", Pattern.DOTALL);
    private static final Pattern URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:\\S*");
    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://|git\\+|file:)");
    private static final Pattern ARCHIVE =
            Pattern.compile("\\S+\\.(whl|tar\\.gz|tgz|tar\\.bz2|tbz|tar\\.xz|txz|tar|zip)");
    private static final Pattern WHEEL =
            Pattern.compile("[^/\\s-]+-[^/\\s-]+(-\\d[^/\\s-]*)?-[^/\\s-]+-[^/\\s-]+-[^/\\s-]+\\.whl");

    private PipRequirementSyntax() {}

    /** Checks a line; throws a {@link SyntaxProblem} with the offset of the fault in {@code line}. */
    public static void check(String line) {
        new Scanner(line).line();
    }

    /** Why a line is not one pip reads, or null when it is. */
    public static String whyInvalid(String line) {
        try {
            check(line);
            return null;
        } catch (SyntaxProblem e) {
            return e.problem();
        }
    }

    /** Whether the line is a pip option ({@code -r file}, {@code --index-url URL}) rather than a package. */
    public static boolean isOption(String line) {
        return line.strip().startsWith("-");
    }

    private static final class Scanner {
        private final String text;
        private final int end;
        private int pos;

        Scanner(String text) {
            this.text = text;
            Matcher comment = COMMENT.matcher(text);
            int stop = comment.find() ? comment.start() : text.length();
            while (stop > 0 && Character.isWhitespace(text.charAt(stop - 1))) {
                stop--;
            }
            if (stop > 0 && text.charAt(stop - 1) == '\\') { // a continuation: pip joins the next line
                stop--;
                while (stop > 0 && Character.isWhitespace(text.charAt(stop - 1))) {
                    stop--;
                }
            }
            this.end = stop;
        }

        void line() {
            int control = ControlCharacters.indexOf(text.substring(0, end));
            if (control >= 0) {
                throw fail(control, "it holds the control character " + ControlCharacters.name(text.charAt(control)));
            }
            skipBlanks();
            if (pos == end) {
                return;
            }
            if (text.charAt(pos) == '-') {
                option();
            } else if (looksLikeUrlOrPath()) {
                urlOrPath();
            } else {
                requirement();
            }
        }

        private void option() {
            int start = pos;
            while (pos < end && !Character.isWhitespace(text.charAt(pos)) && text.charAt(pos) != '=') {
                pos++;
            }
            String name = text.substring(start, pos);
            Boolean takesValue = FILE_OPTIONS.get(name);
            if (takesValue == null && name.length() > 2 && !name.startsWith("--")) {
                // a short option with its value attached: -rother.txt
                takesValue = FILE_OPTIONS.get(name.substring(0, 2));
                if (Boolean.TRUE.equals(takesValue)) {
                    return;
                }
            }
            if (takesValue == null) {
                throw fail(
                        start,
                        REQUIREMENT_OPTIONS.contains(name)
                                ? "'" + name + "' goes after a requirement on its line (e.g. numpy==1.26 " + name
                                        + "=...)"
                                : "'" + name + "' is not an option pip reads in a requirements file"
                                        + " (e.g. -r FILE, -e URL, --index-url URL, --extra-index-url URL)");
            }
            boolean equals = pos < end && text.charAt(pos) == '=';
            if (equals) {
                pos++;
            } else {
                skipBlanks();
            }
            if (takesValue && pos == end) {
                throw fail(start, "'" + name + "' needs a value");
            }
            if (!takesValue && (equals || pos < end)) {
                throw fail(pos, "'" + name + "' takes no value");
            }
        }

        private boolean looksLikeUrlOrPath() {
            String first = word();
            return first.startsWith(".")
                    || first.startsWith("/")
                    || first.startsWith("~")
                    || SCHEME.matcher(first).lookingAt()
                    || ARCHIVE.matcher(first).matches();
        }

        private void urlOrPath() {
            int start = pos;
            while (pos < end && !Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            String target = text.substring(start, pos);
            String file = target.substring(target.lastIndexOf('/') + 1);
            if (file.endsWith(".whl") && !WHEEL.matcher(file).matches()) {
                throw fail(
                        start + target.length() - file.length(),
                        "'" + file + "' is not a wheel file name (NAME-VERSION-PYTHON-ABI-PLATFORM.whl)");
            }
            if (target.matches("[A-Za-z][A-Za-z0-9+.-]*:")) {
                throw fail(start, "nothing after '" + target + "'");
            }
            afterRequirement(true);
        }

        private void requirement() {
            int start = pos;
            char first = text.charAt(pos);
            if (!isAsciiAlnum(first)) {
                throw fail(
                        pos,
                        "a requirement starts with a package name (letters, digits, '.', '_', '-'), not '" + first
                                + "'");
            }
            while (pos < end && isNameChar(text.charAt(pos))) {
                pos++;
            }
            if (!isAsciiAlnum(text.charAt(pos - 1))) {
                throw fail(pos - 1, "a package name ends with a letter or digit");
            }
            if (pos < end
                    && !Character.isWhitespace(text.charAt(pos))
                    && "[@(;".indexOf(text.charAt(pos)) < 0
                    && !isOperatorChar(text.charAt(pos))) {
                throw fail(pos, "'" + text.charAt(pos) + "' cannot be in a package name");
            }
            skipBlanks();
            if (pos < end && text.charAt(pos) == '[') {
                extras();
                skipBlanks();
            }
            if (pos < end && text.charAt(pos) == '@') {
                int at = pos++;
                skipBlanks();
                int urlStart = pos;
                while (pos < end && !Character.isWhitespace(text.charAt(pos))) {
                    pos++;
                }
                String url = text.substring(urlStart, pos);
                if (url.isEmpty()) {
                    throw fail(at, "no URL after '@'");
                }
                if (!URL.matcher(url).matches() || url.indexOf(':') < 1) {
                    throw fail(urlStart, "'" + url + "' is not a URL (e.g. https://... or file:///...)");
                }
                afterRequirement(true);
                return;
            }
            if (pos < end && text.charAt(pos) == '(') {
                int open = pos++;
                skipBlanks();
                specifiers();
                skipBlanks();
                if (pos >= end || text.charAt(pos) != ')') {
                    throw fail(open, "'(' is not closed");
                }
                pos++;
            } else if (pos < end && isOperatorChar(text.charAt(pos))) {
                specifiers();
            }
            if (pos == start) {
                throw fail(start, "no package name");
            }
            afterRequirement(false);
        }

        private void extras() {
            int open = pos++;
            skipBlanks();
            boolean first = true;
            while (pos < end && text.charAt(pos) != ']') {
                if (!first) {
                    if (text.charAt(pos) != ',') {
                        throw fail(pos, "extras are separated by ',' (e.g. requests[socks,security])");
                    }
                    pos++;
                    skipBlanks();
                }
                int nameStart = pos;
                while (pos < end && isNameChar(text.charAt(pos))) {
                    pos++;
                }
                if (pos == nameStart) {
                    throw fail(
                            pos,
                            pos < end
                                    ? "'" + text.charAt(pos) + "' cannot be in an extra's name"
                                    : "'[' is not closed");
                }
                skipBlanks();
                first = false;
            }
            if (pos >= end) {
                throw fail(open, "'[' is not closed");
            }
            pos++;
        }

        private void specifiers() {
            while (true) {
                int opStart = pos;
                while (pos < end && isOperatorChar(text.charAt(pos))) {
                    pos++;
                }
                String op = text.substring(opStart, pos);
                if (op.isEmpty()) {
                    throw fail(
                            pos,
                            pos < end
                                    ? "expected a version operator (==, !=, <, <=, >, >=, ~=) before '"
                                            + text.charAt(pos) + "'"
                                    : "no version operator after ','");
                }
                if (!OPERATORS.contains(op)) {
                    throw fail(opStart, "'" + op + "' is not a version operator (use ==, !=, <, <=, >, >=, ~= or ===)");
                }
                skipBlanks();
                int versionStart = pos;
                while (pos < end
                        && (op.equals("===") ? isArbitraryChar(text.charAt(pos)) : isVersionChar(text.charAt(pos)))) {
                    pos++;
                }
                if (pos == versionStart) {
                    throw fail(opStart, "no version after '" + op + "'");
                }
                if (!op.equals("===") && !startsVersion(text, versionStart)) {
                    throw fail(versionStart, "a version starts with a digit, not '" + text.charAt(versionStart) + "'");
                }
                String version = text.substring(versionStart, pos);
                int star = version.indexOf('*');
                if (star >= 0
                        && !(version.endsWith(".*")
                                && star == version.length() - 1
                                && (op.equals("==") || op.equals("!=")))) {
                    throw fail(versionStart + star, "'*' may only end a version after == or != (e.g. ==1.2.*)");
                }
                skipBlanks();
                if (pos < end && text.charAt(pos) == ',') {
                    int comma = pos++;
                    skipBlanks();
                    if (pos == end) {
                        throw fail(comma, "no version after ','");
                    }
                    continue;
                }
                return;
            }
        }

        /** After the requirement: an optional {@code ; marker}, then per-requirement options. */
        private void afterRequirement(boolean url) {
            skipBlanks();
            if (pos < end && text.charAt(pos) == ';') {
                pos++;
                skipBlanks();
                if (pos == end) {
                    throw fail(pos - 1, "no marker after ';' (e.g. ; python_version < \"3.11\")");
                }
                new Marker().or();
                skipBlanks();
            }
            while (pos < end) {
                if (!text.startsWith("--", pos)) {
                    throw fail(
                            pos,
                            url
                                    ? "unexpected '" + word() + "' after the URL"
                                    : "unexpected '" + word()
                                            + "' after the requirement (a version needs an operator such as ==)");
                }
                int start = pos;
                while (pos < end && !Character.isWhitespace(text.charAt(pos)) && text.charAt(pos) != '=') {
                    pos++;
                }
                String name = text.substring(start, pos);
                if (!REQUIREMENT_OPTIONS.contains(name)) {
                    throw fail(
                            start,
                            "'" + name
                                    + "' cannot follow a requirement (only --hash, --config-settings, "
                                    + "--global-option)");
                }
                if (pos < end && text.charAt(pos) == '=') {
                    pos++;
                } else {
                    skipBlanks();
                }
                int value = pos;
                while (pos < end && !Character.isWhitespace(text.charAt(pos))) {
                    pos++;
                }
                if (pos == value) {
                    throw fail(start, "'" + name + "' needs a value");
                }
                skipBlanks();
            }
        }

        private String word() {
            int stop = pos;
            while (stop < end && !Character.isWhitespace(text.charAt(stop))) {
                stop++;
            }
            return text.substring(pos, stop);
        }

        /** PEP 508 environment markers: {@code var op var}, joined by and/or, in parentheses. */
        private final class Marker {
            void or() {
                and();
                while (keyword("or")) {
                    and();
                }
            }

            void and() {
                expression();
                while (keyword("and")) {
                    expression();
                }
            }

            void expression() {
                skipBlanks();
                if (pos < end && text.charAt(pos) == '(') {
                    int open = pos++;
                    or();
                    skipBlanks();
                    if (pos >= end || text.charAt(pos) != ')') {
                        throw fail(open, "'(' is not closed");
                    }
                    pos++;
                    return;
                }
                value();
                skipBlanks();
                int opStart = pos;
                if (keyword("in")) {
                    value();
                    return;
                }
                if (keyword("not")) {
                    if (!keyword("in")) {
                        throw fail(opStart, "'not' goes with 'in' in a marker ('not in')");
                    }
                    value();
                    return;
                }
                while (pos < end && isOperatorChar(text.charAt(pos))) {
                    pos++;
                }
                String op = text.substring(opStart, pos);
                if (op.isEmpty()) {
                    throw fail(
                            opStart,
                            pos < end
                                    ? "expected a comparison (==, !=, <, <=, >, >=, ~=, in, not in) in the marker"
                                    : "the marker ends before its comparison");
                }
                if (!OPERATORS.contains(op)) {
                    throw fail(opStart, "'" + op + "' is not a marker operator");
                }
                skipBlanks();
                if (pos == end) {
                    throw fail(opStart, "no value after '" + op + "'");
                }
                value();
            }

            void value() {
                skipBlanks();
                if (pos >= end) {
                    throw fail(Math.max(0, pos - 1), "the marker ends where a value should be");
                }
                char c = text.charAt(pos);
                if (c == '"' || c == '\'') {
                    int close = text.indexOf(c, pos + 1);
                    if (close < 0 || close >= end) {
                        throw fail(pos, "the quote " + c + " is not closed");
                    }
                    pos = close + 1;
                    return;
                }
                int start = pos;
                while (pos < end
                        && (isAsciiAlnum(text.charAt(pos)) || text.charAt(pos) == '_' || text.charAt(pos) == '.')) {
                    pos++;
                }
                String name = text.substring(start, pos);
                if (name.isEmpty()) {
                    throw fail(start, "'" + c + "' cannot start a marker value (a variable or a quoted string)");
                }
                if (!MARKER_VARIABLES.contains(name)) {
                    throw fail(
                            start,
                            "'" + name + "' is not a marker variable (e.g. python_version, sys_platform,"
                                    + " platform_machine); quote a literal value");
                }
            }

            boolean keyword(String word) {
                int save = pos;
                skipBlanks();
                if (text.startsWith(word, pos)
                        && (pos + word.length() == end
                                || !isAsciiAlnum(text.charAt(pos + word.length()))
                                        && text.charAt(pos + word.length()) != '_')) {
                    pos += word.length();
                    return true;
                }
                pos = save;
                return false;
            }
        }

        private void skipBlanks() {
            while (pos < end && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private SyntaxProblem fail(int offset, String problem) {
            return new SyntaxProblem(text, offset, problem);
        }
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** PEP 440: a version starts with a digit, or 'v' and a digit. */
    private static boolean startsVersion(String text, int at) {
        char c = text.charAt(at);
        return Character.isDigit(c) && c < 0x80
                || (c == 'v' || c == 'V')
                        && at + 1 < text.length()
                        && Character.isDigit(text.charAt(at + 1))
                        && text.charAt(at + 1) < 0x80;
    }

    private static boolean isNameChar(char c) {
        return isAsciiAlnum(c) || c == '.' || c == '_' || c == '-';
    }

    private static boolean isOperatorChar(char c) {
        return c == '=' || c == '<' || c == '>' || c == '!' || c == '~';
    }

    private static boolean isVersionChar(char c) {
        return isAsciiAlnum(c) || c == '.' || c == '*' || c == '+' || c == '!' || c == '_' || c == '-';
    }

    private static boolean isArbitraryChar(char c) {
        return !Character.isWhitespace(c) && c != ',' && c != ';' && c != ')';
    }
}

package dev.amlsh.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A conda match spec read by conda's grammar ({@code conda.models.match_spec.MatchSpec}):
 * {@code [channel::]name[ version[ build]][[key=value, ...]]}, where the version and build may
 * also be joined by {@code =} ({@code numpy=1.21=py38_0}) and the space form
 * {@code numpy 1.21 py38_0} is name, version and build. A version is one or more clauses
 * joined by {@code ,} (and) or {@code |} (or), each an optional operator and a version.
 * A package file or URL ({@code .conda}, {@code .tar.bz2}) is a spec of its own.
 *
 * <p>Only reading: the text a user wrote is what amlsh stores (it is part of the hash); this
 * says whether conda could read it, and where it could not. {@link #render} is the canonical
 * form (version without blanks), which reads back to an equal value.
 */
public record CondaMatchSpec(
        String url, String channel, String name, String version, String build, Map<String, String> brackets) {

    /** The keys conda's MatchSpec takes between brackets. */
    public static final Set<String> BRACKET_KEYS = Set.of(
            "build",
            "build_number",
            "channel",
            "features",
            "fn",
            "license",
            "license_family",
            "md5",
            "name",
            "namespace",
            "sha256",
            "subdir",
            "track_features",
            "url",
            "version");

    private static final Pattern PACKAGE_FILE = Pattern.compile("[^\\s\\[\\]]+\\.(conda|tar\\.bz2)");
    private static final String OPERATOR_CHARS = "=<>!~";
    private static final Set<String> OPERATORS = Set.of("==", "!=", "<=", ">=", "~=", "<", ">", "=");

    public CondaMatchSpec {
        brackets = Immutable.map(brackets);
    }

    /** Reads a spec, or throws a {@link SyntaxProblem} whose offset points into {@code text}. */
    public static CondaMatchSpec parse(String text) {
        return new Scanner(text).spec();
    }

    /** The canonical text: {@code channel::name version build[key='value']}, or the URL. */
    public String render() {
        if (url != null) {
            return url;
        }
        StringBuilder s = new StringBuilder();
        if (channel != null) {
            s.append(channel).append("::");
        }
        s.append(name);
        if (version != null) {
            s.append(' ').append(version);
            if (build != null) {
                s.append(' ').append(build);
            }
        }
        if (!brackets.isEmpty()) {
            s.append('[');
            String sep = "";
            for (Map.Entry<String, String> e : brackets.entrySet()) {
                char quote = e.getValue().indexOf('\'') >= 0 ? '"' : '\'';
                s.append(sep)
                        .append(e.getKey())
                        .append('=')
                        .append(quote)
                        .append(e.getValue())
                        .append(quote);
                sep = ", ";
            }
            s.append(']');
        }
        return s.toString();
    }

    private static final class Scanner {
        private final String text;
        private int pos;
        private int end;

        Scanner(String text) {
            this.text = text;
        }

        CondaMatchSpec spec() {
            int control = ControlCharacters.indexOf(text);
            if (control >= 0) {
                throw fail(control, "it holds the control character " + ControlCharacters.name(text.charAt(control)));
            }
            pos = 0;
            end = text.length();
            while (pos < end && text.charAt(pos) == ' ') {
                pos++;
            }
            while (end > pos && text.charAt(end - 1) == ' ') {
                end--;
            }
            if (pos == end) {
                throw fail(0, "no package name");
            }
            String body = text.substring(pos, end);
            if (PACKAGE_FILE.matcher(body).matches()) {
                return packageFile(body);
            }
            int open = text.indexOf('[', pos);
            int bodyEnd = open >= 0 && open < end ? open : end;
            String channel = null;
            int channelSep = text.lastIndexOf("::", bodyEnd - 2);
            if (channelSep >= pos) {
                channel = text.substring(pos, channelSep);
                if (channel.isEmpty()) {
                    throw fail(channelSep, "no channel before '::'");
                }
                int blank = channel.indexOf(' ');
                if (blank >= 0) {
                    throw fail(pos + blank, "a channel cannot hold a blank");
                }
                pos = channelSep + 2;
            }
            String name = name(bodyEnd);
            String version = null;
            String build = null;
            skipBlanks(bodyEnd);
            if (pos < bodyEnd) {
                String[] versionBuild = versionAndBuild(bodyEnd);
                version = versionBuild[0];
                build = versionBuild[1];
            }
            Map<String, String> brackets = Map.of();
            if (bodyEnd < end) {
                brackets = brackets(bodyEnd);
            }
            return new CondaMatchSpec(null, channel, name, version, build, brackets);
        }

        private CondaMatchSpec packageFile(String body) {
            String file = body.substring(body.lastIndexOf('/') + 1);
            String stem = file.endsWith(".conda")
                    ? file.substring(0, file.length() - 6)
                    : file.substring(0, file.length() - 8);
            String[] parts = stem.split("-");
            if (parts.length < 3 || parts[0].isEmpty()) {
                throw fail(
                        pos + body.length() - file.length(),
                        "a package file is named NAME-VERSION-BUILD.conda or .tar.bz2");
            }
            String name = String.join("-", java.util.Arrays.copyOf(parts, parts.length - 2));
            return new CondaMatchSpec(body, null, name, parts[parts.length - 2], parts[parts.length - 1], Map.of());
        }

        private String name(int limit) {
            int start = pos;
            if (pos >= limit) {
                throw fail(
                        pos, pos < end && text.charAt(pos) == '[' ? "no package name before '['" : "no package name");
            }
            char first = text.charAt(pos);
            if (OPERATOR_CHARS.indexOf(first) >= 0) {
                throw fail(pos, "no package name before '" + first + "'");
            }
            if (!(Character.isLetterOrDigit(first) && first < 0x80) && first != '_' && first != '*') {
                throw fail(pos, "a package name cannot start with '" + first + "'");
            }
            while (pos < limit && isNameChar(text.charAt(pos))) {
                pos++;
            }
            if (pos < limit && text.charAt(pos) != ' ' && OPERATOR_CHARS.indexOf(text.charAt(pos)) < 0) {
                throw fail(pos, "'" + text.charAt(pos) + "' cannot be in a package name");
            }
            return text.substring(start, pos);
        }

        /** The version clauses ({@code ,} and {@code |} joined), then an optional build. */
        private String[] versionAndBuild(int limit) {
            if (text.charAt(pos) == '-' && (pos + 1 == limit || text.charAt(pos + 1) == ' ')) {
                throw fail(pos, "' - ' inside one dependency: two list items read as one? (check the indentation)");
            }
            StringBuilder version = new StringBuilder();
            String build = null;
            while (true) {
                int opStart = pos;
                String op = operator(limit);
                version.append(op);
                if (!op.isEmpty()) {
                    skipBlanks(limit);
                }
                int start = pos;
                if (pos < limit && isVersionStart(text.charAt(pos))) {
                    pos++;
                    while (pos < limit && isVersionChar(text.charAt(pos))) {
                        pos++;
                    }
                }
                if (pos == start) {
                    if (!op.isEmpty()) {
                        throw fail(opStart, "no version after '" + op + "'");
                    }
                    throw fail(
                            pos, pos < limit ? "a version cannot start with '" + text.charAt(pos) + "'" : "no version");
                }
                version.append(text, start, pos);
                if (pos < limit && text.charAt(pos) == '=') {
                    build = build(pos + 1, limit, "'='");
                    break;
                }
                int beforeBlanks = pos;
                skipBlanks(limit);
                if (pos < limit && (text.charAt(pos) == ',' || text.charAt(pos) == '|')) {
                    version.append(text.charAt(pos));
                    int sep = pos++;
                    skipBlanks(limit);
                    if (pos == limit) {
                        throw fail(sep, "no version after '" + text.charAt(sep) + "'");
                    }
                    continue;
                }
                if (pos < limit && pos > beforeBlanks) {
                    int buildStart = text.charAt(pos) == '=' ? pos + 1 : pos;
                    build = build(buildStart, limit, "the version");
                    break;
                }
                if (pos < limit) {
                    throw fail(pos, "'" + text.charAt(pos) + "' cannot be in a version");
                }
                break;
            }
            return new String[] {version.toString(), build};
        }

        private String operator(int limit) {
            int start = pos;
            while (pos < limit && OPERATOR_CHARS.indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            String op = text.substring(start, pos);
            if (!op.isEmpty() && !OPERATORS.contains(op)) {
                throw fail(start, "'" + op + "' is not a version operator (use ==, !=, <, <=, >, >=, ~= or =)");
            }
            return op;
        }

        private String build(int start, int limit, String after) {
            pos = start;
            while (pos < limit && isBuildChar(text.charAt(pos))) {
                pos++;
            }
            if (pos == start) {
                throw fail(
                        start - 1,
                        pos < limit
                                ? "'" + text.charAt(pos) + "' cannot be in a build string"
                                : "no build string after " + after);
            }
            String build = text.substring(start, pos);
            if (pos < limit) {
                int blanks = pos;
                skipBlanks(limit);
                throw fail(
                        pos > blanks ? pos : blanks,
                        pos > blanks
                                ? "unexpected '" + text.substring(pos, limit).strip() + "' after the build string"
                                : "'" + text.charAt(pos) + "' cannot be in a build string");
            }
            return build;
        }

        private Map<String, String> brackets(int open) {
            if (text.charAt(end - 1) != ']') {
                int close = text.indexOf(']', open);
                throw close < 0 ? fail(open, "'[' is not closed") : fail(close + 1, "unexpected text after ']'");
            }
            Map<String, String> result = new LinkedHashMap<>();
            Matcher m = Pattern.compile(
                            "\\s*([A-Za-z0-9_-]+)\\s*=\\s*(?:'([^']*)'|\"([^\"]*)\"|([^,\\s'\"\\[\\]]+))\\s*(,|$)")
                    .matcher(text);
            int p = open + 1;
            int close = end - 1;
            if (text.substring(p, close).isBlank()) {
                throw fail(open, "nothing between '[' and ']'");
            }
            m.region(p, close);
            while (p < close) {
                m.region(p, close);
                if (!m.lookingAt()) {
                    throw fail(
                            p
                                    + (text.substring(p, close).length()
                                            - text.substring(p, close)
                                                    .stripLeading()
                                                    .length()),
                            "brackets hold key=value pairs separated by ',' (e.g. numpy[version='>=1.20'])");
                }
                String key = m.group(1);
                String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
                if (!BRACKET_KEYS.contains(key)) {
                    throw fail(
                            m.start(1), "'" + key + "' is not a match spec key (e.g. version, build, channel, subdir)");
                }
                if (value.isEmpty()) {
                    throw fail(m.start(1), "no value for '" + key + "'");
                }
                if (result.put(key, value) != null) {
                    throw fail(m.start(1), "'" + key + "' is given twice");
                }
                if (m.group(5).equals(",") && m.end() == close) {
                    throw fail(m.end() - 1, "nothing after ','");
                }
                p = m.end();
            }
            return result;
        }

        private void skipBlanks(int limit) {
            while (pos < limit && text.charAt(pos) == ' ') {
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

    private static boolean isNameChar(char c) {
        return isAsciiAlnum(c) || c == '_' || c == '.' || c == '-' || c == '*';
    }

    private static boolean isVersionStart(char c) {
        return isAsciiAlnum(c) || c == '*';
    }

    private static boolean isVersionChar(char c) {
        return isAsciiAlnum(c) || c == '_' || c == '.' || c == '*' || c == '+' || c == '!' || c == '-';
    }

    private static boolean isBuildChar(char c) {
        return isAsciiAlnum(c) || c == '_' || c == '.' || c == '*' || c == '+' || c == '!';
    }
}

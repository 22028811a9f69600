package dev.amlsh.model;

import java.util.regex.Pattern;

/**
 * A container image reference by the OCI distribution grammar (distribution/reference):
 * {@code [host[:port]/]path[:tag][@algorithm:hex]}. The path is lowercase components
 * separated by {@code /}, each of {@code [a-z0-9]} runs joined by {@code .}, {@code _},
 * {@code __} or dashes; the first component is a registry host when it holds a {@code .} or
 * a {@code :}, or is {@code localhost}; a tag is {@code [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}}; a
 * {@code sha256} digest has 64 hex digits. {@link #render} reads back to an equal value.
 */
public record ImageReference(String registry, String path, String tag, String digest) {

    private static final Pattern HOST = Pattern.compile(
            "([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])(\\.([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]))*"
                    + "|\\[[0-9A-Fa-f:.]+\\]");
    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern ALGORITHM = Pattern.compile("[A-Za-z][A-Za-z0-9]*([+._-][A-Za-z][A-Za-z0-9]*)*");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{32,}");
    private static final int MAX_NAME = 255;

    /** Reads a reference, or throws a {@link SyntaxProblem} pointing at the fault. */
    public static ImageReference parse(String text) {
        if (text.isEmpty()) {
            throw new SyntaxProblem(text, 0, "it is empty");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (ControlCharacters.isControl(c)) {
                throw new SyntaxProblem(text, i, "it holds the control character " + ControlCharacters.name(c));
            }
            if (Character.isWhitespace(c)) {
                throw new SyntaxProblem(text, i, "it contains a blank");
            }
        }
        String rest = text;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            checkDigest(text, at + 1, digest);
            rest = rest.substring(0, at);
        }
        String registry = null;
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = first;
                checkRegistry(text, first);
                rest = rest.substring(slash + 1);
            }
        }
        int pathStart = registry == null ? 0 : registry.length() + 1;
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon >= 0) {
            tag = rest.substring(colon + 1);
            if (!TAG.matcher(tag).matches()) {
                throw new SyntaxProblem(
                        text,
                        pathStart + colon + 1,
                        tag.isEmpty()
                                ? "no tag after ':'"
                                : "'" + tag
                                        + "' is not a tag (letters, digits, '_', '.', '-'; at most 128, not "
                                        + "starting with '.' or '-')");
            }
            rest = rest.substring(0, colon);
        }
        checkPath(text, pathStart, rest);
        if ((registry == null ? 0 : registry.length() + 1) + rest.length() > MAX_NAME) {
            throw new SyntaxProblem(text, 0, "the repository name is longer than " + MAX_NAME + " characters");
        }
        return new ImageReference(registry, rest, tag, digest);
    }

    /** Whether the text is a reference by {@link #parse}. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (SyntaxProblem e) {
            return false;
        }
    }

    public String render() {
        return (registry == null ? "" : registry + "/")
                + path
                + (tag == null ? "" : ":" + tag)
                + (digest == null ? "" : "@" + digest);
    }

    private static void checkRegistry(String text, String registry) {
        String host = registry;
        int portColon = registry.startsWith("[") ? registry.indexOf(':', registry.indexOf(']')) : registry.indexOf(':');
        if (portColon >= 0) {
            host = registry.substring(0, portColon);
            String port = registry.substring(portColon + 1);
            if (!port.matches("[0-9]{1,5}")) {
                throw new SyntaxProblem(
                        text,
                        portColon + 1,
                        port.isEmpty() ? "no port after ':'" : "'" + port + "' is not a port number");
            }
        }
        if (!HOST.matcher(host).matches()) {
            throw new SyntaxProblem(text, 0, "'" + host + "' is not a registry host name");
        }
    }

    private static void checkPath(String text, int start, String path) {
        if (path.isEmpty()) {
            throw new SyntaxProblem(text, start, "no repository name");
        }
        int offset = start;
        for (String component : path.split("/", -1)) {
            if (!COMPONENT.matcher(component).matches()) {
                int bad = firstBad(component);
                throw new SyntaxProblem(
                        text,
                        offset + bad,
                        component.isEmpty()
                                ? "an empty path component ('//' or a '/' at an end)"
                                : Character.isUpperCase(component.charAt(bad))
                                        ? "a repository name is lowercase ('" + component + "')"
                                        : "'" + component.charAt(bad) + "' cannot be in a repository name ('"
                                                + component + "')");
            }
            offset += component.length() + 1;
        }
    }

    /** The first character of a path component at fault (for the caret). */
    private static int firstBad(String component) {
        for (int i = 0; i < component.length(); i++) {
            char c = component.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!alnum && (i == 0 || i == component.length() - 1 || "._-".indexOf(c) < 0)) {
                return i;
            }
        }
        return 0;
    }

    private static void checkDigest(String text, int start, String digest) {
        int colon = digest.indexOf(':');
        if (colon < 0) {
            throw new SyntaxProblem(text, start, "a digest is ALGORITHM:HEX (e.g. sha256: and 64 hex digits)");
        }
        String algorithm = digest.substring(0, colon);
        String hex = digest.substring(colon + 1);
        if (!ALGORITHM.matcher(algorithm).matches()) {
            throw new SyntaxProblem(text, start, "'" + algorithm + "' is not a digest algorithm");
        }
        if (algorithm.equals("sha256") && !hex.matches("[0-9a-f]{64}")) {
            throw new SyntaxProblem(
                    text,
                    start + colon + 1,
                    "a sha256 digest has 64 lowercase hex digits, not "
                            + (hex.matches("[0-9a-fA-F]*") ? hex.length() : "'" + hex + "'"));
        }
        if (algorithm.equals("sha512") && !hex.matches("[0-9a-f]{128}")) {
            throw new SyntaxProblem(text, start + colon + 1, "a sha512 digest has 128 lowercase hex digits");
        }
        if (!HEX.matcher(hex).matches()) {
            throw new SyntaxProblem(text, start + colon + 1, "a digest has at least 32 hex digits");
        }
    }
}

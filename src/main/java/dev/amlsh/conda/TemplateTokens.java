package dev.amlsh.conda;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Template tokens such as {@code {{latest-pypi-version}}} or {@code {{asset.name}}}: Azure's
 * asset-publishing tooling fills them in before a file reaches Azure ML, so a file that still
 * holds one is not valid input and is reported as such.
 */
public final class TemplateTokens {

    private static final Pattern TOKEN = Pattern.compile("\\{\\{\\s*[^{}\\s][^{}]*?\\s*}}");

    private TemplateTokens() {}

    /** A token and its 0-based offset in the text it was found in. */
    public record Token(String text, int offset) {}

    public static Optional<Token> find(String text) {
        Matcher m = TOKEN.matcher(text);
        return m.find() ? Optional.of(new Token(m.group(), m.start())) : Optional.empty();
    }

    public static boolean contains(String text) {
        return find(text).isPresent();
    }

    /** The message for a token found in a file. */
    public static String message(String token) {
        return "template token '" + token + "': this file is a template for Azure's asset publishing tooling, "
                + "not input for Azure ML; replace the token with a real value";
    }
}

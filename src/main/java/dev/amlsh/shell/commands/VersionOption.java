package dev.amlsh.shell.commands;

import dev.amlsh.shell.api.UsageException;
import java.util.regex.Pattern;

/**
 * Options whose value becomes {@code NAME=VALUE} in the conda spec ({@code --pip-version},
 * {@code --python}): a version as conda matches it after {@code =} (a digit, then letters,
 * digits and {@code . * + ! _ -}), e.g. {@code 23.1.2}, {@code 3.10}, {@code 3.*}. The SDK
 * appends such values as given and the domain has no rule for them, so a value that is not one
 * is a malformed option value: exit 2, before anything is read or changed.
 */
public final class VersionOption {

    private static final Pattern VERSION = Pattern.compile("[0-9][A-Za-z0-9.*+!_-]{0,63}");

    private VersionOption() {}

    public static String require(String option, String value, String command, String example) {
        if (!VERSION.matcher(value).matches()) {
            throw new UsageException(
                    "option " + option + " takes a version such as " + example + ", not '" + value + "'", command);
        }
        return value;
    }
}

package dev.amlsh.shell.cli;

/**
 * The {@link dev.amlsh.shell.api.GlobalOption.Scope#LAUNCH} options, given before the command when
 * amlsh starts: {@code -f FILE} (or {@code -f -}) runs a script, {@code --continue-on-error} and
 * {@code --echo} say how, {@code -h}/{@code -V} print the usage or the version.
 */
public record LaunchOptions(String scriptFile, boolean continueOnError, boolean echo, boolean help, boolean version) {

    public static final LaunchOptions NONE = new LaunchOptions(null, false, false, false, false);
}

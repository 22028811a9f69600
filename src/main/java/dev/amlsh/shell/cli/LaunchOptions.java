package dev.amlsh.shell.cli;

/**
 * The {@link dev.amlsh.shell.api.GlobalOption.Scope#LAUNCH} options, given before the command when
 * amlsh starts: {@code -f FILE} (or {@code -f -}) runs a script, {@code --continue-on-error} and
 * {@code --echo}, {@code --narrate} and {@code --step} say how, {@code -h}/{@code -V} print the usage or the
 * version; {@code --as-user NAME} says whose drafts a team workspace on a server shows (null: the database user's).
 */
public record LaunchOptions(
        String scriptFile,
        boolean continueOnError,
        boolean echo,
        boolean narrate,
        boolean step,
        boolean help,
        boolean version,
        String asUser) {

    public static final LaunchOptions NONE = new LaunchOptions(null, false, false, false, false, false, false, null);
}

package dev.amlsh.shell.api;

/**
 * The {@link GlobalOption.Scope#LINE} options given on one command line (or when amlsh starts): a
 * null output or workspace means "not given", so the session's setting holds.
 */
public record LineOptions(OutputFormat output, String workspace, boolean readOnly, boolean noColor, boolean debug) {

    public static final LineOptions NONE = new LineOptions(null, null, false, false, false);

    /** These options over {@code base}: what is given here wins, flags add up. */
    public LineOptions over(LineOptions base) {
        return new LineOptions(
                output != null ? output : base.output,
                workspace != null ? workspace : base.workspace,
                readOnly || base.readOnly,
                noColor || base.noColor,
                debug || base.debug);
    }

    public LineOptions withOutput(OutputFormat value) {
        return new LineOptions(value, workspace, readOnly, noColor, debug);
    }

    public LineOptions withWorkspace(String value) {
        return new LineOptions(output, value, readOnly, noColor, debug);
    }
}

package dev.amlsh.workspace;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where amlsh keeps its workspaces and its config: {@code $AMLSH_HOME}, else
 * {@code $XDG_DATA_HOME/amlsh}, else {@code ~/.local/share/amlsh} (the XDG default).
 */
public final class AmlshHome {

    public static final String AMLSH_HOME = "AMLSH_HOME";
    public static final String XDG_DATA_HOME = "XDG_DATA_HOME";

    private AmlshHome() {}

    /**
     * The home for this environment. Empty values count as unset; a relative
     * {@code XDG_DATA_HOME} is ignored, as the XDG specification says.
     */
    public static Path resolve(Map<String, String> env) {
        String home = env.get(AMLSH_HOME);
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        String xdg = env.get(XDG_DATA_HOME);
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "amlsh").normalize();
        }
        String user = env.get("HOME");
        if (user == null || user.isBlank()) {
            user = System.getProperty("user.home");
        }
        return Path.of(user, ".local", "share", "amlsh").toAbsolutePath().normalize();
    }
}

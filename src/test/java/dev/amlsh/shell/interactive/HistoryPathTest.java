package dev.amlsh.shell.interactive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the prompt's history lives: the same variables as workspaces, never the JVM's user.home when $HOME is set. */
class HistoryPathTest {

    @Test
    void amlshHomeWins() {
        assertThat(InteractiveShell.historyPath(
                        Map.of("AMLSH_HOME", "/data/amlsh", "XDG_STATE_HOME", "/state", "HOME", "/home/ada")))
                .isEqualTo(Path.of("/data/amlsh/history"));
    }

    @Test
    void thenXdgStateHome() {
        assertThat(InteractiveShell.historyPath(Map.of("XDG_STATE_HOME", "/state", "HOME", "/home/ada")))
                .isEqualTo(Path.of("/state/amlsh/history"));
    }

    @Test
    void thenHomeFromTheEnvironmentNotUserHome() {
        String userHome = System.getProperty("user.home");
        Map<String, String> env =
                Map.of("HOME", "/home/ada-not-" + Path.of(userHome).getFileName());
        assertThat(InteractiveShell.historyPath(env))
                .isEqualTo(Path.of(env.get("HOME"), ".local", "state", "amlsh", "history"));
    }

    @Test
    void userHomeOnlyWhenHomeIsUnset() {
        assertThat(InteractiveShell.historyPath(Map.of()))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".local", "state", "amlsh", "history"));
    }
}

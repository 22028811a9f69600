package dev.amlsh.interactive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Demo mode at a real terminal (issue 12): {@code --step} and {@code pause} wait for Enter typed in
 * tmux, q stops with exit 0, and the keys come from the terminal when the script is stdin.
 */
class DemoModeIT extends AtATerminal {

    @BeforeEach
    void demoScript() throws IOException {
        Files.writeString(
                cwd.resolve("demo.amlsh"), "# Say one.\necho one\necho two\necho three\n", StandardCharsets.UTF_8);
    }

    @Test
    void enterRunsTheNextCommandAndQStopsWithExitZero() {
        Tmux.Pane pane = start("--narrate", "--step", "-f", "demo.amlsh");
        pane.waitFor("the first step", s -> s.contains("next: echo one   [Enter runs it, q quits]"));
        assertThat(pane.lines()).contains("│ Say one."); // narration comes first, behind its bar
        assertThat(pane.lines()).doesNotContain("one");
        pane.press("Enter");
        pane.waitFor("the second step", s -> s.contains("next: echo two"));
        assertThat(pane.lines()).contains("one");
        pane.type("q");
        pane.press("Enter");
        assertThat(pane.waitForExit()).isZero();
        assertThat(pane.lines()).doesNotContain("two", "three");
    }

    @Test
    void theKeysComeFromTheTerminalWhenTheScriptIsStdin() {
        List<String> command = new ArrayList<>(List.of("sh", "-c", "exec \"$@\" < demo.amlsh", "amlsh"));
        command.addAll(Amlsh.command("--step"));
        Tmux.Pane pane = startProgram(command);
        for (String word : List.of("one", "two", "three")) {
            pane.waitFor("the step before " + word, s -> s.contains("next: echo " + word));
            pane.press("Enter");
            pane.waitFor(word, s -> s.lines().anyMatch(l -> l.strip().equals(word)));
        }
        assertThat(pane.waitForExit()).isZero();
    }

    @Test
    void pauseWaitsForEnterOnATerminal() throws IOException {
        Files.writeString(
                cwd.resolve("pause.amlsh"), "echo before\npause Look at this\necho after\n", StandardCharsets.UTF_8);
        Tmux.Pane pane = start("-f", "pause.amlsh");
        pane.waitFor("the pause", s -> s.contains("Look at this   [Enter continues, q quits]"));
        assertThat(pane.lines()).contains("before").doesNotContain("after");
        pane.press("Enter");
        assertThat(pane.waitForExit()).isZero();
        assertThat(pane.lines()).contains("after");
    }
}

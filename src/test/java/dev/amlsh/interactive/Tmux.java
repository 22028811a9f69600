package dev.amlsh.interactive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A private tmux server (its own socket, no user configuration) holding real terminals for the
 * interactive tests: start a program in a session, type into it with {@code send-keys}, read the
 * screen with {@code capture-pane}, and wait for what should appear by polling with a timeout.
 */
final class Tmux implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Path socket;
    private int sessions;

    Tmux(Path dir) {
        this.socket = dir.resolve("tmux.sock");
    }

    /** Whether a working tmux is on the PATH. */
    static boolean available() {
        try {
            Process p =
                    new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Starts {@code command} in a new 160x40 terminal, in {@code cwd}, with these environment
     * variables. When the program ends, the pane shows {@code [exit N]} and stays readable.
     */
    Pane start(Path cwd, Map<String, String> env, List<String> command) {
        StringBuilder line = new StringBuilder("env");
        env.forEach((k, v) -> line.append(' ').append(quote(k + "=" + v)));
        for (String word : command) {
            line.append(' ').append(quote(word));
        }
        line.append("; echo \"[exit $?]\"; sleep 600");
        String name = "s" + (++sessions);
        tmux("new-session", "-d", "-s", name, "-x", "160", "-y", "40", "-c", cwd.toString(), line.toString());
        return new Pane(name);
    }

    final class Pane {
        private final String target;

        private Pane(String target) {
            this.target = target;
        }

        /** Types text as it is (no key names). */
        void type(String text) {
            tmux("send-keys", "-t", target, "-l", "--", text); // -- : text may start with a dash (-o json ...)
        }

        /** Presses keys by tmux name: {@code Enter}, {@code Tab}, {@code C-c}, {@code Up}, {@code C-u}. */
        void press(String... keys) {
            List<String> args = new ArrayList<>(List.of("send-keys", "-t", target));
            args.addAll(List.of(keys));
            tmux(args.toArray(String[]::new));
        }

        /** The visible screen and its scroll-back, wrapped lines joined, trailing blanks trimmed. */
        String screen() {
            return tmux("capture-pane", "-p", "-J", "-S", "-2000", "-t", target);
        }

        List<String> lines() {
            return screen().lines().map(String::stripTrailing).toList();
        }

        /** Waits until the screen satisfies {@code condition}; fails with the screen if it never does. */
        String waitFor(String what, Predicate<String> condition) {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            String screen = screen();
            while (!condition.test(screen)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("timed out after " + TIMEOUT.toSeconds() + " s waiting for " + what
                            + "; the terminal shows:\n" + screen);
                }
                sleep(50);
                screen = screen();
            }
            return screen;
        }

        /** Waits until {@code count} prompts ({@code amlsh [WORKSPACE]>} lines) have been shown. */
        void waitForPrompts(int count) {
            waitFor(count + " prompt(s)", s -> prompts(s) >= count);
        }

        /** Waits until the last line is the prompt followed by exactly {@code typed}. */
        void waitForInput(String typed) {
            waitFor(
                    "the input line 'amlsh [...]> " + typed + "'",
                    s -> typed.stripTrailing().equals(input(lastLine(s))));
        }

        /** Waits for the program to end and returns its exit code. */
        int waitForExit() {
            String screen = waitFor("the program to exit", s -> s.contains("[exit "));
            String tail = screen.substring(screen.lastIndexOf("[exit ") + 6);
            return Integer.parseInt(tail.substring(0, tail.indexOf(']')));
        }
    }

    /** The prompt, which names the workspace: {@code amlsh [default]> }, {@code amlsh [:temp:]> }. */
    static final Pattern PROMPT = Pattern.compile("amlsh \\[[^\\]]*\\]> ?");

    static boolean isPrompt(String line) {
        return PROMPT.matcher(line).lookingAt();
    }

    /** What was typed after the prompt on {@code line}, or null when the line is no prompt. */
    static String input(String line) {
        Matcher m = PROMPT.matcher(line);
        return m.lookingAt() ? line.substring(m.end()).stripTrailing() : null;
    }

    static int prompts(String screen) {
        return (int) screen.lines().filter(Tmux::isPrompt).count();
    }

    static String lastLine(String screen) {
        List<String> lines = screen.lines()
                .map(String::stripTrailing)
                .filter(l -> !l.isEmpty())
                .toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private String tmux(String... args) {
        List<String> command = new ArrayList<>(List.of("tmux", "-f", "/dev/null", "-S", socket.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (Files.exists(socket)) {
            try {
                tmux("kill-server");
            } catch (IllegalStateException e) {
                // the server is already gone
            }
        }
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

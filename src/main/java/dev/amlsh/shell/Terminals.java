package dev.amlsh.shell;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether stdin and stdout are terminals, asked without starting JLine (which costs start-up time):
 * on Linux the {@code /proc/self/fd} links say it exactly; elsewhere {@link System#console()}.
 */
final class Terminals {

    private Terminals() {}

    static boolean stdinIsTerminal() {
        return isTerminal(0);
    }

    static boolean stdoutIsTerminal() {
        return isTerminal(1);
    }

    private static boolean isTerminal(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        try {
            if (Files.isSymbolicLink(link)) {
                String target = Files.readSymbolicLink(link).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
            }
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            // fall back to the console below
        }
        Console console = System.console();
        return console != null;
    }
}

package dev.amlsh.shell.launch;

import dev.amlsh.shell.api.TerminalKeys;
import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The process's controlling terminal ({@code /dev/tty}), where {@code --step} and {@code pause}
 * wait: it is the user's keyboard even when stdin is the script ({@code amlsh --step < demo.amlsh}),
 * and its prompt does not go into a captured stdout. Used only when stdin or stdout is a terminal,
 * so a run under CI or between pipes never waits; the terminal stays in its normal line mode, so a
 * key counts once Enter is pressed.
 */
final class ControllingTerminal implements TerminalKeys {

    private static final String DEVICE = "/dev/tty";

    private final boolean attended;
    private boolean opened;
    private BufferedReader in;
    private PrintStream out;

    /** {@code attended}: stdin or stdout is a terminal, so someone may be watching. */
    ControllingTerminal(boolean attended) {
        this.attended = attended;
    }

    @Override
    public boolean present() {
        open();
        return in != null;
    }

    @Override
    public Optional<String> readLine(String prompt) {
        if (!present()) {
            return Optional.empty();
        }
        out.print(prompt);
        out.flush();
        try {
            return Optional.ofNullable(in.readLine());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void open() {
        if (opened) {
            return;
        }
        opened = true;
        if (!attended) {
            return;
        }
        try {
            OutputStream device = new FileOutputStream(DEVICE);
            in = new BufferedReader(new InputStreamReader(new FileInputStream(DEVICE), StandardCharsets.UTF_8));
            out = new PrintStream(device, true, StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            in = null; // no controlling terminal (a daemon, a container without a tty): nothing waits
        }
    }
}

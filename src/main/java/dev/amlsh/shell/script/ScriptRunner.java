package dev.amlsh.shell.script;

import dev.amlsh.conda.TextFile;
import dev.amlsh.model.AmlshException;
import dev.amlsh.model.Interrupted;
import dev.amlsh.shell.api.Diagnostics;
import dev.amlsh.shell.api.ExitCode;
import dev.amlsh.shell.api.Session;
import dev.amlsh.shell.cli.CommandRunner;
import dev.amlsh.shell.cli.Tokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Runs a script line by line, psql's {@code ON_ERROR_STOP} way: the first failing line stops it
 * with {@code FILE:LINE: error: ...} and its exit code, unless {@code continueOnError} (then the
 * first failure's code). Relative paths resolve against the script's folder while it runs.
 *
 * <p>For demos: a line starting with {@code !} is expected to fail (the script goes on when it does,
 * and stops with an error when it succeeds); {@code narrate} prints each {@code #} comment block
 * before its command; {@code step} waits on the terminal before each command, and q there stops
 * every running script with exit 0. A workspace chosen with {@code set workspace} holds until the
 * script ends.
 */
public final class ScriptRunner {

    /**
     * How a script runs: stop or go on after a failure, print each command first, narrate, wait before each command.
     */
    public record Settings(boolean continueOnError, boolean echo, boolean narrate, boolean step) {

        public Settings(boolean continueOnError, boolean echo) {
            this(continueOnError, echo, false, false);
        }
    }

    private static final int MAX_DEPTH = 16;

    /** Marks a line expected to fail. */
    private static final String EXPECT_FAILURE = "!";

    private final CommandRunner runner;

    public ScriptRunner(CommandRunner runner) {
        this.runner = runner;
    }

    /**
     * Reads and runs a script file (strict UTF-8, at most {@link TextFile#MAX_BYTES}). A file
     * that is already running in this session is refused with an {@link AmlshException}, so the
     * {@code script} line that asked for it reports it in its place.
     */
    public ExitCode runFile(Session session, Path file, Settings settings) {
        String shown = displayName(session, file);
        if (session.scriptFileDepth() >= MAX_DEPTH) {
            throw new AmlshException("scripts nest deeper than " + MAX_DEPTH + " levels");
        }
        session.enterScriptFile(file, shown);
        try {
            String text;
            try {
                text = TextFile.read(file).text();
            } catch (AmlshException e) {
                Diagnostics.error(session, null, e, session.debug());
                return ExitCode.FAILED;
            }
            Path folder = file.toAbsolutePath().getParent();
            return run(session, shown, text, folder, settings);
        } finally {
            session.leaveScriptFile();
        }
    }

    /**
     * Reads a script from a stream ({@code amlsh < FILE}, {@code amlsh -f -}); paths resolve against the working
     * directory.
     */
    public ExitCode runStream(Session session, InputStream in, Settings settings) {
        String text;
        try {
            text = decode(in.readAllBytes());
        } catch (IOException e) {
            Diagnostics.error(
                    session, "<stdin>", new AmlshException("cannot read stdin: " + e.getMessage()), session.debug());
            return ExitCode.FAILED;
        }
        return run(session, "<stdin>", text, session.baseDirectory(), settings);
    }

    public ExitCode run(Session session, String name, String text, Path folder, Settings given) {
        // a script run by a narrated or stepped script is narrated and stepped too (script FILE in a demo)
        Session.DemoMode mode = new Session.DemoMode(given.narrate(), given.step()).with(session.demoMode());
        Settings settings = new Settings(given.continueOnError(), given.echo(), mode.narrate(), mode.step());
        int depth = session.enterScript();
        Path previous = session.enterDirectory(folder);
        session.enterDemoMode(mode);
        try {
            if (depth > MAX_DEPTH) {
                Diagnostics.error(
                        session,
                        name,
                        new AmlshException(
                                "scripts nest deeper than " + MAX_DEPTH + " levels (does a script run itself?)"),
                        session.debug());
                return ExitCode.FAILED;
            }
            return runLines(session, name, text, settings);
        } finally {
            session.leaveDemoMode();
            session.enterDirectory(previous);
            session.leaveScript();
        }
    }

    private ExitCode runLines(Session session, String name, String text, Settings settings) {
        ExitCode first = ExitCode.OK;
        Narration narration = new Narration();
        boolean terminal = session.io().stdoutIsTerminal();
        for (ScriptLines.Line line : ScriptLines.split(text)) {
            if (Thread.currentThread().isInterrupted()) {
                // Ctrl-C at the prompt: stop between lines (the line that ran is whole)
                throw new Interrupted();
            }
            if (Tokenizer.isBlankOrComment(line.text())) {
                if (settings.narrate()) {
                    narration.add(line.text());
                }
                continue;
            }
            String where = name + ":" + line.number();
            String command = line.text().strip();
            session.recordLine(command);
            boolean expectFailure = command.startsWith(EXPECT_FAILURE);
            if (expectFailure) {
                command = command.substring(EXPECT_FAILURE.length());
            }
            narration.print(session.out(), terminal, session.color());
            if (settings.step() && !waitForEnter(session, echoed(command))) {
                return first;
            }
            if (settings.echo()) {
                session.out().println("amlsh> " + (expectFailure ? EXPECT_FAILURE : "") + echoed(command));
                session.out().flush(); // before the line's own warnings on stderr
            }
            ExitCode code = runner.runLine(session, command, where);
            if (expectFailure) {
                code = expectedFailure(session, where, code);
            }
            if (code.failed()) {
                if (!settings.continueOnError()) {
                    return code;
                }
                first = first.failed() ? first : code;
            }
            if (session.exitRequested() || session.scriptsStopped()) {
                return first;
            }
        }
        narration.print(session.out(), terminal, session.color());
        return first;
    }

    /** A {@code !} line: its failure is the script's success, and its success an error. */
    private static ExitCode expectedFailure(Session session, String where, ExitCode code) {
        if (code.failed()) {
            return ExitCode.OK;
        }
        session.out().flush();
        Diagnostics.error(
                session,
                where,
                new AmlshException("this line starts with '!', so it should have failed, and it succeeded"),
                session.debug());
        return ExitCode.FAILED;
    }

    /** {@code --step}: false when the user typed q (every running script stops), true to run the command. */
    private static boolean waitForEnter(Session session, String command) {
        if (!session.keys().present()) {
            return true; // no terminal (CI, a pipe): run straight through
        }
        session.out().flush();
        session.err().flush();
        Optional<String> answer = session.keys().readLine("next: " + command + "   [Enter runs it, q quits] ");
        if (answer.isEmpty() || answer.get().strip().equalsIgnoreCase("q")) {
            session.stopScripts();
            return false;
        }
        return true;
    }

    /** The command as its words, re-quoted: continued lines come out as one tidy line. */
    private static String echoed(String text) {
        try {
            return String.join(
                    " ", Tokenizer.split(text).stream().map(Tokenizer::quote).toList());
        } catch (RuntimeException unbalanced) {
            return text.strip();
        }
    }

    private static String displayName(Session session, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path cwd = session.io().workingDirectory();
        return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
    }

    private static String decode(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(bytes))
                .toString();
    }
}

package dev.amlsh.shell.script;

import dev.amlsh.conda.TextFile;
import dev.amlsh.model.AmlshException;
import dev.amlsh.shell.cli.CommandRunner;
import dev.amlsh.shell.api.Diagnostics;
import dev.amlsh.shell.api.ExitCode;
import dev.amlsh.shell.api.Session;
import dev.amlsh.shell.cli.Tokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Runs a script line by line, psql's {@code ON_ERROR_STOP} way: the first failing line stops it
 * with {@code FILE:LINE: error: ...} and its exit code, unless {@code continueOnError} (then the
 * first failure's code). Relative paths resolve against the script's folder while it runs.
 */
public final class ScriptRunner {

    /** How a script runs: stop or go on after a failure, print each command first. */
    public record Settings(boolean continueOnError, boolean echo) {}

    private static final int MAX_DEPTH = 16;

    private final CommandRunner runner;
    private int depth;

    public ScriptRunner(CommandRunner runner) {
        this.runner = runner;
    }

    /** Reads and runs a script file (strict UTF-8, at most {@link TextFile#MAX_BYTES}). */
    public ExitCode runFile(Session session, Path file, Settings settings) {
        String text;
        try {
            text = TextFile.read(file).text();
        } catch (AmlshException e) {
            Diagnostics.error(session, null, e, session.debug());
            return ExitCode.FAILED;
        }
        Path folder = file.toAbsolutePath().getParent();
        return run(session, displayName(session, file), text, folder, settings);
    }

    /** Reads a script from a stream ({@code amlsh < FILE}, {@code amlsh -f -}); paths resolve against the working directory. */
    public ExitCode runStream(Session session, InputStream in, Settings settings) {
        String text;
        try {
            text = decode(in.readAllBytes());
        } catch (IOException e) {
            Diagnostics.error(session, "<stdin>", new AmlshException("cannot read stdin: " + e.getMessage()), session.debug());
            return ExitCode.FAILED;
        }
        return run(session, "<stdin>", text, session.baseDirectory(), settings);
    }

    public ExitCode run(Session session, String name, String text, Path folder, Settings settings) {
        if (depth >= MAX_DEPTH) {
            Diagnostics.error(session, name, new AmlshException("scripts nest deeper than " + MAX_DEPTH
                    + " levels (does a script run itself?)"), session.debug());
            return ExitCode.FAILED;
        }
        depth++;
        Path previous = session.enterDirectory(folder);
        ExitCode first = ExitCode.OK;
        try {
            for (ScriptLines.Line line : ScriptLines.split(text)) {
                if (settings.echo() && !Tokenizer.isBlankOrComment(line.text())) {
                    session.out().println("amlsh> " + echoed(line.text()));
                    session.out().flush(); // before the line's own warnings on stderr
                }
                ExitCode code = runner.runLine(session, line.text(), name + ":" + line.number());
                if (code.failed()) {
                    if (!settings.continueOnError()) {
                        return code;
                    }
                    first = first.failed() ? first : code;
                }
                if (session.exitRequested()) {
                    break;
                }
            }
            return first;
        } finally {
            session.enterDirectory(previous);
            depth--;
        }
    }

    /** The command as its words, re-quoted: continued lines come out as one tidy line. */
    private static String echoed(String text) {
        try {
            return String.join(" ", Tokenizer.split(text).stream().map(Tokenizer::quote).toList());
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
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    }
}

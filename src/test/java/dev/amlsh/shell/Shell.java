package dev.amlsh.shell;

import dev.amlsh.shell.api.ExitCode;
import dev.amlsh.shell.api.ShellIO;
import dev.amlsh.shell.cli.CommandRunner;
import dev.amlsh.shell.launch.AmlshRunner;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Test harness: the real command beans from {@code AmlshConfiguration}, run in-process over
 * {@code StringWriter}s against a {@link TestCatalog}. One Spring context for all tests.
 */
final class Shell {

    /** What one run printed and returned. */
    record Result(int code, String out, String err) {}

    private static ConfigurableApplicationContext context;

    final TestCatalog catalog = new TestCatalog();
    final Path cwd;

    Shell(Path cwd) {
        this.cwd = cwd;
    }

    static synchronized CommandRunner commands() {
        if (context == null) {
            context = AmlshApplication.start();
        }
        return context.getBean(CommandRunner.class);
    }

    /** Runs amlsh as if from the command line ({@code amlsh ARGS < stdin}). */
    Result main(String stdin, String... args) {
        return main(stdin, false, args);
    }

    Result main(String stdin, boolean terminal, String... args) {
        return main(stdin, terminal, false, Map.of(), args);
    }

    /** With stdout a terminal or not ({@code color} depends on it) and the given environment variables. */
    Result main(String stdin, boolean terminal, boolean stdoutTerminal, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ShellIO io = new ShellIO(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out),
                new PrintWriter(err),
                env,
                cwd,
                terminal,
                stdoutTerminal);
        ExitCode code = new AmlshRunner(commands(), variables -> catalog).run(List.of(args), io);
        return new Result(code.code(), out.toString(), err.toString());
    }

    /** Runs one command line, tokenized as a script line would be. */
    Result run(String line) {
        return main(
                "", List.of(dev.amlsh.shell.cli.Tokenizer.split(line)).get(0).toArray(String[]::new));
    }
}

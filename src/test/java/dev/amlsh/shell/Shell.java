package dev.amlsh.shell;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Test harness: the real command beans from {@link AmlshConfiguration}, run in-process over
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
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ShellIO io = new ShellIO(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out),
                new PrintWriter(err), Map.of(), cwd, terminal, false);
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (UsageException e) {
            return new Result(2, "", "error: " + e.getMessage() + "\n");
        }
        ExitCode code = new AmlshRunner(commands(), env -> catalog).run(options, io);
        return new Result(code.code(), out.toString(), err.toString());
    }

    /** Runs one command line, tokenized as a script line would be. */
    Result run(String line) {
        return main("", List.of(dev.amlsh.shell.script.Tokenizer.split(line)).get(0).toArray(String[]::new));
    }
}

package dev.amlsh.shell;

import dev.amlsh.shell.api.ShellIO;
import dev.amlsh.shell.launch.AmlshConfiguration;
import dev.amlsh.shell.launch.AmlshRunner;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * amlsh's entry point. The program arguments are parsed by amlsh ({@code AmlshRunner}) and never
 * handed to Spring (so {@code --name=value} words are not taken for properties). The context is
 * small and explicit ({@link AmlshConfiguration}, no auto-configuration, no classpath scanning)
 * because start-up time is the user's waiting time. Only {@code main} calls {@code System.exit}.
 *
 * <p>What amlsh uses of Spring Shell 4.0.1, and what it replaces (decided from its source):
 * <ul>
 * <li>Used: the registry. Every command is a Spring Shell {@code Command} ({@code AmlshCommand}: a
 *     {@code CommandSpec} and its handler, with Spring Shell's name, group, description, help and
 *     {@code CommandOption}s computed from the spec) held in a {@code CommandRegistry}, where amlsh
 *     looks commands up. Text tables are laid out by spring-shell-jline's table module; JLine is the
 *     line editor.</li>
 * <li>Replaced: the parser and {@code execute(CommandContext)} ({@code DefaultCommandParser} re-splits
 *     lines on a regex, ignores unknown options and missing arguments: amlsh's {@code CommandLine} is
 *     strict, exit 2, and hands its result straight to the handler); the runners (they ignore program arguments in
 * interactive mode, lose exit codes, exit on Ctrl-C:
 *     {@link AmlshRunner} runs one-shot, scripts and the JLine prompt); annotations and Boot's
 *     auto-configuration (classpath scan and auto-configured beans cost start-up: commands are
 *     declared with {@code CommandSpec} and built into the registry by hand); completion providers
 *     (no session in their context, see {@code AmlshCompleter}).</li>
 * </ul>
 */
public final class AmlshApplication {

    private AmlshApplication() {}

    public static void main(String[] args) {
        silenceFrameworkLogging();
        PrintWriter out = utf8(FileDescriptor.out);
        PrintWriter err = utf8(FileDescriptor.err);
        ShellIO io = new ShellIO(
                System.in,
                out,
                err,
                System.getenv(),
                Path.of(""),
                Terminals.stdinIsTerminal(),
                Terminals.stdoutIsTerminal());
        int code;
        try {
            code = run(args, io);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // the last guard: no JVM error reaches the user as a trace (commands have their own)
            out.flush();
            err.println("error: amlsh ran out of " + (e instanceof StackOverflowError ? "stack" : "memory"));
            code = 1;
        }
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs amlsh with these arguments and streams; returns the exit code. */
    public static int run(String[] args, ShellIO io) {
        try (ConfigurableApplicationContext context = start()) {
            return context.getBean(AmlshRunner.class).run(List.of(args), io).code();
        }
    }

    /**
     * A plain annotation context over {@link AmlshConfiguration}: measured on JDK 17 it loads about
     * 2,200 classes where {@code SpringApplication} (config data, Boot's logging system, conversion
     * services) loads about 3,600, for the same beans. application.properties keeps the settings for
     * code that starts the configuration through {@code SpringApplication} (tests).
     */
    public static ConfigurableApplicationContext start() {
        return new AnnotationConfigApplicationContext(AmlshConfiguration.class);
    }

    /**
     * Framework logging goes nowhere: commons-logging (Spring's logging API) is pointed at its no-op
     * log before any logger exists, so neither Log4j nor Logback is even loaded. SLF4J (used by
     * libraries such as sqlite-jdbc) gets its no-op provider, so it does not look up Logback either,
     * and its own notices are kept to errors. The launcher passes the SLF4J settings as {@code -D}
     * options; they are set here too, unless given, so that a plain {@code java -jar} behaves the same.
     */
    static void silenceFrameworkLogging() {
        System.setProperty("org.apache.commons.logging.LogFactory", "org.apache.commons.logging.impl.LogFactoryImpl");
        System.setProperty("org.apache.commons.logging.Log", "org.apache.commons.logging.impl.NoOpLog");
        setIfAbsent("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
        setIfAbsent("slf4j.internal.verbosity", "ERROR");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static PrintWriter utf8(FileDescriptor fd) {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8), false);
    }
}

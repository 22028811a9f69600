package bench.plain;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;

/** A plain Spring Shell 4 application with one command: the baseline amlsh's start-up is compared with. */
@SpringBootApplication
public class PlainApplication {

    public static void main(String[] args) {
        SpringApplication.run(PlainApplication.class, args);
    }

    @Command(name = "hello", description = "Say hello", help = "hello NAME prints a greeting")
    public String hello(@Argument(index = 0, description = "who to greet") String name) {
        return "hello " + name;
    }
}

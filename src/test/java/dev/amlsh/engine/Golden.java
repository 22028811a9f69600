package dev.amlsh.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden/}. A check compares the text byte for
 * byte; {@code -Damlsh.golden.update=true} rewrites the files instead (then review the diff).
 */
public final class Golden {

    public static final Path ROOT = Path.of("src", "test", "resources", "golden");

    private Golden() {}

    public static boolean updating() {
        return Boolean.getBoolean("amlsh.golden.update");
    }

    public static void check(String relative, String actual) {
        Path file = ROOT.resolve(relative);
        try {
            if (updating()) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            assertThat(file)
                    .as("golden file %s is missing: run the test with -Damlsh.golden.update=true", file)
                    .exists();
            assertThat(actual)
                    .as("golden file %s (rewrite with -Damlsh.golden.update=true)", file)
                    .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(String relative) {
        try {
            return Files.readString(ROOT.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

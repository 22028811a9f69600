package dev.amlsh.conda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amlsh.formats.EnvironmentJson;
import dev.amlsh.formats.V2EnvironmentYaml;
import dev.amlsh.model.AmlshException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the input, the readers either succeed or throw {@link AmlshException}, nothing else. */
class OnlyDomainExceptionPropertiesTest {

    static final String[] YAML_TOKENS = {
        "name",
        "dependencies",
        "channels",
        "variables",
        "prefix",
        "pip",
        "python=3.8",
        "numpy",
        ":",
        ": ",
        "- ",
        "-",
        "\n",
        "\n  ",
        "\n    ",
        " ",
        "\t",
        "[",
        "]",
        "{",
        "}",
        ",",
        "'",
        "\"",
        "#",
        "&a ",
        "*a",
        "!!python/object:os.system ",
        "!!str ",
        "<<: ",
        "? ",
        "|",
        ">",
        "%YAML 1.1\n",
        "---\n",
        "...\n",
        "~",
        "null",
        "{{x}}",
        "\\",
        "\u00e9",
        "\uFEFF",
        "\u2028",
        "image",
        "build",
        "path",
        "conda_file",
        "os_type",
        "tags",
        "version"
    };

    static final String[] JSON_TOKENS = {
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"name\"",
        "\"x\"",
        "\"docker\"",
        "\"python\"",
        "\"baseImage\"",
        "\"condaDependencies\"",
        "\"dependencies\"",
        "\"pip\"",
        "\"spark\"",
        "\"packages\"",
        "null",
        "true",
        "1",
        "-2.5e3",
        "\"",
        "\\",
        " ",
        "\n",
        "\"buildContext\"",
        "\"location\"",
        "\"platform\""
    };

    static Arbitrary<String> from(String[] tokens) {
        return Arbitraries.of(tokens).list().ofMaxSize(40).map(list -> String.join("", list));
    }

    @Provide
    Arbitrary<String> yaml() {
        return from(YAML_TOKENS);
    }

    @Provide
    Arbitrary<String> json() {
        return Arbitraries.oneOf(from(JSON_TOKENS), from(JSON_TOKENS).map(s -> "{\"name\": \"x\", " + s));
    }

    static void onlyDomain(Runnable read) {
        try {
            read.run();
        } catch (RuntimeException e) {
            assertThat(e.getClass()).as("%s", e).isEqualTo(AmlshException.class);
        } catch (StackOverflowError e) {
            throw new AssertionError("stack overflow", e);
        }
    }

    @Property(tries = 600)
    void condaReader(@ForAll("yaml") String text) {
        onlyDomain(() -> CondaFileReader.parse(Path.of("f.yml"), text));
    }

    @Property(tries = 600)
    void v2Reader(@ForAll("yaml") String text) {
        onlyDomain(() -> V2EnvironmentYaml.read(Path.of("/nonexistent-dir/env.yml"), text));
    }

    @Property(tries = 600)
    void jsonReader(@ForAll("json") String text) {
        onlyDomain(() -> EnvironmentJson.read(Path.of("e.json"), text));
    }

    @Property(tries = 300)
    void requirementsReader(@ForAll("yaml") String text) throws Exception {
        Path file = Files.createTempFile("req", ".txt");
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            onlyDomain(() -> PipRequirementsReader.read(file));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Property(tries = 300)
    void anyBytes(@ForAll byte[] bytes) {
        onlyDomain(() -> CondaFileReader.parse(TextFile.decode(Path.of("b.yml"), bytes)));
    }
}

package dev.amlsh.conda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amlsh.model.CondaDependency;
import dev.amlsh.model.CondaPackage;
import dev.amlsh.model.CondaSpec;
import dev.amlsh.model.PipSection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link CondaSpecWriter}'s output reads back as the same spec, whatever the values hold. */
class CondaSpecWriterPropertiesTest {

    static final List<String> EDGE = List.of(
            "yes",
            "no",
            "on",
            "off",
            "Y",
            "n",
            "true",
            "False",
            "1.0",
            "1",
            "0x1F",
            "1_000",
            "-1",
            ".inf",
            "~",
            "null",
            "Null",
            "#x",
            "a #b",
            "a: b",
            "a:",
            ":a",
            "- x",
            "-x",
            "--x",
            "@x",
            "x@y",
            "`x",
            "%x",
            "!x",
            "&x",
            "*x",
            "|x",
            ">x",
            "'x",
            "\"x",
            "x'y",
            "x\"y",
            "?",
            "? x",
            "[x]",
            "{x}",
            "x,y",
            " x",
            "x ",
            "",
            "é",
            "日本語",
            "😀",
            "a\tb",
            "a\nb",
            "\r",
            "\u0085",
            "\u2028",
            "\uFEFF",
            "x\u00A0y",
            "\u007F",
            "2001-01-01",
            "<<",
            "=",
            "a\\b",
            "{{",
            "}}x");

    static Arbitrary<String> text() {
        Arbitrary<Character> chars = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.chars().range(' ', '~')),
                net.jqwik.api.Tuple.of(1, Arbitraries.chars().range('\u00A0', '\u00FF')),
                net.jqwik.api.Tuple.of(1, Arbitraries.chars().range('\u3040', '\u30FF')),
                net.jqwik.api.Tuple.of(
                        1, Arbitraries.of('\t', '\n', '\r', '\u0085', '\u2028', '\uFEFF', '\u0000', '\u007F')));
        Arbitrary<String> random = chars.list().ofMaxSize(12).map(cs -> {
            StringBuilder sb = new StringBuilder();
            cs.forEach(sb::append);
            return sb.toString();
        });
        return Arbitraries.oneOf(Arbitraries.of(EDGE), random);
    }

    /**
     * Conda dependencies cannot be blank or hold template tokens, and follow conda's match-spec
     * grammar (the reader refuses anything else); edge values that are specs stay in.
     */
    static Arbitrary<String> dependency() {
        Arbitrary<String> specs = Arbitraries.of(
                "numpy",
                "numpy=1.21",
                "numpy 1.21 py38_0",
                "conda-forge::numpy>=1.20,<2",
                "numpy[version='>=1.2']",
                "x",
                "n",
                "yes",
                "1",
                "Null",
                "on");
        return Arbitraries.oneOf(specs, text())
                .filter(s -> !s.isBlank()
                        && !TemplateTokens.contains(s)
                        && isSpec(s)
                        && !new CondaPackage(s)
                                .isPython()); // two python entries are refused; one python is covered elsewhere
    }

    static boolean isSpec(String s) {
        try {
            dev.amlsh.model.CondaMatchSpec.parse(s);
            return true;
        } catch (dev.amlsh.model.SyntaxProblem e) {
            return false;
        }
    }

    /** Channels and variables hold no control characters (issue 10: the reader refuses them). */
    static Arbitrary<String> printable() {
        return text().filter(s -> dev.amlsh.model.ControlCharacters.indexOf(s) < 0);
    }

    @Provide
    Arbitrary<CondaSpec> specs() {
        Arbitrary<Map<String, String>> variables =
                Arbitraries.maps(printable(), printable()).ofMaxSize(3);
        return Combinators.combine(
                        text().injectNull(0.2),
                        printable().list().ofMaxSize(3),
                        dependency().list().ofMaxSize(4),
                        text().injectNull(0.7),
                        variables)
                .as((name, channels, deps, prefix, vars) -> {
                    List<CondaDependency> d = new ArrayList<>();
                    deps.forEach(s -> d.add(new CondaPackage(s)));
                    d.add(new PipSection(List.of("numpy==1.26", "--index-url https://x/simple")));
                    return new CondaSpec(name, channels, d, prefix, new LinkedHashMap<>(vars));
                });
    }

    @Property(tries = 500)
    void writtenSpecsReadBackEqual(@ForAll("specs") CondaSpec spec) {
        String text = CondaSpecWriter.write(spec);
        CondaSpec back = CondaFileReader.parse(Path.of("w.yml"), text);
        assertThat(back).isEqualTo(spec);
        assertThat(CondaSpecWriter.write(back)).isEqualTo(text);
    }

    @Property(tries = 300)
    void everyEdgeValueSurvivesAsEveryKindOfScalar(@ForAll("edge") String value) {
        boolean printable = dev.amlsh.model.ControlCharacters.indexOf(value) < 0;
        CondaSpec spec = new CondaSpec(
                value,
                printable ? List.of(value) : List.of(),
                value.isBlank() || !isSpec(value) ? List.of() : List.of(new CondaPackage(value)),
                value,
                printable ? Map.of(value, value) : Map.of());
        assertThat(CondaFileReader.parse(Path.of("e.yml"), CondaSpecWriter.write(spec)))
                .isEqualTo(spec);
    }

    @Provide
    Arbitrary<String> edge() {
        return Arbitraries.of(EDGE).filter(s -> !TemplateTokens.contains(s));
    }

    @Example
    void plainWhereYamlAllowsQuotedWhereItMust() {
        assertThat(CondaSpecWriter.scalar("numpy>=1.2")).isEqualTo("numpy>=1.2");
        assertThat(CondaSpecWriter.scalar("conda-forge::numpy")).isEqualTo("conda-forge::numpy");
        assertThat(CondaSpecWriter.scalar("-x")).isEqualTo("-x");
        assertThat(CondaSpecWriter.scalar("yes")).isEqualTo("'yes'");
        assertThat(CondaSpecWriter.scalar("1.0")).isEqualTo("'1.0'");
        assertThat(CondaSpecWriter.scalar("~")).isEqualTo("'~'");
        assertThat(CondaSpecWriter.scalar("#x")).isEqualTo("'#x'");
        assertThat(CondaSpecWriter.scalar("a: b")).isEqualTo("'a: b'");
        assertThat(CondaSpecWriter.scalar("- x")).isEqualTo("'- x'");
        assertThat(CondaSpecWriter.scalar("@x")).isEqualTo("'@x'");
        assertThat(CondaSpecWriter.scalar("it's")).isEqualTo("it's");
        assertThat(CondaSpecWriter.scalar("日本語")).isEqualTo("日本語");
        assertThat(CondaSpecWriter.scalar("a\u2028b")).isEqualTo("\"a\\u2028b\"");
        assertThat(CondaSpecWriter.scalar("a\nb")).isEqualTo("\"a\\nb\"");
    }
}

package dev.amlsh.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amlsh.conda.CondaFileReader;
import dev.amlsh.conda.CondaSpecWriter;
import dev.amlsh.formats.EnvironmentJson;
import dev.amlsh.image.EnvironmentHashes;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rule 6 (values keep the types ruamel.yaml's round-trip loader gives them; expected values are
 * what ruamel.yaml 0.17 and json.dumps print for each text) and rule 9 (Environment.__init__
 * defaults, Environment.clone, CondaDependencies.create).
 */
class YamlTypesAndDefaultsTest {

    @Test
    void plainScalarsAreTypedAsYaml12AndQuotedOnesStayStrings() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("8", 8L);
        expected.put("010", 10L);
        expected.put("0o17", 15L);
        expected.put("0x1F", 31L);
        expected.put("-0x1F", -31L);
        expected.put("0b11", 3L);
        expected.put("1_000", 1000L);
        expected.put("+12", 12L);
        expected.put("100000000000000000000000", new BigInteger("100000000000000000000000"));
        expected.put("1.5", 1.5);
        expected.put("1e3", 1000.0);
        expected.put(".5", 0.5);
        expected.put("1.", 1.0);
        expected.put("True", true);
        expected.put("false", false);
        expected.put("yes", "yes");
        expected.put("on", "on");
        expected.put("12:30", "12:30");
        expected.put("0o8", "0o8");
        expected.put("_1", "_1");
        expected.put("0x", "0x");
        // where json.dumps fails or writes Infinity, amlsh keeps the text
        expected.put("2024-01-01", "2024-01-01");
        expected.put(".inf", ".inf");
        expected.put("1e400", "1e400");
        expected.forEach(
                (text, value) -> assertThat(YamlScalars.plain(text)).as(text).isEqualTo(value));
        assertThat(YamlScalars.plain("~")).isNull();
        assertThat(YamlScalars.plain("")).isNull();
    }

    @Test
    void floatsPrintAsPythonsRepr() {
        String[][] cases = {
            {"1000.0", "1000.0"},
            {"0.0015", "0.0015"},
            {"1e16", "1e+16"},
            {"1e-5", "1e-05"},
            {"0.0001", "0.0001"},
            {"1234567890123456.0", "1234567890123456.0"},
            {"1.0000000000000002", "1.0000000000000002"},
            {"-2.5e-7", "-2.5e-07"},
            {"1.5e20", "1.5e+20"},
            {"0.0", "0.0"}
        };
        for (String[] c : cases) {
            assertThat(YamlScalars.pythonRepr(Double.parseDouble(c[0])))
                    .as(c[0])
                    .isEqualTo(c[1]);
        }
    }

    @Test
    void variablesKeepTheirTypesThroughTheJsonAndTheMutatedFile() {
        CondaSpec spec = CondaFileReader.parse(
                Path.of("env.yml"),
                "dependencies:\n  - python=3.10\nvariables:\n"
                        + "  THREADS: 8\n  QUOTED: \"8\"\n  RATE: 1e3\n  DEBUG: True\n  MODE: yes\n  EMPTY:\n");
        assertThat(spec.variables())
                .containsExactly(
                        Map.entry("THREADS", 8L),
                        Map.entry("QUOTED", "8"),
                        Map.entry("RATE", 1000.0),
                        Map.entry("DEBUG", true),
                        Map.entry("MODE", "yes"),
                        new java.util.AbstractMap.SimpleEntry<>("EMPTY", null));
        Environment env = Environments.fromCondaSpecification("typed", spec, SdkRelease.DEFAULT_BASE_IMAGE, w -> {});
        String json = EnvironmentJson.write(env, EnvironmentJson.Options.service());
        assertThat(json)
                .contains(
                        "\"THREADS\": 8,",
                        "\"QUOTED\": \"8\",",
                        "\"RATE\": 1000.0,",
                        "\"DEBUG\": true,",
                        "\"MODE\": \"yes\",",
                        "\"EMPTY\": null");
        assertThat(EnvironmentJson.read("x.json", json)).isEqualTo(env);
        String mutated = CondaSpecWriter.write(spec);
        assertThat(mutated)
                .contains("    THREADS: 8\n    QUOTED: '8'\n    RATE: 1000.0\n    DEBUG: true\n    MODE: 'yes'\n   "
                        + " EMPTY: null\n");
        assertThat(CondaFileReader.parse(Path.of("m.yml"), mutated)).isEqualTo(spec);
    }

    @Test
    void theCondaHashTakesEachValueAsItsJsonText() {
        CondaSpec number =
                CondaFileReader.parse(Path.of("a.yml"), "dependencies: [python=3.10]\nvariables:\n  THREADS: 8\n");
        CondaSpec quoted =
                CondaFileReader.parse(Path.of("b.yml"), "dependencies: [python=3.10]\nvariables:\n  THREADS: '8'\n");
        assertThat(EnvironmentHashes.canonicalCondaSpec(number))
                .isEqualTo("{\"dependencies\":[\"python=3.10\"],\"variables\":{\"THREADS\":\"8\"}}");
        assertThat(EnvironmentHashes.condaEnvironmentName(number))
                .isEqualTo(EnvironmentHashes.condaEnvironmentName(quoted));
    }

    @Test
    void environmentDefaultsAreTheSdksInit() {
        Environment env = Environment.create("e", SdkRelease.DEFAULT_BASE_IMAGE);
        assertThat(env.version()).isNull();
        assertThat(env.assetId()).isNull();
        assertThat(env.environmentVariables()).containsExactly(Map.entry("EXAMPLE_ENV_VAR", "EXAMPLE_VALUE"));
        assertThat(env.python())
                .isEqualTo(new PythonSection(false, "python", null, null, SdkRelease.defaultCondaSpec()));
        assertThat(env.docker().baseImage()).isEqualTo("mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest");
        assertThat(env.docker().shmSize()).isEqualTo("2g");
        assertThat(env.docker().sharedVolumes()).isTrue();
        assertThat(env.docker().enabled()).isFalse();
        assertThat(env.docker().platform()).isEqualTo(Platform.LINUX_AMD64);
        assertThat(env.r()).isNull();
        assertThat(env.inferencingStackVersion()).isNull();
    }

    @Test
    void cloneResetsVersionAndAssetIdAndSharesNothing() {
        Environment source = Environment.create("e", SdkRelease.DEFAULT_BASE_IMAGE)
                .withVersion("3")
                .withAssetId("azureml://x");
        Environment copy = source.cloneAs("f");
        assertThat(copy.name()).isEqualTo("f");
        assertThat(copy.version()).isNull();
        assertThat(copy.assetId()).isNull();
        assertThat(copy.definition()).isEqualTo(source.definition());
        // the SDK's clone shares the conda map with its source; amlsh's definitions are immutable
        Environment edited = copy.withCondaSpec(s -> s.addCondaPackage("numpy"));
        assertThat(edited.condaSpec().condaPackages()).hasSize(2);
        assertThat(source.condaSpec().condaPackages()).hasSize(1);
        assertThatThrownBy(() -> source.cloneAs("")).isInstanceOf(AmlshException.class);
    }

    @Test
    void condaDependenciesCreate() {
        CondaSpec defaults = SdkRelease.create(null, null, null, null);
        assertThat(defaults).isEqualTo(SdkRelease.defaultCondaSpec());
        CondaSpec spec = SdkRelease.create(
                "https://my.index/simple", List.of("torch==2.1", "pandas"), List.of("numpy", "scipy=1.11"), "3.10");
        assertThat(spec.channels()).containsExactly("anaconda", "conda-forge");
        assertThat(spec.dependencies())
                .containsExactly(
                        new CondaPackage("python=3.10"),
                        new PipSection(Arrays.asList(
                                "--index-url https://my.index/simple",
                                "--extra-index-url https://pypi.python.org/simple",
                                "torch==2.1",
                                "pandas")),
                        new CondaPackage("numpy"),
                        new CondaPackage("scipy=1.11"));
    }
}

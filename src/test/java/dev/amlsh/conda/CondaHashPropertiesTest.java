package dev.amlsh.conda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amlsh.image.EnvironmentHashes;
import dev.amlsh.model.CondaDependency;
import dev.amlsh.model.CondaPackage;
import dev.amlsh.model.CondaSpec;
import dev.amlsh.model.Environment;
import dev.amlsh.model.Environments;
import dev.amlsh.model.PipSection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hash laws over generated conda specs. */
class CondaHashPropertiesTest {

    static final Path FILE = Path.of("generated.yml");

    // generators

    static Arbitrary<String> packageName() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .ofMinLength(1)
                .ofMaxLength(8)
                .flatMap(head ->
                        Arbitraries.of("", "-learn", "_core", "2", ".io").map(tail -> head + tail));
    }

    static Arbitrary<String> version() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 30),
                        Arbitraries.integers().between(0, 20))
                .as((a, b) -> a + "." + b);
    }

    static Arbitrary<String> condaSpec() {
        return Combinators.combine(
                        Arbitraries.of("", "conda-forge::"),
                        packageName(),
                        Arbitraries.of("", "=", ">=", "<=", "=="),
                        version())
                .as((channel, name, op, v) -> channel + name + (op.isEmpty() ? "" : op + v));
    }

    static Arbitrary<String> pipRequirement() {
        return Combinators.combine(
                        packageName(),
                        Arbitraries.of("", "[extra]"),
                        Arbitraries.of("", "==", ">=", "~="),
                        version(),
                        Arbitraries.of("", "; python_version >= \"3.8\""))
                .as((name, extra, op, v, marker) -> name + extra + (op.isEmpty() ? "" : op + v) + marker);
    }

    @Provide
    Arbitrary<CondaSpec> specs() {
        Arbitrary<List<String>> channels = Arbitraries.of("conda-forge", "defaults", "pytorch", "nvidia", "anaconda")
                .list()
                .uniqueElements()
                .ofMaxSize(3);
        Arbitrary<List<String>> packages = condaSpec()
                .list()
                .uniqueElements(CondaHashPropertiesTest::nameOf)
                .ofMinSize(1)
                .ofMaxSize(6);
        Arbitrary<List<String>> pip = pipRequirement().list().uniqueElements().ofMaxSize(5);
        Arbitrary<Boolean> hasPip = Arbitraries.of(true, false);
        Arbitrary<Map<String, String>> variables = Arbitraries.maps(
                        Arbitraries.strings()
                                .withCharRange('A', 'Z')
                                .ofMinLength(1)
                                .ofMaxLength(6),
                        Arbitraries.strings().alpha().numeric().ofMaxLength(6))
                .ofMaxSize(2);
        Arbitrary<String> name = Arbitraries.of("env", "my-env", "pytorch").injectNull(0.3);
        return Combinators.combine(name, channels, packages, hasPip, pip, variables)
                .as((n, c, p, withPip, r, v) -> {
                    List<CondaDependency> deps = new ArrayList<>();
                    p.forEach(s -> deps.add(new CondaPackage(s)));
                    if (withPip) {
                        deps.add(Math.min(1, deps.size()), new PipSection(r));
                    }
                    return new CondaSpec(n, c, deps, null, new LinkedHashMap<>(v));
                });
    }

    @Provide
    Arbitrary<CondaStyle> styles() {
        return Combinators.combine(
                        Arbitraries.of(true, false),
                        Arbitraries.of(2, 4),
                        Arbitraries.of(true, false),
                        Arbitraries.of('p', 's', 'd'),
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false))
                .as(CondaStyle::new);
    }

    private static String nameOf(String spec) {
        return new CondaPackage(spec).name();
    }

    private static String hash(CondaSpec spec) {
        return EnvironmentHashes.condaEnvironmentName(spec);
    }

    // laws

    @Property(tries = 300)
    void everyStyleParsesToTheSameSpecAndHash(
            @ForAll("specs") CondaSpec spec,
            @ForAll("styles") CondaStyle style,
            @ForAll boolean bom,
            @ForAll("names") String otherName) {
        String text = style.render(spec.withName(otherName));
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bom) {
            byte[] withBom = new byte[bytes.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(bytes, 0, withBom, 3, bytes.length);
            bytes = withBom;
        }
        CondaSpec parsed = CondaFileReader.parse(TextFile.decode(FILE, bytes));
        assertThat(parsed.withName(null)).isEqualTo(spec.withName(null));
        assertThat(hash(parsed)).isEqualTo(hash(spec));
        assertThat(hash(CondaFileReader.parse(FILE, CondaSpecWriter.write(spec))))
                .isEqualTo(hash(spec));
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of("renamed", "x", "project_environment").injectNull(0.3);
    }

    @Property(tries = 200)
    void swappingTwoDependenciesChangesTheHash(@ForAll("specs") CondaSpec spec, @ForAll("styles") CondaStyle style) {
        Assume.that(spec.dependencies().size() >= 2);
        List<CondaDependency> deps = new ArrayList<>(spec.dependencies());
        CondaDependency first = deps.get(0);
        deps.set(0, deps.get(1));
        deps.set(1, first);
        CondaSpec swapped = spec.withDependencies(deps);
        Assume.that(!swapped.equals(spec));
        assertThat(hash(CondaFileReader.parse(FILE, style.render(swapped)))).isNotEqualTo(hash(spec));
    }

    @Property(tries = 200)
    void changingAVersionChangesTheHash(@ForAll("specs") CondaSpec spec, @ForAll("styles") CondaStyle style) {
        List<CondaDependency> deps = new ArrayList<>(spec.dependencies());
        int i = deps.indexOf(spec.condaPackages().get(0));
        deps.set(
                i,
                new CondaPackage(spec.condaPackages().get(0).spec()
                        + (spec.condaPackages().get(0).constraint().isEmpty() ? "=1.0" : ".1")));
        CondaSpec changed = spec.withDependencies(deps);
        assertThat(hash(CondaFileReader.parse(FILE, style.render(changed)))).isNotEqualTo(hash(spec));
    }

    @Property(tries = 200)
    void changingAPipRequirementChangesTheHash(@ForAll("specs") CondaSpec spec, @ForAll("styles") CondaStyle style) {
        Assume.that(!spec.pipRequirements().isEmpty());
        List<String> pip = new ArrayList<>(spec.pipRequirements());
        pip.set(0, pip.get(0).replaceFirst("^([a-z0-9._-]+)", "$1x"));
        CondaSpec changed = spec.withPipRequirements(pip);
        assertThat(hash(CondaFileReader.parse(FILE, style.render(changed)))).isNotEqualTo(hash(spec));
    }

    @Property(tries = 200)
    void addingAChannelOrReorderingChannelsChangesTheHash(
            @ForAll("specs") CondaSpec spec, @ForAll("styles") CondaStyle style) {
        CondaSpec added = spec.addChannel("bioconda");
        assertThat(hash(CondaFileReader.parse(FILE, style.render(added)))).isNotEqualTo(hash(spec));
        if (spec.channels().size() >= 2) {
            List<String> reversed = new ArrayList<>(spec.channels());
            java.util.Collections.reverse(reversed);
            assertThat(hash(spec.withChannels(reversed))).isNotEqualTo(hash(spec));
        }
    }

    @Property(tries = 200)
    void variablesNameAndVersionNeverChangeTheImageAndNameAndVersionNeverTheCondaName(
            @ForAll("specs") CondaSpec spec, @ForAll("names") String otherName) {
        Environment env = Environments.fromCondaSpecification("e", spec, "img:1", w -> {});
        String image = EnvironmentHashes.imageName(env);
        String conda = hash(env.condaSpec());
        Environment varied = env.withVariable("SOME_VAR", "value")
                .withoutVariable("EXAMPLE_ENV_VAR")
                .withName("other")
                .withVersion("7");
        assertThat(EnvironmentHashes.imageName(varied)).isEqualTo(image);
        assertThat(hash(varied.condaSpec())).isEqualTo(conda);
        assertThat(hash(spec.withName(otherName))).isEqualTo(hash(spec));
    }

    @Property(tries = 100)
    void aDifferentCondaSpecGivesAnotherImage(@ForAll("specs") CondaSpec spec) {
        Environment env = Environments.fromCondaSpecification("e", spec, "img:1", w -> {});
        Environment other = env.withCondaSpec(s -> s.addChannel("bioconda"));
        assertThat(EnvironmentHashes.imageName(other)).isNotEqualTo(EnvironmentHashes.imageName(env));
        assertThat(EnvironmentHashes.imageName(env.withBaseImage("img:2", w -> {})))
                .isNotEqualTo(EnvironmentHashes.imageName(env));
    }
}

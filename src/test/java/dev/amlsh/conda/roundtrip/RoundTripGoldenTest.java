package dev.amlsh.conda.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amlsh.conda.TextFile;
import dev.amlsh.model.CondaDependency;
import dev.amlsh.model.CondaPackage;
import dev.amlsh.model.CondaSpec;
import dev.amlsh.model.PipSection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Pins {@code CondaDependencies.serialize_to_string()} (azureml-core, ruamel.yaml 0.17.4's
 * {@code round_trip_dump} of {@code round_trip_load}) byte for byte. The expected files were
 * written by scripts/goldens/ruamel-roundtrip.py with ruamel.yaml 0.17.4's own code and checked
 * equal with Debian's 0.17.21 (with the legacy dumper's comment_handling set, see the script).
 * {@code NAME.yml -> NAME.expected}; {@code NAME@EDIT.edits} applies the SDK's edits in order
 * ({@code add_conda_package}, {@code add_pip_package}, ...) and expects {@code NAME@EDIT.expected}.
 */
class RoundTripGoldenTest {

    static final Path CASES = Path.of("src/test/resources/dev/amlsh/conda/roundtrip/cases");

    @TestFactory
    Stream<DynamicTest> eachFileRoundTripsAsTheSdkWritesIt() throws IOException {
        try (Stream<Path> files = Files.list(CASES)) {
            return files.filter(p -> p.toString().endsWith(".yml")).sorted().toList().stream()
                    .map(p -> DynamicTest.dynamicTest(
                            p.getFileName().toString(),
                            () -> assertThat(read(p).text()).isEqualTo(expected(p, ".yml"))));
        }
    }

    @TestFactory
    Stream<DynamicTest> eachEditReconcilesAsTheSdkEditsItsCommentedMap() throws IOException {
        try (Stream<Path> files = Files.list(CASES)) {
            return files.filter(p -> p.toString().endsWith(".edits")).sorted().toList().stream()
                    .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
                        String name = p.getFileName().toString();
                        CondaDocument doc = read(CASES.resolve(name.substring(0, name.indexOf('@')) + ".yml"));
                        CondaSpec spec = doc.spec();
                        for (String edit : Files.readAllLines(p)) {
                            if (edit.startsWith("set_pip_requirements=")) {
                                // from_pip_requirements replaces the list object: a construction step of the document
                                List<String> lines = List.of(
                                        edit.substring(edit.indexOf('=') + 1).split("\\|"));
                                spec = spec.withPipRequirements(lines);
                                doc = doc.withPipListReplaced(lines).reconcile(spec);
                            } else if (!edit.isBlank()) {
                                spec = SdkEdits.apply(spec, edit);
                                doc = doc.reconcile(spec);
                            }
                        }
                        assertThat(doc.text()).isEqualTo(expected(p, ".edits"));
                    }));
        }
    }

    @Test
    void theSdkDefaultFileIsTheReferenceText() throws IOException {
        // ../shared/reference/azureml-environments.md section 1: Environment(name)'s conda file
        String reference = Files.readString(
                Path.of("src/main/resources/dev/amlsh/conda/roundtrip/sdk-default-conda-dependencies.yml"));
        assertThat(CondaDocument.sdkDefault().text()).isEqualTo(reference);
    }

    @Test
    void aDraftStoredAsTextBeforeTheWholeTreeWasKeptStillReads() throws IOException {
        // schema 3 rows written before the stored form hold ruamel's text: read as the file it is
        Path file = CASES.resolve("comment-places.yml");
        String text = read(file).text();
        CondaDocument fromText = CondaDocument.fromStored(Path.of("draft x conda file"), text);
        assertThat(fromText).isEqualTo(CondaDocument.parse(Path.of("x"), text));
        assertThat(CondaDocument.fromStored(Path.of("y"), fromText.storedForm()))
                .isEqualTo(fromText);
        assertThat(fromText.storedForm()).startsWith("{\"amlshCondaDocument\":1,");
    }

    static CondaDocument read(Path p) throws IOException {
        return CondaDocument.read(TextFile.read(p));
    }

    static String expected(Path p, String suffix) throws IOException {
        String name = p.getFileName().toString();
        return Files.readString(
                p.resolveSibling(name.substring(0, name.length() - suffix.length()) + ".expected"),
                StandardCharsets.UTF_8);
    }

    /** The SDK's CondaDependencies edits on a spec (the golden script does the same on ruamel's map). */
    static final class SdkEdits {
        private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(\\.(\\d+))?([ab](\\d+))?$");

        static String packageName(String value) {
            if (value.endsWith(".whl")) {
                return value.substring(value.lastIndexOf('/') + 1).split("-")[0];
            }
            return value.split("[\\[=|<>~!]", -1)[0];
        }

        static CondaSpec apply(CondaSpec spec, String edit) {
            String op = edit.substring(0, edit.indexOf('='));
            String value = edit.substring(edit.indexOf('=') + 1);
            List<CondaDependency> deps = new ArrayList<>(spec.dependencies());
            List<String> channels = new ArrayList<>(spec.channels());
            int pipAt = -1;
            for (int i = 0; i < deps.size(); i++) {
                if (deps.get(i) instanceof PipSection) {
                    pipAt = i;
                }
            }
            List<String> pip =
                    pipAt < 0 ? new ArrayList<>() : new ArrayList<>(((PipSection) deps.get(pipAt)).requirements());
            switch (op) {
                case "add_conda" -> {
                    if (!deps.contains(new CondaPackage(value))) {
                        if (packageName(value).equals("python")) {
                            var m = VERSION.matcher(value);
                            m.find();
                            String python = "python=" + m.group();
                            int at = -1;
                            for (int i = 0; i < deps.size() && at < 0; i++) {
                                if (deps.get(i) instanceof CondaPackage c
                                        && packageName(c.spec()).equals("python")) {
                                    at = i;
                                }
                            }
                            if (at >= 0) {
                                deps.set(at, new CondaPackage(python));
                            } else {
                                deps.add(new CondaPackage(python));
                            }
                        } else {
                            deps.add(new CondaPackage(value));
                        }
                    }
                }
                case "remove_conda" -> deps.remove(new CondaPackage(value));
                case "add_channel" -> {
                    if (!channels.contains(value)) {
                        channels.add(value);
                    }
                }
                case "remove_channel" -> channels.remove(value);
                case "add_pip", "remove_pip" -> {
                    String name = packageName(value);
                    String last = null;
                    for (String r : pip) {
                        if (!r.startsWith("-") && packageName(r).equals(name)) {
                            last = r;
                        }
                    }
                    if (last != null) {
                        pip.remove(last);
                    }
                    if (op.equals("add_pip")) {
                        pip.add(value);
                    }
                    deps = withPip(deps, pipAt, pip);
                }
                case "set_pip_option" -> {
                    String key = value.split(" ")[0];
                    boolean replaced = false;
                    for (int i = 0; i < pip.size(); i++) {
                        if (pip.get(i).startsWith("-")
                                && pip.get(i).split(" ")[0].equals(key)) {
                            pip.set(i, value);
                            replaced = true;
                        }
                    }
                    if (!replaced) {
                        pip.add(value);
                    }
                    deps = withPip(deps, pipAt, pip);
                }
                case "remove_pip_option" -> {
                    String key = value.split(" ")[0];
                    String last = null;
                    for (String r : pip) {
                        if (r.split(" ")[0].equals(key)) {
                            last = r;
                        }
                    }
                    if (last != null) {
                        pip.remove(last);
                    }
                    deps = withPip(deps, pipAt, pip);
                }
                default -> throw new IllegalArgumentException(edit);
            }
            // a key the file does not have stays absent unless the edit adds to it (the SDK then creates it)
            boolean channelsKey = spec.hasChannelsKey() || op.equals("add_channel");
            boolean depsKey = spec.hasDependenciesKey() || !deps.isEmpty();
            return new CondaSpec(
                    spec.name(), channelsKey ? channels : null, depsKey ? deps : null, spec.prefix(), spec.variables());
        }

        private static List<CondaDependency> withPip(List<CondaDependency> deps, int pipAt, List<String> pip) {
            List<CondaDependency> result = new ArrayList<>(deps);
            if (pipAt < 0) {
                result.add(new PipSection(pip));
            } else {
                result.set(pipAt, new PipSection(pip));
            }
            return result;
        }
    }
}

package dev.amlsh.formats;

import dev.amlsh.conda.CondaFileReader;
import dev.amlsh.conda.TextFile;
import dev.amlsh.conda.YamlNodes;
import dev.amlsh.model.AmlshException;
import dev.amlsh.model.BuildContext;
import dev.amlsh.model.Environment;
import dev.amlsh.model.Environments;
import dev.amlsh.model.Immutable;
import dev.amlsh.model.SdkRelease;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The curated environments amlsh ships ({@code curated/} beside this class, each file from a
 * public source named in {@code curated/SOURCES.md}), one per era in which Azure ML published
 * them: 2020 conda specs on the SDK's image, 2021 base Dockerfiles, and 2022+ azureml-assets
 * build contexts. The azureml-assets files are shipped as they are, template tokens included;
 * amlsh resolves each token to the value {@code tokens.tsv} states (and says why), so the
 * definition shows what such an environment builds.
 */
public final class CuratedEnvironments {

    /** How Azure ML defined the environment in its era. */
    public enum Kind {
        CONDA("conda spec on a base image"),
        DOCKERFILE("base Dockerfile"),
        BUILD_CONTEXT("build context");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        static Kind of(String column) {
            return switch (column) {
                case "conda" -> CONDA;
                case "dockerfile" -> DOCKERFILE;
                case "build-context" -> BUILD_CONTEXT;
                default -> throw new IllegalStateException("environments.tsv: unknown kind '" + column + "'");
            };
        }
    }

    /**
     * One curated environment at one version: its definition (named and versioned as Azure ML
     * names it), the files it comes from with their tokens resolved, and the values used.
     */
    public record Curated(
            String name,
            String version,
            Kind kind,
            String source,
            String description,
            Environment environment,
            Map<String, String> files,
            Map<String, String> tokens) {

        public Curated {
            files = Immutable.map(files);
            tokens = Immutable.map(tokens);
        }

        public String reference() {
            return name + ":" + version;
        }
    }

    private static final String DIR = "curated/";
    /** A template token of Azure's asset tooling; a regex inside (single braces) is part of it. */
    private static final Pattern TOKEN = Pattern.compile("\\{\\{(?:[^}]|}(?!}))*}}");

    private static final Pattern PYPI =
            Pattern.compile("([A-Za-z0-9][A-Za-z0-9._\\[\\]-]*)==\\{\\{latest-pypi-version}}");
    private static final Pattern SOURCE = Pattern.compile("([^@]+)@([0-9a-f]{40}):(.+)");

    private final List<Curated> environments;

    private CuratedEnvironments(List<Curated> environments) {
        this.environments = List.copyOf(environments);
    }

    /** The bundled set, read on first use. */
    public static CuratedEnvironments bundled() {
        return Holder.BUNDLED;
    }

    private static final class Holder {
        static final CuratedEnvironments BUNDLED = load();
    }

    public List<Curated> all() {
        return environments;
    }

    /** The versions amlsh has of a name, oldest first; empty when it has none. */
    public List<String> versions(String name) {
        return environments.stream()
                .filter(c -> c.name().equals(name))
                .map(Curated::version)
                .sorted()
                .toList();
    }

    /** {@code NAME} (its latest version) or {@code NAME:VERSION}. */
    public Optional<Curated> find(String reference) {
        int colon = reference.indexOf(':');
        String name = colon < 0 ? reference : reference.substring(0, colon);
        String version = colon < 0 ? null : reference.substring(colon + 1);
        return environments.stream()
                .filter(c -> c.name().equals(name))
                .filter(c -> version == null || c.version().equals(version))
                .max(Comparator.comparing(Curated::version));
    }

    /** Like {@link #find}, with a message that says what amlsh has when it lacks the reference. */
    public Curated require(String reference) {
        return find(reference).orElseThrow(() -> {
            String name = reference.contains(":") ? reference.substring(0, reference.indexOf(':')) : reference;
            List<String> versions = versions(name);
            if (!versions.isEmpty()) {
                return new AmlshException("amlsh has " + name + " at version " + String.join(", ", versions)
                        + " only (the date of the public source it comes from); Azure ML's own version numbers"
                        + " are not published with the definitions");
            }
            return new AmlshException("amlsh has no curated environment '" + name + "' ('curated list' shows the "
                    + environments.size() + " it ships; 'curated images' the base images)");
        });
    }

    // loading

    private static CuratedEnvironments load() {
        Map<String, Map<String, String>> tokens = new LinkedHashMap<>();
        for (String[] row : rows("tokens.tsv", 4)) {
            tokens.computeIfAbsent(row[0], k -> new LinkedHashMap<>()).put(row[1], row[2]);
        }
        List<Curated> loaded = new ArrayList<>();
        for (String[] row : rows("environments.tsv", 7)) {
            loaded.add(curated(row, tokens.getOrDefault(row[0], Map.of())));
        }
        return new CuratedEnvironments(loaded);
    }

    private static Curated curated(String[] row, Map<String, String> stated) {
        String name = row[0];
        String version = row[1];
        Kind kind = Kind.of(row[2]);
        String folder = name + "/" + version + "/";
        String description = row[6].equals("-") ? null : row[6];
        Map<String, String> files = new LinkedHashMap<>();
        Map<String, String> used = new LinkedHashMap<>();
        Environment env = switch (kind) {
            case CONDA -> {
                String text = resource(folder + row[3]);
                files.put(row[3], text);
                yield Environments.fromCondaSpecification(
                        name, CondaFileReader.parse(Path.of(DIR + folder + row[3]), text), row[4], w -> {});
            }
            case DOCKERFILE -> {
                String text = resource(folder + row[3]);
                files.put(row[3], text);
                yield Environments.fromDockerfile(name, text, SdkRelease.DEFAULT_BASE_IMAGE);
            }
            case BUILD_CONTEXT -> buildContext(name, version, folder, row[5], stated, files, used);
        };
        return new Curated(name, version, kind, row[5], description, env.withVersion(version), files, used);
    }

    /**
     * An azureml-assets environment: {@code environment.yaml} names the context folder, its
     * Dockerfile and the files holding tokens; {@code spec.yaml} is the v2 file, read as
     * {@code az ml environment create} reads it once the tokens are filled in.
     */
    private static Environment buildContext(
            String name,
            String version,
            String folder,
            String source,
            Map<String, String> stated,
            Map<String, String> files,
            Map<String, String> used) {
        Matcher m = SOURCE.matcher(source);
        if (!m.matches()) {
            throw new IllegalStateException("environments.tsv: " + name + ": source must be REPOSITORY@COMMIT:PATH");
        }
        Path configPath = Path.of(DIR + folder + "environment.yaml");
        YamlFields config = YamlFields.of(
                new TextFile(configPath, resource(folder + "environment.yaml")),
                "",
                YamlNodes.compose(new TextFile(configPath, resource(folder + "environment.yaml"))),
                "environment.yaml");
        YamlFields image = config.object("image", "'image'");
        YamlFields context = image.object("context", "'image.context'");
        String dir = context.string("dir");
        String dockerfilePath = context.string("dockerfile") == null ? "Dockerfile" : context.string("dockerfile");
        String location = "https://github.com/" + m.group(1) + ".git#" + m.group(2) + ":" + m.group(3) + "/" + dir;
        Map<String, String> rules = new LinkedHashMap<>();
        rules.put("{{asset.name}}", name);
        rules.put("{{asset.version}}", version);
        rules.put("{{image.context.path}}", location);
        rules.put("{{image.dockerfile.path}}", dockerfilePath);
        for (String file : templateFiles(context)) {
            files.put(dir + "/" + file, resolve(name, resource(folder + dir + "/" + file), stated, Map.of(), used));
        }
        String spec = resolve(name, resource(folder + "spec.yaml"), stated, rules, used);
        files.put("spec.yaml", spec);
        V2Environment v2 = V2EnvironmentYaml.read(Path.of(DIR + folder + "spec.yaml"), spec);
        String dockerfile = files.get(dir + "/" + dockerfilePath);
        if (dockerfile == null) {
            dockerfile = resource(folder + dir + "/" + dockerfilePath);
            files.put(dir + "/" + dockerfilePath, dockerfile);
        }
        BuildContext known = v2.environment().docker().buildContext();
        BuildContext withDockerfile =
                new BuildContext(known.locationType(), known.location(), known.dockerfilePath(), dockerfile, null);
        Environment env = v2.environment();
        return env.withDocker(env.docker().withBuildContext(withDockerfile, w -> {}));
    }

    private static List<String> templateFiles(YamlFields context) {
        Node node = context.value("template_files");
        List<String> names = new ArrayList<>();
        if (node instanceof org.yaml.snakeyaml.nodes.SequenceNode seq) {
            for (Node item : seq.getValue()) {
                names.add(((org.yaml.snakeyaml.nodes.ScalarNode) item).getValue());
            }
        }
        return names;
    }

    /**
     * Replaces every token: a rule ({@code {{asset.name}}}...), else a stated value;
     * {@code {{latest-pypi-version}}} by the value stated for the package before {@code ==}. A
     * token with neither is a broken bundle, not a user's error.
     */
    static String resolve(
            String name, String text, Map<String, String> stated, Map<String, String> rules, Map<String, String> used) {
        Matcher pypi = PYPI.matcher(text);
        StringBuilder out = new StringBuilder();
        while (pypi.find()) {
            String key = "latest-pypi-version:" + pypi.group(1).replaceAll("\\[.*]", "");
            String value = stated(name, stated, key);
            used.put(key, value);
            pypi.appendReplacement(out, Matcher.quoteReplacement(pypi.group(1) + "==" + value));
        }
        pypi.appendTail(out);
        Matcher token = TOKEN.matcher(out.toString());
        StringBuilder resolved = new StringBuilder();
        while (token.find()) {
            String key = token.group();
            String value = rules.containsKey(key) ? rules.get(key) : stated(name, stated, key);
            if (!rules.containsKey(key)) {
                used.put(key, value);
            }
            token.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        token.appendTail(resolved);
        return resolved.toString();
    }

    private static String stated(String name, Map<String, String> stated, String key) {
        String value = stated.get(key);
        if (value == null) {
            throw new IllegalStateException("tokens.tsv states no value for " + key + " in " + name);
        }
        return value;
    }

    private static List<String[]> rows(String file, int columns) {
        List<String[]> rows = new ArrayList<>();
        for (String line : resource(file).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length != columns) {
                throw new IllegalStateException(file + ": " + columns + " tab-separated columns expected: " + line);
            }
            rows.add(cols);
        }
        return rows;
    }

    private static String resource(String path) {
        try (InputStream in = CuratedEnvironments.class.getResourceAsStream(DIR + path)) {
            if (in == null) {
                throw new IllegalStateException(DIR + path + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.amlsh.formats;

import dev.amlsh.conda.CondaFileReader;
import dev.amlsh.conda.TemplateTokens;
import dev.amlsh.conda.TextFile;
import dev.amlsh.conda.YamlNodes;
import dev.amlsh.model.AmlshException;
import dev.amlsh.model.AssetMetadata;
import dev.amlsh.model.BuildContext;
import dev.amlsh.model.CondaSpec;
import dev.amlsh.model.DockerSection;
import dev.amlsh.model.Environment;
import dev.amlsh.model.EnvironmentName;
import dev.amlsh.model.EnvironmentVersion;
import dev.amlsh.model.Environments;
import dev.amlsh.model.Platform;
import dev.amlsh.model.PythonSection;
import dev.amlsh.model.SdkRelease;
import dev.amlsh.model.SourceLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a v2 environment file ({@code az ml environment create -f FILE}) into a definition, with
 * Azure ML's rules and, where they are public, its messages (azure-ai-ml's
 * {@code _schema/assets/environment.py} and {@code _schema/core}):
 * <ul>
 * <li>{@code image} alone: the image's own python (user-managed), as v2 builds nothing on it;</li>
 * <li>{@code image} + {@code conda_file} (a path relative to the file, or an inline mapping):
 *     conda-managed on that image; v2 appends no python, so neither does amlsh;</li>
 * <li>{@code build: {path, dockerfile_path}}: a build context; for a local folder amlsh reads
 *     the Dockerfile into the definition (so it can be shown and changes the image hash) and
 *     keeps {@code path} as written; a URL is kept as it is, its Dockerfile unknown;</li>
 * <li>{@code version} as the SDK's {@code VersionField} makes it a string ({@link V2VersionField});
 *     {@code description}, {@code tags}, {@code os_type} and {@code inference_config} are kept in
 *     the definition's {@link AssetMetadata};</li>
 * <li>the read-only keys {@code az ml environment show} prints ({@code id},
 *     {@code creation_context}, {@code latest_version}) are ignored, as the SDK's
 *     {@code trim_dump_only} does; {@code datastore} is accepted.</li>
 * </ul>
 * Like the SDK's schema validation, every problem of the file is reported at once (each unknown
 * key, a null value, a missing build folder...), as one {@link AmlshException} carrying each.
 * v2 environments have no environment variables, so the definition has none.
 */
public final class V2EnvironmentYaml {

    public static final String SCHEMA = "https://azuremlschemas.azureedge.net/latest/environment.schema.json";

    static final Set<String> KEYS = Set.of(
            "$schema",
            "name",
            "version",
            "description",
            "tags",
            "image",
            "conda_file",
            "build",
            "os_type",
            "inference_config",
            "datastore");
    /** Read-only keys ({@code dump_only} in the SDK's schemas): ignored when set, as {@code trim_dump_only} does. */
    static final Set<String> READ_ONLY_KEYS = Set.of("id", "creation_context", "latest_version");
    /** Keys whose value may not be YAML null (marshmallow's "Field may not be null."). */
    private static final List<String> NOT_NULL = List.of(
            "name",
            "version",
            "description",
            "tags",
            "image",
            "conda_file",
            "build",
            "os_type",
            "inference_config",
            "datastore");

    private static final Set<String> BUILD_KEYS = Set.of("path", "dockerfile_path");
    private static final List<String> ROUTES = List.of("liveness_route", "readiness_route", "scoring_route");
    private static final Set<String> ROUTE_KEYS = Set.of("port", "path");
    private static final Set<String> DEPLOYMENT_KEYS =
            Set.of("endpoint_name", "instance_type", "instance_count", "model", "code_configuration", "environment");
    private static final Pattern REMOTE = Pattern.compile("^(https?|git|azureml)(\\+[a-z]+)?:.*|^git@.*");

    private V2EnvironmentYaml() {}

    public static V2Environment read(Path file) {
        return read(TextFile.read(file));
    }

    public static V2Environment read(Path file, String text) {
        return read(new TextFile(file, text));
    }

    private static V2Environment read(TextFile file) {
        TemplateTokenScan token = TemplateTokenScan.first(file);
        Node root;
        try {
            root = YamlNodes.compose(file);
        } catch (AmlshException e) {
            throw token != null ? token.problem(file) : e;
        }
        if (root == null) {
            throw AmlshException.inFile(
                    file.path(), "is empty: an environment file needs a name and an image or a build");
        }
        if (!(root instanceof MappingNode)) {
            throw YamlFields.problem(
                    file,
                    root,
                    "an environment file must be a mapping of keys to values, not " + YamlFields.describe(root));
        }
        YamlFields top = YamlFields.of(file, "", root, "an environment file");
        if (top.keys().stream().anyMatch(k -> DEPLOYMENT_KEYS.contains(k) && !KEYS.contains(k))) {
            throw top.problemHere("this is a deployment file, not an environment file"
                    + (top.has("environment")
                            ? ": put its inline 'environment:' block in a file of its own to import it"
                            : ""));
        }
        if (token != null) {
            throw token.problem(file);
        }
        if (top.has("dependencies") || top.has("channels")) {
            String key = top.keys().stream()
                    .filter(k -> k.equals("dependencies") || k.equals("channels"))
                    .findFirst()
                    .orElseThrow();
            throw top.problemAt(
                    top.keyNode(key),
                    "this looks like a conda file ('" + key + "'), not an environment file:"
                            + " an environment file names it in 'conda_file:' next to an 'image:'"
                            + " (or use env create --conda-file)");
        }
        return new Reader(file, top).environment();
    }

    /** One pass over the file that collects every problem before giving up. */
    private static final class Reader {

        private final TextFile file;
        private final YamlFields top;
        private final List<AmlshException> problems = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();

        Reader(TextFile file, YamlFields top) {
            this.file = file;
            this.top = top;
        }

        V2Environment environment() {
            Set<String> allowed = new HashSet<>(KEYS);
            for (String key : READ_ONLY_KEYS) {
                // trim_dump_only drops a read-only key only when it has a value; a null one stays unknown
                if (top.has(key) && !YamlFields.isNull(top.value(key))) {
                    allowed.add(key);
                }
            }
            problems.addAll(top.unknownKeys(allowed, "an environment file"));
            boolean nullImageOrBuild = false;
            for (String key : NOT_NULL) {
                if (top.has(key) && YamlFields.isNull(top.value(key))) {
                    problems.add(
                            top.problemAt(top.keyNode(key), "'" + key + "' may not be null (Field may not be null.)"));
                    nullImageOrBuild |= key.equals("image") || key.equals("build");
                }
            }
            String name = attempt(this::name);
            String version = attempt(this::version);
            String description = attempt(() -> top.string("description"));
            Map<String, String> tags = attempt(() -> top.stringMap("tags"));
            boolean hasImage = present("image");
            boolean hasBuild = present("build");
            if (!hasImage && !hasBuild && !nullImageOrBuild) {
                problems.add(top.problemHere("Docker image or Dockerfile is required for environments"));
            }
            if (hasImage && hasBuild) {
                problems.add(
                        top.problemAt(top.keyNode("build"), "Docker image or Dockerfile should be provided not both"));
            }
            if (present("conda_file") && !hasImage) {
                problems.add(top.problemAt(
                        top.keyNode("conda_file"),
                        "'conda_file' needs an 'image' to install into:"
                                + " with 'build', the Dockerfile installs the packages itself"));
            }
            Environment env = Environment.create(name == null ? "unnamed" : name, SdkRelease.DEFAULT_BASE_IMAGE)
                    .withEnvironmentVariables(Map.of());
            DockerSection docker = env.docker();
            PythonSection python = env.python();
            if (hasImage && !hasBuild) {
                DockerSection base = docker;
                docker = attempt(() -> {
                    try {
                        return base.withBaseImage(top.string("image"), w -> {});
                    } catch (AmlshException e) {
                        throw e.location().isPresent() ? e : top.problemAt(top.value("image"), e.problem());
                    }
                });
                CondaSpec conda = present("conda_file") ? attempt(this::condaFile) : null;
                python = conda == null ? python.withUserManagedDependencies(true) : PythonSection.conda(conda);
                if (conda != null && conda.python().isEmpty()) {
                    warnings.add(
                            "the conda file names no python: Azure ML v2 adds none, so conda picks one at build time");
                }
            } else if (hasBuild && !hasImage) {
                BuildContext context = buildContext();
                if (context != null) {
                    Environment built =
                            Environments.fromDockerBuildContext(env.name(), context, SdkRelease.DEFAULT_BASE_IMAGE);
                    docker = built.docker();
                    python = built.python();
                }
            }
            String osType = attempt(this::osType);
            AssetMetadata.InferenceConfig inference = present("inference_config") ? inferenceConfig() : null;
            String datastore = present("datastore") ? attempt(() -> top.string("datastore")) : null;
            if (datastore != null) {
                warnings.add("datastore '" + datastore + "': Azure ML uploads a local build folder there;"
                        + " amlsh uploads nothing and does not keep it");
            }
            if (!problems.isEmpty()) {
                throw AmlshException.all(inFileOrder(problems));
            }
            docker = docker.withPlatform(
                    osType == null || osType.equals("linux") ? Platform.LINUX_AMD64 : new Platform("Windows", "amd64"));
            AssetMetadata metadata = new AssetMetadata(description, tags, osType, inference);
            return new V2Environment(
                    env.withVersion(version)
                            .withDocker(docker)
                            .withPython(python)
                            .withMetadata(metadata),
                    warnings);
        }

        private boolean present(String key) {
            return top.has(key) && !YamlFields.isNull(top.value(key));
        }

        /** Runs one read; a problem is collected and the value is null. */
        private <T> T attempt(Supplier<T> read) {
            try {
                return read.get();
            } catch (AmlshException e) {
                problems.addAll(e.problems());
                return null;
            }
        }

        String name() {
            if (!top.has("name")) {
                throw top.problemHere("an environment file needs a 'name'");
            }
            String name = top.string("name");
            if (name == null) {
                return null; // reported as null above
            }
            try {
                return EnvironmentName.requireValid(name);
            } catch (AmlshException e) {
                throw top.problemAt(top.value("name"), e.problem());
            }
        }

        String version() {
            Node node = top.value("version");
            if (node == null || YamlFields.isNull(node)) {
                return null;
            }
            if (!(node instanceof ScalarNode scalar)) {
                throw top.problemAt(node, "a version must be a string or a number, not " + YamlFields.describe(node));
            }
            V2VersionField.Result result = V2VersionField.of(scalar);
            if (result.problem() != null) {
                throw top.problemAt(node, result.problem());
            }
            try {
                return EnvironmentVersion.requireValid(result.version());
            } catch (AmlshException e) {
                throw top.problemAt(node, e.problem());
            }
        }

        CondaSpec condaFile() {
            Node node = top.value("conda_file");
            if (node instanceof MappingNode) {
                return CondaFileReader.fromNode(file, node);
            }
            String relative = top.string("conda_file");
            Path conda = resolve(relative);
            if (!Files.exists(conda)) {
                throw top.problemAt(node, "conda_file '" + relative + "' not found (looked for " + conda + ")");
            }
            return CondaFileReader.read(conda);
        }

        /** The build context, or null when it has problems (each collected). */
        BuildContext buildContext() {
            YamlFields build = attempt(() -> top.object("build", "'build'"));
            if (build == null) {
                return null;
            }
            int before = problems.size();
            problems.addAll(build.unknownKeys(BUILD_KEYS, "'build'"));
            String path = attempt(() -> build.string("path"));
            String dockerfilePath = attempt(() -> build.string("dockerfile_path"));
            if (path == null) {
                if (problems.size() == before) {
                    problems.add(
                            build.problemHere("'build.path' is required: the folder (or URL) holding the Dockerfile"));
                }
                return null;
            }
            dockerfilePath = dockerfilePath == null ? "Dockerfile" : dockerfilePath;
            if (REMOTE.matcher(path).matches()) {
                return problems.size() == before
                        ? new BuildContext(BuildContext.locationTypeOf(path), path, dockerfilePath)
                        : null;
            }
            Path folder = resolve(path);
            if (!Files.isDirectory(folder)) {
                problems.add(build.problemAt(
                        build.value("path"), "build path '" + path + "' is not a folder (looked for " + folder + ")"));
                return null;
            }
            Path dockerfile = folder.resolve(dockerfilePath).normalize();
            if (!Files.isRegularFile(dockerfile)) {
                problems.add(build.problemAt(
                        build.has("dockerfile_path") ? build.value("dockerfile_path") : build.value("path"),
                        "no Dockerfile '" + dockerfilePath + "' in the build context (looked for " + dockerfile + ")"));
                return null;
            }
            String text = attempt(() -> TextFile.read(dockerfile).text());
            return problems.size() == before
                    ? new BuildContext(null, path, dockerfilePath, text, folder.toString())
                    : null;
        }

        /** {@code os_type}: Linux or Windows in any case (the SDK's {@code StringTransformedEnum}), kept lower-case. */
        String osType() {
            String os = top.string("os_type");
            if (os == null) {
                return null;
            }
            String lower = os.toLowerCase(Locale.ROOT);
            if (!lower.equals("linux") && !lower.equals("windows")) {
                throw top.problemAt(top.value("os_type"), "os_type must be 'linux' or 'windows', not '" + os + "'");
            }
            return lower;
        }

        /** {@code inference_config}, or null when it has problems (each collected). */
        AssetMetadata.InferenceConfig inferenceConfig() {
            YamlFields config = attempt(() -> top.object("inference_config", "'inference_config'"));
            if (config == null) {
                return null;
            }
            int before = problems.size();
            problems.addAll(config.unknownKeys(Set.copyOf(ROUTES), "'inference_config'"));
            List<AssetMetadata.Route> routes = new ArrayList<>();
            for (String key : ROUTES) {
                if (!config.has(key)) {
                    problems.add(config.problemHere("'inference_config' needs liveness_route, readiness_route and"
                            + " scoring_route; '" + key + "' is missing"));
                } else {
                    routes.add(attempt(() -> route(config, key)));
                }
            }
            return problems.size() == before
                    ? new AssetMetadata.InferenceConfig(routes.get(0), routes.get(1), routes.get(2))
                    : null;
        }

        AssetMetadata.Route route(YamlFields config, String key) {
            YamlFields route = config.object(key, "'inference_config." + key + "'");
            List<AmlshException> found =
                    new ArrayList<>(route.unknownKeys(ROUTE_KEYS, "'inference_config." + key + "'"));
            String port = null;
            String path = null;
            try {
                port = route.string("port");
                path = route.string("path");
            } catch (AmlshException e) {
                found.add(e);
            }
            if (found.isEmpty() && (port == null || path == null)) {
                found.add(route.problemHere("'inference_config." + key + "' needs a port and a path"));
            }
            if (found.isEmpty()) {
                try {
                    return new AssetMetadata.Route(Integer.parseInt(port), path);
                } catch (NumberFormatException e) {
                    found.add(route.problemAt(
                            route.value("port"),
                            "'inference_config." + key + ".port' must be a number, not '" + port + "'"));
                }
            }
            throw AmlshException.all(found);
        }

        Path resolve(String relative) {
            Path dir = file.path().toAbsolutePath().getParent();
            return (dir == null ? Path.of(relative) : dir.resolve(relative)).normalize();
        }

        /** This file's problems by line and column; problems in other files (a conda file) after them. */
        private List<AmlshException> inFileOrder(List<AmlshException> found) {
            Comparator<AmlshException> order = Comparator.comparing((AmlshException e) ->
                            e.location().map(l -> !l.file().equals(file.path())).orElse(true))
                    .thenComparingInt(
                            e -> e.location().map(SourceLocation::line).orElse(Integer.MAX_VALUE))
                    .thenComparingInt(
                            e -> e.location().map(SourceLocation::column).orElse(0));
            return found.stream().sorted(order).toList();
        }
    }

    /** The first template token in the text outside comments, with its place. */
    private record TemplateTokenScan(String token, int line, int column) {

        static TemplateTokenScan first(TextFile file) {
            List<String> lines = file.lines();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String code = line.substring(0, commentStart(line));
                var found = TemplateTokens.find(code);
                if (found.isPresent()) {
                    return new TemplateTokenScan(
                            found.get().text(), i + 1, found.get().offset() + 1);
                }
            }
            return null;
        }

        AmlshException problem(TextFile file) {
            return new AmlshException(TemplateTokens.message(token), file.at(line, column));
        }

        private static int commentStart(String line) {
            char quote = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                    return i;
                }
            }
            return line.length();
        }
    }
}

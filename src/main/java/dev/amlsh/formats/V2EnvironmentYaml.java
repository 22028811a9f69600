package dev.amlsh.formats;

import dev.amlsh.conda.CondaFileReader;
import dev.amlsh.conda.TemplateTokens;
import dev.amlsh.conda.TextFile;
import dev.amlsh.conda.YamlNodes;
import dev.amlsh.model.AmlshException;
import dev.amlsh.model.BuildContext;
import dev.amlsh.model.CondaSpec;
import dev.amlsh.model.DockerSection;
import dev.amlsh.model.Environment;
import dev.amlsh.model.Environments;
import dev.amlsh.model.Platform;
import dev.amlsh.model.PythonSection;
import dev.amlsh.model.SdkRelease;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a v2 environment file ({@code az ml environment create -f FILE}) into an SDK v1
 * definition, with Azure ML's rules and, where they are public, its messages:
 * <ul>
 * <li>{@code image} alone: the image's own python (user-managed), as v2 builds nothing on it;</li>
 * <li>{@code image} + {@code conda_file} (a path relative to the file, or an inline mapping):
 *     conda-managed on that image; v2 appends no python, so neither does amlsh;</li>
 * <li>{@code build: {path, dockerfile_path}}: a build context; for a local folder amlsh reads
 *     the Dockerfile into the definition (so it can be shown and changes the image hash) and
 *     keeps {@code path} as written; a URL is kept as it is, its Dockerfile unknown.</li>
 * </ul>
 * v2 environments have no environment variables, so the definition has none.
 */
public final class V2EnvironmentYaml {

    public static final String SCHEMA = "https://azuremlschemas.azureedge.net/latest/environment.schema.json";

    static final Set<String> KEYS = Set.of("$schema", "name", "version", "description", "tags", "image",
            "conda_file", "build", "os_type", "inference_config");
    private static final Set<String> BUILD_KEYS = Set.of("path", "dockerfile_path");
    private static final Set<String> ROUTES = Set.of("liveness_route", "readiness_route", "scoring_route");
    private static final Set<String> ROUTE_KEYS = Set.of("port", "path");
    private static final Set<String> DEPLOYMENT_KEYS = Set.of("endpoint_name", "instance_type", "instance_count",
            "model", "code_configuration", "environment");
    private static final Pattern V2_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9\\-_]{0,254}");
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
            throw AmlshException.inFile(file.path(), "is empty: an environment file needs a name and an image or a build");
        }
        if (!(root instanceof MappingNode)) {
            throw YamlFields.problem(file, root, "an environment file must be a mapping of keys to values, not "
                    + YamlFields.describe(root));
        }
        YamlFields top = YamlFields.of(file, "", root, "an environment file");
        if (top.keys().stream().anyMatch(k -> DEPLOYMENT_KEYS.contains(k) && !KEYS.contains(k))) {
            throw top.problemHere("this is a deployment file, not an environment file"
                    + (top.has("environment") ? ": put its inline 'environment:' block in a file of its own to import it" : ""));
        }
        if (token != null) {
            throw token.problem(file);
        }
        if (top.has("dependencies") || top.has("channels")) {
            String key = top.keys().stream().filter(k -> k.equals("dependencies") || k.equals("channels")).findFirst()
                    .orElseThrow();
            throw top.problemAt(top.keyNode(key), "this looks like a conda file ('" + key + "'), not an environment file:"
                    + " an environment file names it in 'conda_file:' next to an 'image:'"
                    + " (or use env create --conda-file)");
        }
        top.rejectUnknown(KEYS, "an environment file");
        return new Reader(file, top).environment();
    }

    private record Reader(TextFile file, YamlFields top) {

        V2Environment environment() {
            List<String> warnings = new ArrayList<>();
            String name = top.string("name");
            if (name == null) {
                throw top.problemHere("an environment file needs a 'name'");
            }
            if (!V2_NAME.matcher(name).matches()) {
                throw top.problemAt(top.value("name"), "'" + name + "' is not a valid environment name: it must start"
                        + " with a letter or digit and hold only letters, digits, '-' and '_' (at most 255 characters)");
            }
            boolean hasImage = top.value("image") != null && !YamlFields.isNull(top.value("image"));
            boolean hasBuild = top.value("build") != null && !YamlFields.isNull(top.value("build"));
            if (!hasImage && !hasBuild) {
                throw top.problemHere("Docker image or Dockerfile is required for environments");
            }
            if (hasImage && hasBuild) {
                throw top.problemAt(top.keyNode("build"), "Docker image or Dockerfile should be provided not both");
            }
            if (top.value("conda_file") != null && !hasImage) {
                throw top.problemAt(top.keyNode("conda_file"), "'conda_file' needs an 'image' to install into:"
                        + " with 'build', the Dockerfile installs the packages itself");
            }
            Environment env = Environment.create(name, SdkRelease.DEFAULT_BASE_IMAGE)
                    .withVersion(top.string("version"))
                    .withEnvironmentVariables(Map.of());
            DockerSection docker = env.docker();
            PythonSection python = env.python();
            if (hasImage) {
                try {
                    docker = docker.withBaseImage(top.string("image"), w -> {});
                } catch (AmlshException e) {
                    throw top.problemAt(top.value("image"), e.problem());
                }
                CondaSpec conda = condaFile();
                python = conda == null ? python.withUserManagedDependencies(true) : PythonSection.conda(conda);
                if (conda != null && conda.python().isEmpty()) {
                    warnings.add("the conda file names no python: Azure ML v2 adds none, so conda picks one at build time");
                }
            } else {
                Environment built = Environments.fromDockerBuildContext(name, buildContext(), SdkRelease.DEFAULT_BASE_IMAGE);
                docker = built.docker();
                python = built.python();
            }
            docker = docker.withPlatform(platform());
            return new V2Environment(env.withDocker(docker).withPython(python), top.string("description"),
                    top.stringMap("tags"), inferenceConfig(), warnings);
        }

        CondaSpec condaFile() {
            Node node = top.value("conda_file");
            if (node == null || YamlFields.isNull(node)) {
                return null;
            }
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

        BuildContext buildContext() {
            YamlFields build = top.object("build", "'build'");
            build.rejectUnknown(BUILD_KEYS, "'build'");
            String path = build.string("path");
            if (path == null) {
                throw build.problemHere("'build.path' is required: the folder (or URL) holding the Dockerfile");
            }
            String dockerfilePath = build.string("dockerfile_path");
            dockerfilePath = dockerfilePath == null ? "Dockerfile" : dockerfilePath;
            if (REMOTE.matcher(path).matches()) {
                return new BuildContext(BuildContext.locationTypeOf(path), path, dockerfilePath);
            }
            Path folder = resolve(path);
            if (!Files.isDirectory(folder)) {
                throw build.problemAt(build.value("path"), "build path '" + path + "' is not a folder (looked for " + folder + ")");
            }
            Path dockerfile = folder.resolve(dockerfilePath).normalize();
            if (!Files.isRegularFile(dockerfile)) {
                throw build.problemAt(build.has("dockerfile_path") ? build.value("dockerfile_path") : build.value("path"),
                        "no Dockerfile '" + dockerfilePath + "' in the build context (looked for " + dockerfile + ")");
            }
            return new BuildContext(null, path, dockerfilePath, TextFile.read(dockerfile).text(), folder.toString());
        }

        Platform platform() {
            String os = top.string("os_type");
            if (os == null) {
                return Platform.LINUX_AMD64;
            }
            return switch (os.toLowerCase(Locale.ROOT)) {
                case "linux" -> Platform.LINUX_AMD64;
                case "windows" -> new Platform("Windows", "amd64");
                default -> throw top.problemAt(top.value("os_type"), "os_type must be 'linux' or 'windows', not '" + os + "'");
            };
        }

        V2Environment.InferenceConfig inferenceConfig() {
            Node node = top.value("inference_config");
            if (node == null || YamlFields.isNull(node)) {
                return null;
            }
            YamlFields config = top.object("inference_config", "'inference_config'");
            config.rejectUnknown(ROUTES, "'inference_config'");
            for (String route : List.of("liveness_route", "readiness_route", "scoring_route")) {
                if (!config.has(route)) {
                    throw config.problemHere("'inference_config' needs liveness_route, readiness_route and scoring_route;"
                            + " '" + route + "' is missing");
                }
            }
            return new V2Environment.InferenceConfig(route(config, "liveness_route"), route(config, "readiness_route"),
                    route(config, "scoring_route"));
        }

        V2Environment.Route route(YamlFields config, String key) {
            YamlFields route = config.object(key, "'inference_config." + key + "'");
            route.rejectUnknown(ROUTE_KEYS, "'inference_config." + key + "'");
            String port = route.string("port");
            String path = route.string("path");
            if (port == null || path == null) {
                throw route.problemHere("'inference_config." + key + "' needs a port and a path");
            }
            try {
                return new V2Environment.Route(Integer.parseInt(port), path);
            } catch (NumberFormatException e) {
                throw route.problemAt(route.value("port"), "'inference_config." + key + ".port' must be a number, not '"
                        + port + "'");
            }
        }

        Path resolve(String relative) {
            Path dir = file.path().toAbsolutePath().getParent();
            return (dir == null ? Path.of(relative) : dir.resolve(relative)).normalize();
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
                    return new TemplateTokenScan(found.get().text(), i + 1, found.get().offset() + 1);
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

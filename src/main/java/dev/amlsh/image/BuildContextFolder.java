package dev.amlsh.image;

import dev.amlsh.files.AtomicFolder;
import dev.amlsh.model.AmlshException;
import dev.amlsh.model.BuildContext;
import dev.amlsh.model.Environment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code env build-context REF DIR}: a folder {@code docker build DIR} can build, holding every file
 * its Dockerfile's {@code COPY}/{@code ADD} instructions read.
 * <ul>
 * <li>A Dockerfile Azure ML generates: the Dockerfile, the mutated conda file (conda-managed), and
 *     stand-ins for Azure ML's own setup files ({@link SetupFiles}). Files a base Dockerfile copies
 *     that amlsh does not have (its definition holds only the Dockerfile's text) get a warning each.</li>
 * <li>A build context (built as it is): the user's whole folder, copied from where it was imported,
 *     with the Dockerfile the definition holds. A folder amlsh can no longer find gives the Dockerfile
 *     alone and a warning per missing source.</li>
 * <li>A remote context and an image used as it is have no folder amlsh can write: an error says why.</li>
 * </ul>
 * Every folder gets {@value #README}, which says how to build it. The folder is written whole or not
 * at all ({@link AtomicFolder}); an existing one is replaced only if amlsh wrote it and the caller asks.
 */
public final class BuildContextFolder {

    public static final String README = "README.amlsh.md";
    static final String README_TITLE = "# Docker build context written by amlsh";

    /** One file of the folder: written from text, or copied from the user's build context. */
    public sealed interface Entry {
        String path();
    }

    public record Text(String path, String text) implements Entry {}

    public record Copied(String path, Path source) implements Entry {}

    /** What goes into the folder, and what a user must know before building it. */
    public record Layout(List<Entry> entries, List<String> warnings) {
        public Layout {
            entries = List.copyOf(entries);
            warnings = List.copyOf(warnings);
        }

        public List<String> paths() {
            return entries.stream().map(Entry::path).toList();
        }
    }

    private final DockerfileRenderer renderer;

    public BuildContextFolder(DockerfileRenderer renderer) {
        this.renderer = renderer;
    }

    /** The folder's files for {@code env} ({@code reference} is how the user named it, for the README). */
    public Layout layout(Environment env, String reference) {
        ImageBuild build = renderer.plan(env);
        if (build instanceof ImageBuild.ImageAsGiven given) {
            throw new AmlshException(DockerfileRenderer.noDockerfile(env.name(), build)
                    + ": there is no build context to write (docker pull " + given.image() + " gives the image)");
        }
        if (build instanceof ImageBuild.UnseenContext) {
            throw new AmlshException(
                    DockerfileRenderer.noDockerfile(env.name(), build) + ": there is no build context amlsh can write");
        }
        List<Entry> entries = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String dockerfilePath = "Dockerfile";
        if (build instanceof ImageBuild.AsIs asIs) {
            dockerfilePath = contextRelative(asIs.context().dockerfilePath());
            copyUserContext(asIs.context(), dockerfilePath, entries, warnings);
            entries.add(new Text(dockerfilePath, asIs.dockerfile()));
        } else {
            entries.add(new Text(dockerfilePath, build.dockerfile()));
            MutatedCondaFile.render(env)
                    .ifPresent(conda ->
                            entries.add(new Text(SetupFiles.FOLDER + "mutated_conda_dependencies.yml", conda)));
            SetupFiles.standIns().forEach((path, text) -> entries.add(new Text(path, text)));
        }
        warnings.addAll(missingSources(build.dockerfile(), dockerfilePath, entries));
        entries.add(new Text(README, readme(env, reference, build, dockerfilePath, warnings)));
        return new Layout(entries, warnings);
    }

    /**
     * Writes the layout into {@code dir} whole or not at all. {@code dir} may be absent or empty; one
     * that amlsh wrote before is replaced with {@code overwrite}; any other is refused untouched.
     */
    public static List<Path> write(Layout layout, Path dir, boolean overwrite) {
        refuseForeign(dir, overwrite);
        Path target = dir.toAbsolutePath().normalize();
        for (Entry entry : layout.entries()) {
            if (entry instanceof Copied copied
                    && copied.source().toAbsolutePath().normalize().startsWith(target)) {
                throw AmlshException.inFile(
                        dir,
                        "is inside the build context folder it would copy: choose a folder" + " outside "
                                + copied.source().getParent());
            }
        }
        AtomicFolder.write(dir, folder -> {
            for (Entry entry : layout.entries()) {
                Path file = folder.resolve(entry.path());
                Files.createDirectories(file.getParent());
                if (entry instanceof Text text) {
                    Files.writeString(file, text.text(), StandardCharsets.UTF_8);
                } else if (entry instanceof Copied copied) {
                    Files.copy(copied.source(), file, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                }
            }
        });
        return layout.entries().stream().map(e -> dir.resolve(e.path())).toList();
    }

    private static void refuseForeign(Path dir, boolean overwrite) {
        AtomicFolder.requireFolder(dir);
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> children = Files.list(dir)) {
            if (children.findAny().isEmpty()) {
                return;
            }
        } catch (IOException e) {
            throw AmlshException.inFile(dir, "cannot be read: " + AtomicFolder.reason(e));
        }
        if (!writtenByAmlsh(dir)) {
            throw AmlshException.inFile(
                    dir,
                    "holds files amlsh did not write: choose a new or empty folder"
                            + " (amlsh replaces a folder whole, and only one it wrote)");
        }
        if (!overwrite) {
            throw AmlshException.inFile(dir, "already holds a build context: add --overwrite to replace it");
        }
    }

    private static boolean writtenByAmlsh(Path dir) {
        Path readme = dir.resolve(README);
        try {
            return Files.isRegularFile(readme)
                    && Files.readString(readme, StandardCharsets.UTF_8).startsWith(README_TITLE + "\n");
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /** The user's folder, file by file, but the Dockerfile (the definition's text is what Azure ML builds). */
    private static void copyUserContext(
            BuildContext context, String dockerfilePath, List<Entry> entries, List<String> warnings) {
        if (context.localFolder() == null || !Files.isDirectory(Path.of(context.localFolder()))) {
            warnings.add("the build context folder "
                    + (context.localFolder() == null ? context.location() : context.localFolder())
                    + " is not there: only its Dockerfile is written (amlsh reads the"
                    + " folder where it was imported from; Azure ML keeps the copy it uploaded)");
            return;
        }
        Path root = Path.of(context.localFolder());
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted().toList()) {
                String relative = root.relativize(p).toString().replace('\\', '/');
                if (relative.isEmpty()
                        || Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                        || relative.equals(dockerfilePath)
                        || relative.equals(README)) {
                    continue;
                }
                entries.add(new Copied(relative, p));
            }
            Path dockerfile = root.resolve(dockerfilePath);
            if (Files.isRegularFile(dockerfile)
                    && !Files.readString(dockerfile, StandardCharsets.UTF_8).equals(context.dockerfile())) {
                warnings.add(dockerfile + " changed since the environment was imported: the folder gets the"
                        + " Dockerfile the environment holds (import it again to use the new one)");
            }
        } catch (IOException e) {
            throw AmlshException.inFile(root, "cannot be read: " + AtomicFolder.reason(e));
        }
    }

    private static String contextRelative(String dockerfilePath) {
        Path normalized = Path.of(dockerfilePath).normalize();
        if (normalized.isAbsolute()
                || normalized.startsWith("..")
                || normalized.toString().isEmpty()) {
            throw new AmlshException("the Dockerfile path '" + dockerfilePath + "' is not inside the build context");
        }
        return normalized.toString().replace('\\', '/');
    }

    /** A warning for each COPY/ADD source the folder will not hold. */
    static List<String> missingSources(String dockerfile, String dockerfilePath, List<Entry> entries) {
        List<String> paths = entries.stream().map(Entry::path).toList();
        List<String> warnings = new ArrayList<>();
        for (DockerfileSources.Source source : DockerfileSources.of(dockerfile)) {
            String where =
                    dockerfilePath + " line " + source.line() + ", " + source.instruction() + " " + source.path();
            if (source.hasVariable()) {
                warnings.add(
                        where + ": the source holds a build variable, so amlsh cannot check that the folder has it");
            } else if (!present(source.relative(), paths)) {
                warnings.add(where + ": the folder has no '" + source.relative() + "' (the definition holds only the"
                        + " Dockerfile's text): put the file there before docker build");
            }
        }
        return warnings;
    }

    /** A file, a folder holding files, or a glob matching one, among the folder's paths. */
    static boolean present(String source, List<String> paths) {
        if (source.equals(".")) {
            return true;
        }
        if (source.matches(".*[*?\\[].*")) {
            PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + source);
            return paths.stream()
                    .anyMatch(p ->
                            glob.matches(Path.of(p)) || parents(p).stream().anyMatch(d -> glob.matches(Path.of(d))));
        }
        return paths.stream().anyMatch(p -> p.equals(source) || p.startsWith(source + "/"));
    }

    private static List<String> parents(String path) {
        List<String> parents = new ArrayList<>();
        for (int i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) {
            parents.add(path.substring(0, i));
        }
        return parents;
    }

    private static String readme(
            Environment env, String reference, ImageBuild build, String dockerfilePath, List<String> warnings) {
        String tag = EnvironmentHashes.imageName(env);
        StringBuilder out = new StringBuilder();
        out.append(README_TITLE).append("\n\n");
        String which = env.version() == null ? "a draft" : env.name() + " version " + env.version();
        out.append("What Azure ML would build for the environment `")
                .append(reference)
                .append("` (")
                .append(which)
                .append("), written by `amlsh env build-context`.\n\n");
        out.append("Build it from this folder:\n\n");
        out.append("    docker build ")
                .append(dockerfilePath.equals("Dockerfile") ? "" : "-f " + dockerfilePath + " ")
                .append("-t ")
                .append(tag)
                .append(" .\n\n");
        out.append("(`").append(tag).append("` is the image name amlsh gives the environment; any tag will do.)\n\n");
        out.append("## Files\n\n");
        if (build instanceof ImageBuild.AsIs) {
            out.append("- `")
                    .append(dockerfilePath)
                    .append("`: the environment's Dockerfile, unchanged: Azure ML builds a")
                    .append(" build context as it is, adding no layer of its own (`amlsh env dockerfile` prints "
                            + "it).\n");
            out.append("- every other file: copied from the build context folder the environment was imported from.\n");
        } else {
            out.append("- `Dockerfile`: the Dockerfile Azure ML generates for the environment (`amlsh env "
                    + "dockerfile`).\n");
            if (MutatedCondaFile.render(env).isPresent()) {
                out.append("- `")
                        .append(SetupFiles.FOLDER)
                        .append("mutated_conda_dependencies.yml`: the conda file it")
                        .append(" builds the conda environment from (`amlsh env conda-spec`).\n");
            }
            out.append("- `")
                    .append(SetupFiles.FOLDER)
                    .append("99brokenproxy`, `spark_cache.py`, `log4j.properties`:")
                    .append(" stand-ins written by amlsh. Azure ML's real files are not public; each stand-in "
                            + "says in a")
                    .append(" comment what the real one does, and changes nothing in the image.\n");
        }
        out.append("- `")
                .append(README)
                .append("`: this file. Docker sends it with the context; a `COPY .` would copy")
                .append(" it into the image, which Azure ML's build would not.\n");
        if (!warnings.isEmpty()) {
            out.append("\n## Before you build\n\n");
            warnings.forEach(w -> out.append("- ").append(w).append('\n'));
        }
        return out.toString();
    }
}

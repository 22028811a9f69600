package dev.amlsh.image;

import dev.amlsh.model.AmlshException;
import dev.amlsh.model.BuildContext;
import dev.amlsh.model.Environment;

/**
 * What Azure ML builds for an environment ({@link ImageBuild}), and the Dockerfile it builds (the
 * template's lines: {@link DockerfileTemplate}).
 * <ul>
 * <li>conda-managed on a base image: Azure ML's template, exactly (the seed page);</li>
 * <li>user-managed on a base image: no Dockerfile, the image is used as it is;</li>
 * <li>a base Dockerfile: the user's content first, then the Python layer from {@code USER root} on
 *     (without the conda layer when user-managed): an emulator rule, Azure ML's text is not public;</li>
 * <li>a build context: the user's Dockerfile unchanged, when amlsh read it (a local folder, at import);
 *     a remote one is not known offline.</li>
 * </ul>
 */
public final class DockerfileRenderer {

    private final BaseImageCatalog catalog;

    public DockerfileRenderer(BaseImageCatalog catalog) {
        this.catalog = catalog;
    }

    /** What Azure ML does to get the environment's image. */
    public ImageBuild plan(Environment env) {
        var docker = env.docker();
        if (docker.buildContext() != null) {
            BuildContext context = docker.buildContext();
            return context.dockerfile() == null
                    ? new ImageBuild.UnseenContext(context)
                    : new ImageBuild.AsIs(context, context.dockerfile());
        }
        if (docker.baseDockerfile() == null && docker.baseImage() != null && env.isUserManaged()) {
            return new ImageBuild.ImageAsGiven(docker.baseImage());
        }
        StringBuilder out = new StringBuilder();
        if (docker.baseDockerfile() != null) {
            appendUserDockerfile(out, docker.baseDockerfile());
        } else if (docker.baseImage() != null) {
            out.append("FROM ").append(catalog.pinned(docker.baseImage())).append('\n');
        } else {
            throw new AmlshException("environment " + env.name()
                    + " has no base image, base Dockerfile or build context: there is nothing to build on");
        }
        String conda = EnvironmentHashes.condaEnvironmentName(env);
        for (DockerfileTemplate.Line line : DockerfileTemplate.lines()) {
            // the conda layer only when Azure ML creates a conda environment
            if (line.part() != DockerfileTemplate.Part.CONDA || conda != null) {
                out.append(line.render(conda)).append('\n');
            }
        }
        return new ImageBuild.Generated(out.toString(), docker.baseDockerfile());
    }

    /** The Dockerfile Azure ML builds; an error that says why when there is none to show. */
    public String render(Environment env) {
        ImageBuild build = plan(env);
        if (build.dockerfile() != null) {
            return build.dockerfile();
        }
        throw new AmlshException(noDockerfile(env.name(), build));
    }

    /** Why an environment has no Dockerfile amlsh can show (empty when it has one). */
    public static String noDockerfile(String name, ImageBuild build) {
        if (build instanceof ImageBuild.ImageAsGiven given) {
            return name + " is user-managed on a base image: Azure ML builds no image for it, the compute pulls "
                    + given.image() + " and runs it as it is (there is no Dockerfile)";
        }
        if (build instanceof ImageBuild.UnseenContext unseen) {
            return name + " is built from the build context " + unseen.context().location() + " as it is, and amlsh"
                    + " cannot read a remote context: its " + unseen.context().dockerfilePath()
                    + " is not known offline";
        }
        return "";
    }

    private static void appendUserDockerfile(StringBuilder out, String content) {
        out.append(content);
        if (!content.endsWith("\n")) {
            out.append('\n');
        }
    }
}

package dev.amlsh.image;

import dev.amlsh.model.BuildContext;

/**
 * What Azure ML does to get an environment's image, one of four:
 * <ul>
 * <li>{@link Generated}: it writes a Dockerfile (the python layer on a base image or a base
 *     Dockerfile) and builds it;</li>
 * <li>{@link AsIs}: a build context whose Dockerfile amlsh read; Azure ML builds it unchanged
 *     ("For user managed environments, the service uses the provided docker context builds as is",
 *     Microsoft's "What are Azure Machine Learning environments?");</li>
 * <li>{@link UnseenContext}: a build context amlsh cannot read (a remote one): built as it is too,
 *     but its Dockerfile is not known offline;</li>
 * <li>{@link ImageAsGiven}: a user-managed environment on a base image: nothing is built, the compute
 *     pulls the image ("To ensure that the base image is pulled directly to the compute resource, set
 *     user_managed_dependencies = True and do not specify a Dockerfile", Microsoft's "Use managed
 *     identities with Azure Machine Learning CLI v1"; v2 calls it bring your own container).</li>
 * </ul>
 */
public sealed interface ImageBuild {

    /** The Dockerfile Azure ML builds, when there is one and amlsh knows it. */
    default String dockerfile() {
        return null;
    }

    /**
     * {@code baseDockerfile}: the user's Dockerfile the generated one starts with (as it is, a newline
     * added if it lacked one), or null when Azure ML writes the {@code FROM} line itself.
     */
    record Generated(String dockerfile, String baseDockerfile) implements ImageBuild {}

    record AsIs(BuildContext context, String dockerfile) implements ImageBuild {}

    record UnseenContext(BuildContext context) implements ImageBuild {}

    record ImageAsGiven(String image) implements ImageBuild {}
}

package dev.amlsh.lint;

import dev.amlsh.conda.TemplateTokens;
import dev.amlsh.model.CondaPackage;
import dev.amlsh.model.Environment;
import dev.amlsh.model.EnvironmentName;
import dev.amlsh.model.PipRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reproducibility warnings for an environment. Codes:
 * <ul>
 * <li>{@code reserved-name} (error): names starting with AzureML or Microsoft cannot be registered;</li>
 * <li>{@code template-token} (error): a {@code {{...}}} left from asset tooling;</li>
 * <li>{@code floating-base-image} (warning): a base image tagged {@code :latest} or not tagged,
 *     and not pinned by digest, changes under the same definition;</li>
 * <li>{@code unpinned-conda} / {@code unpinned-pip} (warning): no version at all;
 *     {@code ranged-conda} / {@code ranged-pip} (info): a range rather than one version;</li>
 * <li>{@code pip-ignored-line} / {@code pip-continued-line} (info): a blank line, a comment or a
 *     line ending with {@code \\} in the {@code pip:} list, as {@code from_pip_requirements} keeps
 *     them from a requirements file;</li>
 * <li>{@code no-conda-dependencies} (warning): conda-managed without conda dependencies;</li>
 * <li>{@code secret-in-variable} (warning): a variable named like a password or token holds a
 *     value in plain text.</li>
 * </ul>
 * Conda and pip rules apply only to conda-managed environments (a user-managed one does not
 * use its conda spec, a build context is built as it is).
 */
public final class EnvironmentLint {

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(PASSWORD|PASSWD|PWD|TOKEN|SECRET|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIAL|CONNECTION_?STRI"
                    + "NG|SAS).*");
    private static final Pattern EXACT_PIP = Pattern.compile(".*(===?)\\s*[^,;*]+?\\s*(;.*)?$");
    private static final Pattern URL_OR_PATH =
            Pattern.compile("^([a-z][a-z0-9+.-]*://|git\\+|\\./|/).*|.*\\.(whl|tar\\.gz|zip)$|.*\\s@\\s.*");

    private EnvironmentLint() {}

    public static List<Finding> check(Environment env) {
        List<Finding> findings = new ArrayList<>();
        if (env.name() != null && EnvironmentName.isReserved(env.name())) {
            findings.add(new Finding(
                    Severity.ERROR,
                    "reserved-name",
                    "name",
                    "'" + env.name()
                            + "' starts with AzureML or Microsoft: those names are reserved for curated environments"));
        }
        baseImage(env, findings);
        // a build context is built as it is (from_docker_build_context has no conda dependencies): no conda or pip rule
        if (env.docker().buildContext() == null) {
            pythonRules(env, findings);
        }
        variables(env, findings);
        return List.copyOf(findings);
    }

    private static void pythonRules(Environment env, List<Finding> findings) {
        if (!env.isUserManaged() && !env.hasCondaDependencies()) {
            findings.add(new Finding(
                    Severity.WARNING,
                    "no-conda-dependencies",
                    "python.condaDependencies",
                    "the environment is conda-managed but has no conda dependencies (a saved folder without"
                            + " conda_dependencies.yml): Azure ML creates no conda environment, so only what the image"
                            + " has is installed; add a conda file or set userManagedDependencies to true"));
        } else if (!env.isUserManaged()) {
            conda(env, findings);
            pip(env, findings);
        } else if (env.hasCondaDependencies()
                && !env.condaSpec().sameContentIgnoringName(dev.amlsh.model.SdkRelease.defaultCondaSpec())) {
            findings.add(new Finding(
                    Severity.WARNING,
                    "ignored-packages",
                    "python.condaDependencies",
                    "the environment is user-managed, so Azure ML installs none of its conda or pip packages;"
                            + " set userManagedDependencies to false, or install them in the image"));
        }
    }

    private static void baseImage(Environment env, List<Finding> findings) {
        String image = env.docker().baseImage();
        tokens("docker.baseImage", image, findings);
        tokens("docker.baseDockerfile", env.docker().baseDockerfile(), findings);
        if (env.docker().buildContext() != null) {
            tokens("docker.buildContext.dockerfile", env.docker().buildContext().dockerfile(), findings);
        }
        if (image == null || image.contains("@sha256:")) {
            return;
        }
        String afterSlash = image.substring(image.lastIndexOf('/') + 1);
        if (!afterSlash.contains(":")) {
            findings.add(new Finding(
                    Severity.WARNING,
                    "floating-base-image",
                    "docker.baseImage",
                    "base image '" + image
                            + "' has no tag (so it means :latest): pin a dated tag or a digest to "
                            + "rebuild the same image"));
        } else if (afterSlash.endsWith(":latest")) {
            findings.add(new Finding(
                    Severity.WARNING,
                    "floating-base-image",
                    "docker.baseImage",
                    "base image '" + image
                            + "' is tagged :latest: pin a dated tag or a digest to rebuild the same image"));
        }
    }

    private static void conda(Environment env, List<Finding> findings) {
        for (CondaPackage p : env.condaSpec().condaPackages()) {
            String field = "conda." + p.name();
            if (tokens(field, p.spec(), findings)) {
                continue;
            }
            String constraint = p.constraint();
            if (constraint.isEmpty()) {
                findings.add(new Finding(
                        Severity.WARNING,
                        "unpinned-conda",
                        field,
                        "conda package '" + p.spec() + "' has no version: each build may resolve another one"));
            } else if (constraint.matches(".*[<>~!*,|].*") || p.spec().contains(" ")) {
                findings.add(new Finding(
                        Severity.INFO,
                        "ranged-conda",
                        field,
                        "conda package '" + p.spec() + "' allows a range of versions"));
            }
        }
    }

    private static void pip(Environment env, List<Finding> findings) {
        List<String> lines = env.condaSpec().pipRequirements();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (PipRequirement.isIgnoredByPip(line)) {
                findings.add(new Finding(
                        Severity.INFO,
                        "pip-ignored-line",
                        "pip[" + i + "]",
                        (line.isBlank()
                                        ? "pip entry " + (i + 1) + " is a blank line"
                                        : "pip entry " + (i + 1) + " is a comment: " + line.strip())
                                + " (from_pip_requirements keeps every line of the file; pip skips it)"));
                continue;
            }
            if (PipRequirement.isOption(line)) {
                continue;
            }
            if (line.stripTrailing().endsWith("\\")) {
                findings.add(new Finding(
                        Severity.INFO,
                        "pip-continued-line",
                        "pip[" + i + "]",
                        "pip entry " + (i + 1) + " ends with '\\': pip joins it with the next entry (" + line.strip()
                                + ")"));
            }
            String field = "pip." + PipRequirement.name(line);
            if (tokens(field, line, findings)
                    || URL_OR_PATH.matcher(line.strip()).matches()) {
                continue;
            }
            String rest =
                    line.strip().substring(PipRequirement.name(line).length()).replaceFirst("^\\s*\\[[^]]*]", "");
            String versionPart = rest.split(";", 2)[0].strip();
            if (versionPart.isEmpty()) {
                findings.add(new Finding(
                        Severity.WARNING,
                        "unpinned-pip",
                        field,
                        "pip package '" + line.strip() + "' has no version: each build may install another one"));
            } else if (!EXACT_PIP.matcher(versionPart).matches() || versionPart.contains(",")) {
                findings.add(new Finding(
                        Severity.INFO,
                        "ranged-pip",
                        field,
                        "pip package '" + line.strip() + "' allows a range of versions"));
            }
        }
    }

    private static void variables(Environment env, List<Finding> findings) {
        for (Map.Entry<String, String> v : env.environmentVariables().entrySet()) {
            String field = "variables." + v.getKey();
            tokens(field, v.getValue(), findings);
            if (SECRET_NAME.matcher(v.getKey()).matches()
                    && v.getValue() != null
                    && !v.getValue().isBlank()) {
                findings.add(new Finding(
                        Severity.WARNING,
                        "secret-in-variable",
                        field,
                        "variable " + v.getKey()
                                + " looks like a secret stored in plain text in the definition: anyone who can read the"
                                + " workspace can read it; use a key vault or a workspace connection"));
            }
        }
    }

    private static boolean tokens(String field, String value, List<Finding> findings) {
        if (value == null) {
            return false;
        }
        var token = TemplateTokens.find(value);
        token.ifPresent(t -> findings.add(new Finding(
                Severity.ERROR,
                "template-token",
                field,
                "template token '" + t.text() + "' in " + field + ": replace it with a real value")));
        return token.isPresent();
    }
}

package dev.amlsh.shell.render;

import dev.amlsh.model.SdkRelease;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** amlsh's version line, for {@code amlsh --version} and {@code version}. */
public final class VersionText {

    private VersionText() {}

    /** {@code amlsh 0.1.0 (emulates azureml-core 1.x ...)}: amlsh's version and the SDK release it emulates. */
    public static String line() {
        return "amlsh " + buildVersion() + " (emulates " + SdkRelease.NAME + "; default base image "
                + SdkRelease.DEFAULT_BASE_IMAGE + ", python " + SdkRelease.DEFAULT_PYTHON_VERSION + ")";
    }

    private static String buildVersion() {
        try (InputStream in = VersionText.class.getResourceAsStream("/META-INF/build-info.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("build.version", "development build");
            }
        } catch (IOException e) {
            // fall through
        }
        return "development build";
    }
}

package dev.amlsh.image;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stand-ins for the three files of Azure ML's own that its generated Dockerfile copies from
 * {@code azureml-environment-setup/}. The real files are not public; each stand-in says what the
 * real one does and changes nothing itself, so that {@code docker build} of a folder amlsh writes
 * runs every instruction of the Dockerfile and gives the image Azure ML's template describes,
 * less those three files' effects.
 */
final class SetupFiles {

    static final String FOLDER = "azureml-environment-setup/";

    private SetupFiles() {}

    /** Path in the build context → content. */
    static Map<String, String> standIns() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(FOLDER + "99brokenproxy", """
                // amlsh stand-in for Azure ML's 99brokenproxy (the real file is not public).
                // The Dockerfile copies it to /etc/apt/apt.conf.d/: Azure ML's file sets apt options so that
                // apt-get works behind HTTP proxies that break pipelined or cached requests. This stand-in
                // sets no option: apt behaves as the base image configures it.
                """);
        files.put(FOLDER + "spark_cache.py", """
                # amlsh stand-in for Azure ML's spark_cache.py (the real file is not public).
                # The Dockerfile runs it with spark-submit only when the base image sets $SPARK_HOME: Azure ML's
                # script starts Spark once so that the environment's Spark packages (spark.packages, when
                # spark.precachePackages is true) are downloaded into the image ahead of the run.
                # This stand-in downloads nothing.
                print("amlsh stand-in for Azure ML's spark_cache.py: no Spark packages were cached")
                """);
        files.put(FOLDER + "log4j.properties", """
                # amlsh stand-in for Azure ML's log4j.properties (the real file is not public).
                # The Dockerfile copies it to /azureml-environment-setup/ beside spark_cache.py: Azure ML's file
                # sets Spark's log4j logging for that caching run. This stand-in sets nothing, so Spark's own
                # defaults apply.
                """);
        return files;
    }
}

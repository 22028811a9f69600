package dev.amlsh.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, fault 9, end to end: a full disk and a read-only folder while {@code env save},
 * {@code env export} and {@code workspace export} write give a clear error and leave no partial
 * file or folder. The full disk is {@code ulimit -f 0} in the child (every file it grows fails with
 * EFBIG, which the JVM reports as "File too large"); so that the workspace itself can still be read,
 * the test holds it open (its WAL index exists at full size) and gives the JVM SQLite's native
 * library ready-made (sqlite-jdbc would otherwise write it to /tmp first). The tests run as root,
 * which ignores permissions, so the read-only folder is a read-only bind mount in a private mount
 * namespace ({@code unshare -m}); where that is not allowed, that test is skipped and says so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WriteFaultsIT {

    Jar jar;
    Path nativeLibrary;

    @BeforeAll
    void workspace(@TempDir Path root) throws Exception {
        jar = new Jar(root);
        jar.write("env.yml", "name: demo\ndependencies:\n  - python=3.10\n  - numpy\n");
        jar.write("setup.amlsh", "env create demo --conda-file env.yml\nenv register demo\n");
        jar.run("-f", "setup.amlsh").exits(0);
        nativeLibrary = extractSqliteLibrary(root.resolve("native"));
    }

    /** Every path under the working folder: what a user would find after the failure. */
    private List<String> files() throws IOException {
        try (Stream<Path> walk = Files.walk(jar.cwd)) {
            return walk.map(p -> jar.cwd.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void aFullDiskLeavesNoPartialFileOrFolder() throws Exception {
        List<String> before = files();
        // the limit holds for the JVM only; its stdout and stderr go through pipes (a file would be full too)
        List<String> ulimit =
                List.of("bash", "-c", "set -o pipefail; (ulimit -f 0; exec \"$@\") 2> >(cat >&2) | cat", "bash");
        List<String> jvm = List.of(
                "-Dorg.sqlite.lib.path=" + nativeLibrary.getParent(),
                "-Dorg.sqlite.lib.name=" + nativeLibrary.getFileName());
        try (Connection held = DriverManager.getConnection("jdbc:sqlite:" + jar.workspaceFile("default"))) {
            held.createStatement()
                    .executeQuery("SELECT count(*) FROM sqlite_master")
                    .close();

            Jar.Result save = jar.run(ulimit, jvm, "env", "save", "demo:1", "out/saved")
                    .noStackTrace()
                    .exits(1);
            assertThat(save.err()).contains("error: out/saved: cannot be written: the disk is full (File too large)");

            Jar.Result export = jar.run(ulimit, jvm, "env", "export", "demo:1", "demo-v2.yml")
                    .noStackTrace()
                    .exits(1);
            assertThat(export.err())
                    .contains("error: demo-v2.yml: cannot be written: the disk is full (File too large)");

            Jar.Result copy =
                    jar.run(ulimit, jvm, "workspace", "export", "copy.amlsh").noStackTrace();
            assertThat(copy.code()).isIn(1, 3);
            assertThat(copy.err()).startsWith("error: ").contains("cannot export");
        }
        assertThat(files()).as("no partial file, folder or staging folder").isEqualTo(before);
    }

    @Test
    void aReadOnlyFolderIsAClearErrorAndGetsNothing() throws Exception {
        Path ro = Files.createDirectories(jar.cwd.resolve("ro"));
        Files.writeString(ro.resolve("keep.txt"), "mine\n");
        List<String> mount = List.of(
                "unshare",
                "-m",
                "bash",
                "-c",
                "mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\" && exec \"$@\"",
                ro.toString());
        Jar.Result probe = jar.run(mount, List.of(), "--version");
        Assumptions.assumeTrue(probe.code() == 0, "a read-only bind mount is not allowed here: " + probe.err());
        List<String> before = files();

        Jar.Result save = jar.run(mount, List.of(), "env", "save", "demo:1", "ro/saved")
                .noStackTrace()
                .exits(1);
        assertThat(save.err()).contains("error: ro/saved: cannot be written: the folder is read-only");
        Jar.Result export = jar.run(mount, List.of(), "env", "export", "demo:1", "ro/demo.yml")
                .noStackTrace()
                .exits(1);
        assertThat(export.err()).contains("error: ro/demo.yml: cannot be written: the folder is read-only");
        // SQLite reports its VACUUM INTO target as a file it cannot open (the message names the temporary file)
        Jar.Result copy = jar.run(mount, List.of(), "workspace", "export", "ro/copy.amlsh")
                .noStackTrace();
        assertThat(copy.code()).isIn(1, 3);
        assertThat(copy.err()).startsWith("error: ").contains("ro/.copy.amlsh");

        assertThat(files()).isEqualTo(before);
        assertThat(Files.readString(ro.resolve("keep.txt"))).isEqualTo("mine\n");
    }

    /** sqlite-jdbc's native library for this machine, out of the packaged jar's nested sqlite-jdbc jar. */
    private static Path extractSqliteLibrary(Path dir) throws IOException {
        Files.createDirectories(dir);
        String arch = System.getProperty("os.arch").equals("amd64") ? "x86_64" : System.getProperty("os.arch");
        String wanted = "org/sqlite/native/Linux/" + arch + "/libsqlitejdbc.so";
        try (ZipInputStream boot = new ZipInputStream(Files.newInputStream(dev.amlsh.PackagedJar.JAR))) {
            for (ZipEntry e; (e = boot.getNextEntry()) != null; ) {
                if (e.getName().startsWith("BOOT-INF/lib/sqlite-jdbc")) {
                    ZipInputStream inner = new ZipInputStream(boot);
                    for (ZipEntry f; (f = inner.getNextEntry()) != null; ) {
                        if (f.getName().equals(wanted)) {
                            Path lib = dir.resolve("libsqlitejdbc.so");
                            Files.copy((InputStream) inner, lib, StandardCopyOption.REPLACE_EXISTING);
                            return lib;
                        }
                    }
                }
            }
        }
        throw new AssertionError("no " + wanted + " in " + dev.amlsh.PackagedJar.JAR);
    }
}

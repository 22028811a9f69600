package dev.amlsh.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.amlsh.model.AmlshException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, fault 9: a full disk or a read-only folder while amlsh writes leaves no partial file
 * or folder, and an old file is replaced only once the new content is complete. The file system
 * is real; the faults are injected at the n-th operation (tests run as root, which ignores
 * permissions, so a read-only folder cannot be made with chmod).
 */
class AtomicFilesTest {

    @TempDir
    Path dir;

    /** Real operations, except that the n-th write (or move, or mkdir) fails with the given error. */
    static final class Faulty implements AtomicFiles.FileOps {
        final String failing;
        final int at;
        final IOException error;
        int count;

        Faulty(String failing, int at, IOException error) {
            this.failing = failing;
            this.at = at;
            this.error = error;
        }

        private void maybeFail(String op, Path p) throws IOException {
            if (op.equals(failing) && ++count == at) {
                throw error;
            }
        }

        @Override
        public void write(Path file, byte[] content) throws IOException {
            if ("write".equals(failing) && count + 1 == at) {
                // a full disk fails after part of the content is on disk
                Files.write(file, java.util.Arrays.copyOf(content, content.length / 2));
            }
            maybeFail("write", file);
            FileOps.REAL.write(file, content);
        }

        @Override
        public void move(Path from, Path to, boolean replace) throws IOException {
            maybeFail("move", to);
            FileOps.REAL.move(from, to, replace);
        }

        @Override
        public void createDirectory(Path d) throws IOException {
            maybeFail("mkdir", d);
            FileOps.REAL.createDirectory(d);
        }

        @Override
        public void delete(Path path) throws IOException {
            FileOps.REAL.delete(path);
        }
    }

    interface FileOps extends AtomicFiles.FileOps {
        AtomicFiles.FileOps REAL = AtomicFiles.FileOps.REAL;
    }

    static IOException diskFull() {
        return new FileSystemException("/x", null, "No space left on device");
    }

    static IOException readOnly() {
        return new FileSystemException("/x", null, "Read-only file system");
    }

    /** Every file under the folder with its content: what a user would find. */
    Map<String, String> tree() throws IOException {
        Map<String, String> t = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(p -> !p.equals(dir)).toList()) {
                t.put(
                        dir.relativize(p).toString(),
                        Files.isDirectory(p) ? "/" : Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return t;
    }

    @Test
    void aFileIsReplacedWholeOrNotAtAll() throws IOException {
        Path file = dir.resolve("env.yml");
        Files.writeString(file, "old\n");
        AtomicFiles.REAL.writeFile(file, "new\n");
        assertThat(tree()).isEqualTo(Map.of("env.yml", "new\n"));

        AmlshException full = catchThrowableOfType(
                AmlshException.class,
                () -> new AtomicFiles(new Faulty("write", 1, diskFull())).writeFile(file, "newer\n"));
        assertThat(full.getMessage())
                .endsWith("env.yml: cannot be written: the disk is full (No space left on device)");
        assertThat(tree()).as("the old file, and no temporary file").isEqualTo(Map.of("env.yml", "new\n"));

        AmlshException ro = catchThrowableOfType(
                AmlshException.class,
                () -> new AtomicFiles(new Faulty("move", 1, readOnly())).writeFile(file, "newer\n"));
        assertThat(ro.problem()).isEqualTo("cannot be written: the folder is read-only");
        assertThat(tree()).isEqualTo(Map.of("env.yml", "new\n"));
    }

    @Test
    void aFileInAMissingFolderIsAnError() throws IOException {
        AmlshException e = catchThrowableOfType(
                AmlshException.class, () -> AtomicFiles.REAL.writeFile(dir.resolve("nodir/x.yml"), "x"));
        assertThat(e.problem()).contains("its folder", "nodir", "does not exist");
        assertThat(tree()).isEmpty();
    }

    @Test
    void aNewFolderIsNotLeftHalfWritten() throws IOException {
        Map<String, String> files = Map.of("a.json", "{}\n", "b.yml", "b\n", "sub/c.yml", "c\n");
        for (int n = 1; n <= 3; n++) {
            AtomicFiles faulty = new AtomicFiles(new Faulty("write", n, diskFull()));
            AmlshException e = catchThrowableOfType(
                    AmlshException.class, () -> faulty.writeFolder(dir.resolve("out/saved"), files, List.of()));
            assertThat(e.problem()).contains("the disk is full");
            assertThat(tree())
                    .as("after a full disk at write %d: no folder, no staging folder", n)
                    .isEmpty();
        }
        AmlshException ro = catchThrowableOfType(
                AmlshException.class,
                () -> new AtomicFiles(new Faulty("mkdir", 2, readOnly()))
                        .writeFolder(dir.resolve("out/saved"), files, List.of()));
        assertThat(ro.problem()).isEqualTo("cannot be written: the folder is read-only");
        assertThat(tree()).isEmpty();

        AtomicFiles.REAL.writeFolder(dir.resolve("out/saved"), files, List.of());
        assertThat(tree())
                .containsEntry("out/saved/a.json", "{}\n")
                .containsEntry("out/saved/sub/c.yml", "c\n")
                .hasSize(6);
    }

    @Test
    void anOverwrittenFolderKeepsItsOldFilesUntilTheNewOnesAreComplete() throws IOException {
        Path saved = dir.resolve("saved");
        AtomicFiles.REAL.writeFolder(
                saved, Map.of("a.json", "old a\n", "b.yml", "old b\n", "Dockerfile", "FROM x\n"), List.of());
        Files.writeString(saved.resolve("mine.txt"), "not ours\n");
        Map<String, String> before = tree();
        Map<String, String> next = new java.util.LinkedHashMap<>();
        next.put("a.json", "new a\n");
        next.put("b.yml", "new b\n");
        // two writes; five moves (old a aside, new a in, old b aside, new b in, Dockerfile aside)
        for (String op : List.of("write", "move")) {
            for (int n = 1; n <= (op.equals("write") ? 2 : 5); n++) {
                AtomicFiles faulty = new AtomicFiles(new Faulty(op, n, op.equals("write") ? diskFull() : readOnly()));
                catchThrowableOfType(
                        AmlshException.class, () -> faulty.writeFolder(saved, next, List.of("Dockerfile")));
                assertThat(tree()).as("after a failed %s %d", op, n).isEqualTo(before);
            }
        }
        AtomicFiles.REAL.writeFolder(saved, next, List.of("Dockerfile"));
        assertThat(tree())
                .isEqualTo(Map.of(
                        "saved",
                        "/",
                        "saved/a.json",
                        "new a\n",
                        "saved/b.yml",
                        "new b\n",
                        "saved/mine.txt",
                        "not ours\n"));
    }

    @Test
    void aProducedFileIsNotPutOverAnExistingOne() throws IOException {
        Path file = dir.resolve("copy.amlsh");
        Files.writeString(file, "mine");
        AmlshException e = catchThrowableOfType(
                AmlshException.class,
                () -> AtomicFiles.REAL.produce(file, false, tmp -> Files.writeString(tmp, "theirs")));
        assertThat(e.problem()).isEqualTo("already exists");
        assertThat(tree()).isEqualTo(Map.of("copy.amlsh", "mine"));
        AmlshException denied = catchThrowableOfType(
                AmlshException.class,
                () -> AtomicFiles.REAL.produce(dir.resolve("x"), false, tmp -> {
                    throw new AccessDeniedException(tmp.toString());
                }));
        assertThat(denied.problem()).isEqualTo("cannot be written: permission denied");
        assertThat(tree()).isEqualTo(Map.of("copy.amlsh", "mine"));
    }
}

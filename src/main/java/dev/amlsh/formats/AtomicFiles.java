package dev.amlsh.formats;

import dev.amlsh.model.AmlshException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a user's output so that a failure (a full disk, a read-only folder, an interrupt)
 * leaves nothing half-written: a file is written beside its target, forced to disk, then
 * renamed over it; a folder's files are all written into a staging folder beside it first and
 * only then moved in, each one replacing the old file (which comes back if a later move fails).
 * Folders amlsh created for the output are removed again on failure.
 */
public final class AtomicFiles {

    /** The file operations, so a test can fail one as a full disk or a read-only folder would. */
    public interface FileOps {
        /** Creates {@code file} (which must not exist) with the content, forced to disk. */
        void write(Path file, byte[] content) throws IOException;

        /** Renames atomically, replacing {@code to} when {@code replace}. */
        void move(Path from, Path to, boolean replace) throws IOException;

        void createDirectory(Path dir) throws IOException;

        void delete(Path path) throws IOException;

        FileOps REAL = new FileOps() {
            @Override
            public void write(Path file, byte[] content) throws IOException {
                try (FileChannel channel =
                        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    ByteBuffer buffer = ByteBuffer.wrap(content);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    channel.force(true);
                }
            }

            @Override
            public void move(Path from, Path to, boolean replace) throws IOException {
                if (replace) {
                    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    // a hard link fails if 'to' appeared meanwhile, where a rename would replace it
                    Files.createLink(to, from);
                    Files.delete(from);
                }
            }

            @Override
            public void createDirectory(Path dir) throws IOException {
                Files.createDirectory(dir);
            }

            @Override
            public void delete(Path path) throws IOException {
                Files.deleteIfExists(path);
            }
        };
    }

    /** Something that writes a whole file at a path it is given (e.g. SQLite's {@code VACUUM INTO}). */
    @FunctionalInterface
    public interface Producer {
        void writeTo(Path file) throws IOException;
    }

    public static final AtomicFiles REAL = new AtomicFiles(FileOps.REAL);

    private final FileOps ops;

    public AtomicFiles(FileOps ops) {
        this.ops = ops;
    }

    /** Writes {@code text} as UTF-8 to {@code file}, whose folder must exist; an existing file is replaced. */
    public Path writeFile(Path file, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return produce(file, true, tmp -> ops.write(tmp, bytes));
    }

    /**
     * Lets {@code producer} write a new file beside {@code file}, then renames it into place;
     * with {@code replace} false an existing {@code file} is an error and is left alone.
     */
    public Path produce(Path file, boolean replace, Producer producer) {
        Path folder = folderOf(file);
        if (!Files.isDirectory(folder)) {
            throw AmlshException.inFile(
                    file,
                    "cannot be written: its folder " + (file.getParent() == null ? folder : file.getParent())
                            + " does not exist");
        }
        Path tmp = folder.resolve("." + file.getFileName() + ".amlsh-" + UUID.randomUUID() + ".tmp");
        try {
            producer.writeTo(tmp);
            ops.move(tmp, file, replace);
            return file;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw AmlshException.inFile(file, "already exists");
        } catch (IOException e) {
            throw AmlshException.inFile(file, "cannot be written: " + reason(e));
        } finally {
            quietly(() -> ops.delete(tmp));
        }
    }

    /**
     * Writes the files (relative path to text) into {@code dir}, creating it and its parents when
     * missing, and deletes the relative paths in {@code remove} there. All files are written to a
     * staging folder first; only when every one is complete are they moved in. On failure the
     * folder is as before: old files restored, folders amlsh created removed.
     */
    public List<Path> writeFolder(Path dir, Map<String, String> files, Collection<String> remove) {
        Deque<Path> createdDirs = new ArrayDeque<>();
        Path staging = null;
        Map<Path, Path> backups = new LinkedHashMap<>(); // target -> its old content's place in staging
        List<Path> movedIn = new ArrayList<>();
        try {
            createFolders(dir, createdDirs);
            staging = folderOf(dir).resolve("." + dir.getFileName() + ".amlsh-" + UUID.randomUUID());
            ops.createDirectory(staging);
            Path backupDir = staging.resolve(".old");
            ops.createDirectory(backupDir);
            int n = 0;
            Map<Path, Path> staged = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path tmp = staging.resolve("f" + n++);
                ops.write(tmp, e.getValue().getBytes(StandardCharsets.UTF_8));
                staged.put(dir.resolve(e.getKey()), tmp);
            }
            // every new file is complete: now move them in, keeping the old ones until the end
            for (Map.Entry<Path, Path> e : staged.entrySet()) {
                Path target = e.getKey();
                createFolders(target.getParent(), createdDirs);
                if (Files.exists(target)) {
                    Path backup = backupDir.resolve("b" + backups.size());
                    ops.move(target, backup, false);
                    backups.put(target, backup);
                }
                ops.move(e.getValue(), target, false);
                movedIn.add(target);
            }
            for (String name : remove) {
                Path target = dir.resolve(name);
                if (Files.exists(target) && !files.containsKey(name)) {
                    Path backup = backupDir.resolve("b" + backups.size());
                    ops.move(target, backup, false);
                    backups.put(target, backup);
                }
            }
            deleteTree(staging); // committed: the old files go with the staging folder
            return new ArrayList<>(staged.keySet());
        } catch (IOException e) {
            rollBack(movedIn, backups, staging, createdDirs);
            throw AmlshException.inFile(dir, "cannot be written: " + reason(e));
        } catch (RuntimeException | Error e) {
            rollBack(movedIn, backups, staging, createdDirs);
            throw e;
        }
    }

    /** The old files back in place, the new ones and the staging folder gone, then the folders amlsh created. */
    private void rollBack(List<Path> movedIn, Map<Path, Path> backups, Path staging, Deque<Path> createdDirs) {
        for (Path target : movedIn) {
            quietly(() -> ops.delete(target));
        }
        backups.forEach((target, backup) -> quietly(() -> ops.move(backup, target, true)));
        if (staging != null) {
            deleteTree(staging);
        }
        while (!createdDirs.isEmpty()) {
            Path dir = createdDirs.pop();
            quietly(() -> ops.delete(dir));
        }
    }

    /** Creates {@code dir} and any missing parents, remembering them (innermost first) for a roll back. */
    private void createFolders(Path dir, Deque<Path> created) throws IOException {
        if (dir == null || Files.isDirectory(dir)) {
            return;
        }
        if (Files.exists(dir)) {
            throw AmlshException.inFile(dir, "is a file, not a folder");
        }
        createFolders(dir.toAbsolutePath().getParent(), created);
        ops.createDirectory(dir);
        created.push(dir);
    }

    private void deleteTree(Path root) {
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> quietly(() -> ops.delete(p)));
        } catch (IOException | java.io.UncheckedIOException e) {
            // best effort: a staging folder left behind is hidden and named as ours
        }
    }

    private static Path folderOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? file.toAbsolutePath().getRoot() : parent;
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void quietly(IoAction action) {
        try {
            action.run();
        } catch (IOException | RuntimeException e) {
            // cleaning up after a failure that is already being reported
        }
    }

    /** The reason of an I/O failure without the absolute path Java puts in its message. */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "its folder does not exist";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "a folder is in the way";
        }
        String text = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        if (text == null) {
            return e.getClass().getSimpleName();
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("no space left") || lower.contains("file too large") || lower.contains("disk quota")) {
            return "the disk is full (" + text + ")";
        }
        if (lower.contains("read-only file system")) {
            return "the folder is read-only";
        }
        return text;
    }
}

package dev.amlsh.files;

import dev.amlsh.model.AmlshException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes a whole folder or nothing: the files go into a new folder beside the target (same parent,
 * so same file system), which is then renamed into place. A failure or an interrupt while writing
 * leaves the target as it was and removes the half-written folder. An existing target is moved aside
 * first and removed after the new one is in place (two renames: at no moment is the target half
 * written, though for an instant it is absent).
 */
public final class AtomicFolder {

    /** What puts the files into the new folder. */
    @FunctionalInterface
    public interface Filler {
        void fill(Path folder) throws IOException;
    }

    private AtomicFolder() {}

    /**
     * Fills a new folder and puts it at {@code target}. An existing {@code target} must be a folder;
     * the caller decides before whether it may be replaced.
     */
    public static void write(Path target, Filler filler) {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent == null) {
            throw AmlshException.inFile(target, "cannot be replaced: it is a root folder");
        }
        requireFolder(target);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Path fresh = parent.resolve("." + absolute.getFileName() + ".amlsh-new-" + unique);
        Path old = parent.resolve("." + absolute.getFileName() + ".amlsh-old-" + unique);
        try {
            Files.createDirectories(parent);
            Files.createDirectory(fresh);
            filler.fill(fresh);
            if (Thread.currentThread().isInterrupted()) {
                throw new IOException("interrupted");
            }
            boolean replacing = Files.exists(absolute);
            if (replacing) {
                move(absolute, old);
            }
            try {
                move(fresh, absolute);
            } catch (IOException e) {
                if (replacing) {
                    move(old, absolute);
                }
                throw e;
            }
            if (replacing) {
                deleteTree(old);
            }
        } catch (IOException e) {
            deleteQuietly(fresh);
            throw AmlshException.inFile(target, "cannot be written: " + reason(e));
        } catch (RuntimeException | Error e) {
            deleteQuietly(fresh);
            throw e;
        }
    }

    /** {@code dir} is, or can be created as, a folder: neither it nor a folder above it is a file. */
    public static void requireFolder(Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p)) {
                return;
            }
            if (Files.exists(p)) {
                throw AmlshException.inFile(p, "is a file, not a folder");
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Removes a folder and everything in it (links are removed, never followed). */
    public static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void deleteQuietly(Path folder) {
        try {
            deleteTree(folder);
        } catch (IOException ignored) {
            // best effort: the target itself was never touched
        }
    }

    /** The reason of an I/O failure without the absolute path Java puts in its message. */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "a folder on its path does not exist";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}

package dev.amlsh.shell.commands;

import dev.amlsh.formats.AtomicFiles;
import dev.amlsh.model.AmlshException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checks before amlsh writes a file or a folder a user named, so that a path that cannot be
 * used is refused with its name and the reason (a file where a folder is needed, a folder where a
 * file is, a file that would be replaced) before anything is written, instead of a Java I/O message.
 */
final class OutputPaths {

    private OutputPaths() {}

    /** {@code dir} is, or can be created as, a folder: neither it nor a folder above it is a file. */
    static void requireFolder(Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p)) {
                return;
            }
            if (Files.exists(p)) {
                throw AmlshException.inFile(p, "is a file, not a folder");
            }
        }
    }

    /**
     * {@code file} can be written as a file: it is not a folder, its folder can be, and it is only replaced when asked.
     */
    static void requireFile(Path file, boolean overwrite) {
        if (Files.isDirectory(file)) {
            throw AmlshException.inFile(file, "is a folder, not a file");
        }
        if (file.getParent() != null) {
            requireFolder(file.getParent());
        }
        if (!overwrite && Files.exists(file)) {
            throw AmlshException.inFile(file, "already exists: add --overwrite to replace it");
        }
    }

    /** A file's folder exists: a command that writes one file creates no folders (a typo would go unseen). */
    static void requireExistingFolder(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw AmlshException.inFile(
                    file.getParent() == null ? folder : file.getParent(),
                    "no such folder: create it first (amlsh writes the file, not its folders)");
        }
    }

    /** Writes the text as UTF-8, creating the folders above it. */
    static Path write(Path file, String text) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw AmlshException.inFile(file, "cannot be written: " + reason(e));
        }
    }

    /** The reason of an I/O failure without the absolute path Java puts in its message. */
    static String reason(IOException e) {
        return AtomicFiles.reason(e);
    }
}

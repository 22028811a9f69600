package dev.amlsh.conda;

import dev.amlsh.model.AmlshException;
import dev.amlsh.model.SourceLocation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * A user's text file, read strictly as UTF-8 whatever the locale: a leading BOM is dropped,
 * bytes that are not UTF-8 are an error naming the line, and the lines are kept for carets.
 */
public record TextFile(Path path, String text) {

    /** Larger than any conda or requirements file a person writes; stops a wrong path early. */
    public static final long MAX_BYTES = 4L * 1024 * 1024;

    public static TextFile read(Path path) {
        byte[] bytes;
        try {
            if (Files.isDirectory(path)) {
                throw AmlshException.inFile(path, "is a directory, not a file");
            }
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw AmlshException.inFile(path, "is too large (" + size + " bytes; the limit is " + MAX_BYTES + ")");
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw AmlshException.inFile(path, "no such file");
        } catch (IOException e) {
            throw AmlshException.inFile(path, "cannot be read: " + e.getMessage());
        }
        return decode(path, bytes);
    }

    /** Decodes strictly; a BOM is dropped. Package-private for tests of the byte-level rules. */
    static TextFile decode(Path path, byte[] bytes) {
        if (looksLikeUtf16(bytes)) {
            throw AmlshException.inFile(path, "is UTF-16, not UTF-8 (save it as UTF-8)");
        }
        int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF
                ? 3
                : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return new TextFile(
                    path,
                    decoder.decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                            .toString());
        } catch (CharacterCodingException e) {
            int bad = firstInvalidByte(bytes, start);
            int line = 1;
            int lineStart = start;
            for (int i = start; i < bad; i++) {
                // line ends as String.lines() counts them: \n, \r\n and a lone \r
                if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
                    line++;
                    lineStart = i + 1;
                }
            }
            String prefix = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8);
            int lineEnd = lineStart;
            while (lineEnd < bytes.length && bytes[lineEnd] != '\n' && bytes[lineEnd] != '\r') {
                lineEnd++;
            }
            String sourceLine = new String(bytes, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
            throw new AmlshException(
                    String.format(
                            "the file is not UTF-8: byte 0x%02X cannot be decoded (save it as UTF-8)",
                            bytes[bad] & 0xFF),
                    SourceLocation.of(path, line, prefix.length() + 1, sourceLine));
        }
    }

    /** A UTF-16 byte order mark, or text whose every other byte is NUL (UTF-16 of ASCII without a mark). */
    private static boolean looksLikeUtf16(byte[] bytes) {
        if (bytes.length >= 2
                && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                        || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            return true;
        }
        int n = Math.min(bytes.length, 64) & ~1;
        if (n < 4) {
            return false;
        }
        int evenNul = 0;
        int oddNul = 0;
        for (int i = 0; i < n; i += 2) {
            evenNul += bytes[i] == 0 ? 1 : 0;
            oddNul += bytes[i + 1] == 0 ? 1 : 0;
        }
        return evenNul == n / 2 || oddNul == n / 2;
    }

    private static int firstInvalidByte(byte[] bytes, int from) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        java.nio.charset.CoderResult result = decoder.decode(in, out, true);
        // On an error the input stops at the first byte that could not be decoded.
        return result.isError() ? in.position() : Math.max(from, bytes.length - 1);
    }

    public List<String> lines() {
        return text.lines().toList();
    }

    /** The text of a 1-based line, without its line end, or null when out of range. */
    public String line(int number) {
        List<String> lines = lines();
        return number >= 1 && number <= lines.size() ? lines.get(number - 1) : null;
    }

    public SourceLocation at(int line, int column) {
        return SourceLocation.of(path, line, column, line(line));
    }

    /** The place of a 0-based offset into {@link #text()}: its line and column, for a caret. */
    public SourceLocation atOffset(int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return at(line, offset - lineStart + 1);
    }

    public boolean isBlank() {
        return text.isBlank();
    }
}

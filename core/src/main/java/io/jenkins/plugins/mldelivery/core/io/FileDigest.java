package io.jenkins.plugins.mldelivery.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The size and SHA-256 of a file, computed in one streamed pass with a fixed buffer.
 *
 * @param bytes  the number of bytes read
 * @param sha256 the lower-case hex SHA-256
 */
public record FileDigest(long bytes, String sha256) {
    private static final int BUFFER_SIZE = 1 << 16;

    /**
     * Reads a file once and returns its size and SHA-256.
     *
     * @param file the file
     * @return its digest
     * @throws BadInputException if the file does not exist or cannot be read
     */
    public static FileDigest of(final Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in);
        }
        catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        }
        catch (AccessDeniedException e) {
            throw new BadInputException(file + ": permission denied");
        }
        catch (IOException e) {
            if (Files.isDirectory(file)) {
                throw new BadInputException(file + ": is a directory, expected a file", e);
            }
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a stream to its end and returns its size and SHA-256; the stream is not closed.
     *
     * @param in the stream
     * @return its digest
     * @throws IOException if reading fails
     */
    public static FileDigest of(final InputStream in) throws IOException {
        MessageDigest digest = newSha256();
        byte[] buffer = new byte[BUFFER_SIZE];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            digest.update(buffer, 0, n);
            total += n;
        }
        return new FileDigest(total, HexFormat.of().formatHex(digest.digest()));
    }

    /**
     * Returns the hex SHA-256 of some bytes, e.g. a canonical JSON form of parameters.
     *
     * @param content the bytes
     * @return the lower-case hex SHA-256
     */
    public static String sha256Hex(final byte[] content) {
        return HexFormat.of().formatHex(newSha256().digest(content));
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}

package io.jenkins.plugins.mldelivery.core.result;

import io.jenkins.plugins.mldelivery.core.io.FileDigest;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The identity of a file a step read, so that a result can be traced to what produced it.
 *
 * @param path   the path as the user gave it
 * @param bytes  the file's size in bytes
 * @param sha256 the hex SHA-256 of the file's content
 */
public record InputIdentity(String path, long bytes, String sha256) {
    /** Validates the fields. */
    public InputIdentity {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative: " + bytes);
        }
    }

    /**
     * Reads a file once to compute its identity.
     *
     * @param file the file
     * @return its path, size and SHA-256
     * @throws io.jenkins.plugins.mldelivery.core.io.BadInputException if the file cannot be read
     */
    public static InputIdentity of(final Path file) {
        FileDigest digest = FileDigest.of(file);
        return new InputIdentity(file.toString(), digest.bytes(), digest.sha256());
    }
}

package io.jenkins.plugins.mldelivery.core.training;

import java.util.Objects;

/**
 * A file the training produced (a model file, a data profile), as it is archived.
 *
 * @param path   the path relative to the working directory, with {@code /} separators; the same
 *               relative path inside the artifacts directory
 * @param bytes  its size
 * @param sha256 the lower-case hex SHA-256 of its content
 */
public record Artifact(String path, long bytes, String sha256) {
    /** Validates the fields. */
    public Artifact {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative: " + bytes);
        }
    }
}

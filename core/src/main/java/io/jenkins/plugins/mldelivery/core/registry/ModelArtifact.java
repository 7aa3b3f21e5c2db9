package io.jenkins.plugins.mldelivery.core.registry;

import java.util.Objects;

/**
 * A file that makes up a model version, as the train result lists it.
 *
 * @param path   the path relative to the version's artifact directory, with {@code /} separators
 * @param bytes  the size in bytes
 * @param sha256 the hex SHA-256 of the content
 */
public record ModelArtifact(String path, long bytes, String sha256) {
    /** Requires a relative path that stays inside its directory. */
    public ModelArtifact {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || ("/" + path + "/").contains("/../")) {
            throw new IllegalArgumentException("artifact path must be relative and stay inside its directory: " + path);
        }
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative: " + bytes);
        }
    }
}

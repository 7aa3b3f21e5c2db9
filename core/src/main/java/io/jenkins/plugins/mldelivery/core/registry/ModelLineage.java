package io.jenkins.plugins.mldelivery.core.registry;

import java.util.List;
import java.util.Objects;

/**
 * Where a model came from, in the form of the train result's {@code lineage} field: the data it
 * was trained on, its parameters' hash, the commit and the command.
 *
 * @param data         the data files and their SHA-256, in the order the training read them
 * @param paramsSha256 the SHA-256 of the canonical parameters, or {@code null}
 * @param gitCommit    the commit, or {@code null} outside a repository
 * @param gitDirty     whether the work tree had uncommitted changes, or {@code null} when unknown
 * @param command      the training command, or {@code null}
 */
public record ModelLineage(List<DataFile> data, String paramsSha256, String gitCommit, Boolean gitDirty, String command) {
    private static final ModelLineage NONE = new ModelLineage(List.of(), null, null, null, null);

    /** Copies the data list. */
    public ModelLineage {
        data = data == null ? List.of() : List.copyOf(data);
    }

    /**
     * Returns a lineage that knows nothing.
     *
     * @return the empty lineage
     */
    public static ModelLineage none() {
        return NONE;
    }

    /**
     * A data file the model was trained on.
     *
     * @param path   the path as the training saw it
     * @param sha256 the hex SHA-256 of its content
     */
    public record DataFile(String path, String sha256) {
        /** Requires both fields. */
        public DataFile {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(sha256, "sha256");
        }
    }
}

package io.jenkins.plugins.mldelivery.core.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Objects;

/**
 * What a model was trained from: the data files' digests, the parameters' digest, the commit and
 * the command, as the train step recorded them.
 *
 * @param data         the training data files
 * @param paramsSha256 the SHA-256 of the parameters, or null
 * @param gitCommit    the commit of the training code, or null
 * @param gitDirty     whether the working tree had uncommitted changes, or null if unknown
 * @param command      the training command, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Lineage(List<DataFile> data, String paramsSha256, String gitCommit, Boolean gitDirty, String command) {
    /** Copies the list. */
    public Lineage {
        data = List.copyOf(Objects.requireNonNull(data, "data"));
    }

    /**
     * A data file and its digest.
     *
     * @param path   the path as recorded
     * @param sha256 its SHA-256, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DataFile(String path, String sha256) {
        /** Validates the fields. */
        public DataFile {
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * Reads the contract's {@code lineage} object of a train result.
     *
     * @param lineage the JSON object, or null
     * @return the lineage, or null if there is none
     */
    static Lineage from(final JsonNode lineage) {
        if (lineage == null || !lineage.isObject()) {
            return null;
        }
        List<DataFile> data = JsonFields.array(lineage, "data").stream()
                .filter(file -> JsonFields.text(file, "path") != null)
                .map(file -> new DataFile(JsonFields.text(file, "path"), JsonFields.text(file, "sha256")))
                .toList();
        return new Lineage(data, JsonFields.text(lineage, "paramsSha256"), JsonFields.text(lineage, "gitCommit"),
                JsonFields.bool(lineage, "gitDirty"), JsonFields.text(lineage, "command"));
    }
}

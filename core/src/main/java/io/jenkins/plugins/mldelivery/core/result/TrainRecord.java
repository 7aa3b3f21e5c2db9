package io.jenkins.plugins.mldelivery.core.result;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A train result ({@code ml-delivery train --json}) as every reader sees it: the metrics, params,
 * lineage and model files of a training, or why it failed.
 *
 * @param formatVersion      the result format's version (1 when the file does not say)
 * @param step               {@code train}
 * @param status             the step's status; {@code FAILED} means there is no model
 * @param timing             when it ran, or null
 * @param inputs             the files it read
 * @param metrics            the metrics, by name, in the file's order
 * @param params             the parameters, by name, as written (numbers, text, lists …)
 * @param lineage            what the model was trained from, or null
 * @param artifacts          the model files (and data profiles) relative to the artifacts directory
 * @param artifactsDirectory where the files were copied to, or null
 * @param failure            why the training failed, or null
 * @param mlflow             the MLflow run it logged to, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainRecord(Integer formatVersion, String step, Status status, Timing timing,
        List<InputIdentity> inputs, Map<String, Double> metrics,
        Map<String, JsonNode> params, Lineage lineage,
        List<Artifact> artifacts, String artifactsDirectory, String failure,
        MlflowRun mlflow) implements RecordedStep {
    /** Requires the step and status; absent maps and lists are empty. */
    public TrainRecord {
        formatVersion = formatVersion == null ? 1 : formatVersion;
        Required.field(step, "step");
        Required.field(status, "status");
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics == null ? Map.of() : metrics));
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params == null ? Map.of() : params));
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
    }

    /**
     * Says whether the training failed, so there is no model to gate or promote.
     *
     * @return whether the status is {@code FAILED}
     */
    @JsonIgnore
    public boolean failed() {
        return status == Status.FAILED;
    }

    /**
     * What a model was trained from, as the train step recorded it.
     *
     * @param data         the training data files
     * @param paramsSha256 the SHA-256 of the parameters, or null
     * @param gitCommit    the commit of the training code, or null
     * @param gitDirty     whether the working tree had uncommitted changes, or null if unknown
     * @param command      the training command, or null
     * @param workDir      the directory it ran in, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Lineage(List<DataFile> data, String paramsSha256, String gitCommit,
            Boolean gitDirty, String command, String workDir) {
        /** Copies the list. */
        public Lineage {
            data = data == null ? List.of() : List.copyOf(data);
        }
    }

    /**
     * A training data file and its digest.
     *
     * @param path   the path as recorded
     * @param sha256 its SHA-256, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DataFile(String path, String sha256) {
        /** Requires the path. */
        public DataFile {
            Required.field(path, "path");
        }
    }

    /**
     * A file the training published.
     *
     * @param path   the path relative to the artifacts directory, with {@code /} separators
     * @param bytes  its size
     * @param sha256 its SHA-256
     */
    public record Artifact(String path, long bytes, String sha256) {
        /** Requires a relative path that stays inside the artifacts directory, and a digest. */
        public Artifact {
            Required.field(path, "path");
            Required.field(sha256, "sha256");
            if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || ("/" + path + "/").contains("/../")) {
                throw new IllegalArgumentException("path '" + path + "' must be relative to the artifacts directory and stay inside it");
            }
            if (bytes < 0) {
                throw new IllegalArgumentException("bytes must not be negative: " + bytes);
            }
        }
    }

    /**
     * The MLflow run a training logged to.
     *
     * @param runId the run's id, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MlflowRun(String runId) {
    }
}

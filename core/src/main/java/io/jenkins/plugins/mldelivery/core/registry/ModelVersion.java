package io.jenkins.plugins.mldelivery.core.registry;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One registered version of a model: where the model lives, how good it was, what produced it.
 * Maps are sorted by key so that the JSON form is the same on every run.
 *
 * @param model          the registered model's name
 * @param version        the version number, from 1
 * @param source         the model's location (a file, a directory, or a URI such as {@code s3://…})
 * @param runId          the tracking run that produced it (an MLflow run id), or {@code null}
 * @param build          the build that produced it (its URL), or {@code null}
 * @param idempotencyKey the key that makes a retried registration return this version: the request's idempotency key
 *                       and the SHA-256 of its content ({@link VersionRequest#retryKey()}), or {@code null}
 * @param metrics        the metrics, name to value
 * @param params         the training parameters, name to value
 * @param lineage        the data, parameters, commit and command it came from
 * @param artifacts      the files stored with it, when the registry holds copies
 * @param tags           free-form tags
 * @param stage          the deprecated MLflow stage
 * @param createdBy      who registered it
 * @param createdAt      when it was registered
 */
public record ModelVersion(String model, int version, String source, String runId, String build,
        String idempotencyKey, Map<String, Double> metrics, Map<String, String> params,
        ModelLineage lineage, List<ModelArtifact> artifacts, Map<String, String> tags, Stage stage,
        String createdBy, Instant createdAt) {
    /** Validates the identity and freezes the collections. */
    public ModelVersion {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(createdAt, "createdAt");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1: " + version);
        }
        metrics = sorted(metrics);
        params = sorted(params);
        tags = sorted(tags);
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
        lineage = lineage == null ? ModelLineage.none() : lineage;
        stage = stage == null ? Stage.NONE : stage;
    }

    /**
     * Returns a metric's value.
     *
     * @param name the metric, e.g. {@code f1} or {@code accuracy[gender=F]}
     * @return its value, or empty when the version has no such metric
     */
    public OptionalDouble metric(final String name) {
        Double value = metrics.get(name);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /**
     * Returns this version in another stage.
     *
     * @param newStage the stage
     * @return a copy with the stage changed
     */
    public ModelVersion withStage(final Stage newStage) {
        return new ModelVersion(model, version, source, runId, build, idempotencyKey, metrics, params, lineage,
                artifacts, tags, newStage, createdBy, createdAt);
    }

    /**
     * Returns a short label for messages: {@code credit-risk v3}.
     *
     * @return the label
     */
    public String label() {
        return model + " v" + version;
    }

    static <V> SortedMap<String, V> sorted(final Map<String, V> map) {
        return map == null || map.isEmpty() ? Collections.emptySortedMap()
                : Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
}

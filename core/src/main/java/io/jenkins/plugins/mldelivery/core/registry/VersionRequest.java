package io.jenkins.plugins.mldelivery.core.registry;

import io.jenkins.plugins.mldelivery.core.io.FileDigest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to register as a new model version. Either a {@code source} names where the model already
 * lives, or {@code artifacts} (relative to {@code artifactRoot}) are copied into the registry's
 * own storage and the source becomes that copy. Built as a sentence:
 * <pre>{@code
 * VersionRequest.forModel("credit-risk").withArtifacts(workspace, artifacts).withMetrics(metrics)
 *         .registeredBy(ChangeNote.by("jenkins").fromBuild(buildUrl)).withIdempotencyKey(buildUrl).build();
 * }</pre>
 *
 * @param model          the registered model's name (created when absent)
 * @param source         the model's location; with artifacts, the path of the model file or of the model's
 *                       directory (an MLflow model) among them (the version's source becomes the stored copy), or {@code null} for the
 *                       stored copy of the single artifact, or of the whole directory when there are several
 * @param artifactRoot   the directory the artifacts' paths are relative to, or {@code null}
 * @param artifacts      the files to store with the version
 * @param runId          the producing tracking run, or {@code null}
 * @param idempotencyKey a key (the build URL in Jenkins) that, with the same content, makes a retry return the same
 *                       version (see {@link #retryKey()}), or {@code null}
 * @param metrics        the metrics
 * @param params         the training parameters
 * @param lineage        the data, parameters, commit and command the model came from
 * @param tags           free-form tags
 * @param registeredBy   who registers it, from which build, and why
 * @param intendedUse    the model card's intended-use section (Markdown), or {@code null}
 * @param dataProfile    a summary of the training data for the model card, or {@code null}
 * @param gate           the gate's verdict for the model card, or {@code null}
 */
public record VersionRequest(String model, String source, Path artifactRoot, List<ModelArtifact> artifacts,
        String runId, String idempotencyKey, Map<String, Double> metrics, Map<String, String> params,
        ModelLineage lineage, Map<String, String> tags, ChangeNote registeredBy, String intendedUse,
        DataProfileSummary dataProfile, GateSummary gate) {
    /** Validates the request: a model, a note, and a source or artifacts to store. */
    public VersionRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(registeredBy, "registeredBy");
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
        metrics = ModelVersion.sorted(metrics);
        params = ModelVersion.sorted(params);
        tags = ModelVersion.sorted(tags);
        lineage = lineage == null ? ModelLineage.none() : lineage;
        if (source == null && artifacts.isEmpty()) {
            throw new IllegalArgumentException("a version needs a source location or artifacts to store");
        }
        if (!artifacts.isEmpty() && artifactRoot == null) {
            throw new IllegalArgumentException("artifacts need the directory their paths are relative to");
        }
        if (!artifacts.isEmpty() && source != null
                && artifacts.stream().noneMatch(a -> a.path().equals(source) || a.path().startsWith(source + "/"))) {
            throw new IllegalArgumentException("the model '" + source + "' is neither a file nor a directory among the artifacts");
        }
        for (Map.Entry<String, Double> metric : metrics.entrySet()) {
            if (!Double.isFinite(metric.getValue())) {
                throw new IllegalArgumentException("metric '" + metric.getKey() + "' is not a finite number: " + metric.getValue());
            }
        }
    }

    /**
     * Returns what a registry recognises a retry by: the idempotency key and the SHA-256 of what is
     * registered (each artifact's path and SHA-256, or the source location when nothing is stored).
     * One build may register several models under the same key (Jenkins gives every promotion of a
     * build the same {@code BUILD_URL}); only the same key with the same content is a retry.
     *
     * @return {@code KEY sha256:HEX}, or {@code null} when the request has no idempotency key
     */
    public String retryKey() {
        if (idempotencyKey == null) {
            return null;
        }
        StringBuilder content = new StringBuilder();
        if (artifacts.isEmpty()) {
            content.append("source ").append(source).append('\n');
        }
        else {
            artifacts.stream().sorted(Comparator.comparing(ModelArtifact::path)).forEach(artifact ->
                    content.append(artifact.path()).append(' ').append(artifact.sha256()).append('\n'));
            if (source != null) {
                content.append("model ").append(source).append('\n');
            }
        }
        return idempotencyKey + " sha256:" + FileDigest.sha256Hex(content.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Starts a request for a model.
     *
     * @param model the registered model's name
     * @return a builder
     */
    public static Builder forModel(final String model) {
        return new Builder(model);
    }

    /** Builds a {@link VersionRequest}. */
    public static final class Builder {
        private final String model;
        private String source;
        private Path artifactRoot;
        private List<ModelArtifact> artifacts = List.of();
        private String runId;
        private String idempotencyKey;
        private Map<String, Double> metrics = Map.of();
        private Map<String, String> params = Map.of();
        private ModelLineage lineage = ModelLineage.none();
        private Map<String, String> tags = Map.of();
        private ChangeNote registeredBy = ChangeNote.by(System.getProperty("user.name", "unknown"));
        private String intendedUse;
        private DataProfileSummary dataProfile;
        private GateSummary gate;

        private Builder(final String model) {
            this.model = model;
        }

        /**
         * Names where the model already lives.
         *
         * @param location a path or URI
         * @return this builder
         */
        public Builder withSource(final String location) {
            this.source = location;
            return this;
        }

        /**
         * Asks the registry to store copies of these files; their SHA-256 is checked on the way. Name
         * the model file or directory among them with {@link #withSource(String)} when there are several.
         *
         * @param root  the directory the paths are relative to
         * @param files the files
         * @return this builder
         */
        public Builder withArtifacts(final Path root, final List<ModelArtifact> files) {
            this.artifactRoot = root;
            this.artifacts = files;
            return this;
        }

        /**
         * Links the tracking run that produced the model.
         *
         * @param id the run id
         * @return this builder
         */
        public Builder withRunId(final String id) {
            this.runId = id;
            return this;
        }

        /**
         * Makes a retry with the same key return the version the first attempt registered.
         *
         * @param key the key, e.g. the build URL
         * @return this builder
         */
        public Builder withIdempotencyKey(final String key) {
            this.idempotencyKey = key;
            return this;
        }

        /**
         * Sets the metrics.
         *
         * @param values name to value
         * @return this builder
         */
        public Builder withMetrics(final Map<String, Double> values) {
            this.metrics = values;
            return this;
        }

        /**
         * Sets the training parameters.
         *
         * @param values name to value
         * @return this builder
         */
        public Builder withParams(final Map<String, String> values) {
            this.params = values;
            return this;
        }

        /**
         * Sets the lineage.
         *
         * @param value the lineage
         * @return this builder
         */
        public Builder withLineage(final ModelLineage value) {
            this.lineage = value;
            return this;
        }

        /**
         * Sets free-form tags.
         *
         * @param values key to value
         * @return this builder
         */
        public Builder withTags(final Map<String, String> values) {
            this.tags = values;
            return this;
        }

        /**
         * Says who registers the version, from which build and why.
         *
         * @param note the note
         * @return this builder
         */
        public Builder registeredBy(final ChangeNote note) {
            this.registeredBy = note;
            return this;
        }

        /**
         * Sets the model card's intended-use section.
         *
         * @param markdown the section's text
         * @return this builder
         */
        public Builder withIntendedUse(final String markdown) {
            this.intendedUse = markdown;
            return this;
        }

        /**
         * Adds a summary of the training data to the model card.
         *
         * @param summary the summary
         * @return this builder
         */
        public Builder withDataProfile(final DataProfileSummary summary) {
            this.dataProfile = summary;
            return this;
        }

        /**
         * Adds the gate's verdict to the model card.
         *
         * @param summary the gate's verdict and rules
         * @return this builder
         */
        public Builder withGate(final GateSummary summary) {
            this.gate = summary;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         */
        public VersionRequest build() {
            return new VersionRequest(model, source, artifactRoot, artifacts, runId, idempotencyKey,
                    ModelVersion.sorted(metrics), ModelVersion.sorted(params), lineage, ModelVersion.sorted(tags),
                    registeredBy, intendedUse, dataProfile, gate);
        }
    }
}

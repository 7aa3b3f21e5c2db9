package io.jenkins.plugins.mldelivery.core.registry;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What to promote: a registered version, or a train result to register first; the alias to move;
 * who asks, from which build and why; and the gate result that must not have failed. Built as a
 * sentence:
 * <pre>{@code
 * PromoteRequest.of("credit-risk", "champion").fromTrainResult(trainJson).by(note).withGate(gateJson).build();
 * }</pre>
 *
 * @param model           the registered model
 * @param alias           the alias to move, e.g. {@code champion}
 * @param version         the version to promote, or {@code null} with a train result
 * @param trainResult     a train result file to register and promote, or {@code null}
 * @param trainResultJson a train result as JSON text (as a Jenkins build keeps it), or {@code null}
 * @param sourcePrefix    with a train result: register the model by its location, this prefix followed by the
 *                        model file's path (e.g. a build's archived artifacts), instead of copying its files; or {@code null}
 * @param tags            tags for a newly registered version
 * @param note            who, from which build, why
 * @param gateResult      the gate's result for this version, or {@code null}
 * @param force           whether to promote even when the gate failed
 * @param idempotencyKey  the key that makes a retried registration return the same version (the build URL), or {@code null}
 * @param cardTemplate    the team's intended-use template (Markdown) for the model card, or {@code null}
 * @param dataProfile     a profile of the training data for the model card, or {@code null} (a profile the training stored is used)
 */
public record PromoteRequest(String model, String alias, Integer version, Path trainResult, String trainResultJson,
        String sourcePrefix, Map<String, String> tags, ChangeNote note, Path gateResult, boolean force, String idempotencyKey,
        Path cardTemplate, Path dataProfile) {
    /** Requires a model, an alias, a note, and exactly one of a version, a train result file and a train result's JSON. */
    public PromoteRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(note, "note");
        tags = ModelVersion.sorted(tags);
        int given = (version == null ? 0 : 1) + (trainResult == null ? 0 : 1) + (trainResultJson == null ? 0 : 1);
        if (given != 1) {
            throw new IllegalArgumentException("promote exactly one of a registered version, a train result file and a train result's JSON");
        }
        if (trainResultJson != null && sourcePrefix == null) {
            throw new IllegalArgumentException("a train result given as JSON needs the source prefix where its files are kept");
        }
    }

    /**
     * Starts a request to move an alias of a model.
     *
     * @param model the model
     * @param alias the alias
     * @return a builder
     */
    public static Builder of(final String model, final String alias) {
        return new Builder(model, alias);
    }

    /** Builds a {@link PromoteRequest}. */
    public static final class Builder {
        private final String model;
        private final String alias;
        private Integer version;
        private Path trainResult;
        private String trainResultJson;
        private String sourcePrefix;
        private Map<String, String> tags = Map.of();
        private ChangeNote note = ChangeNote.by(System.getProperty("user.name", "unknown"));
        private Path gateResult;
        private boolean force;
        private String idempotencyKey;
        private Path cardTemplate;
        private Path dataProfile;

        private Builder(final String model, final String alias) {
            this.model = model;
            this.alias = alias;
        }

        /**
         * Promotes a registered version.
         *
         * @param number the version
         * @return this builder
         */
        public Builder version(final Integer number) {
            this.version = number;
            return this;
        }

        /**
         * Registers the model of a train result file first.
         *
         * @param file the train result
         * @return this builder
         */
        public Builder fromTrainResult(final Path file) {
            this.trainResult = file;
            return this;
        }

        /**
         * Registers the model of a train result given as JSON first; needs {@link #withSourcePrefix(String)}.
         *
         * @param json the train result's JSON
         * @return this builder
         */
        public Builder fromTrainResultJson(final String json) {
            this.trainResultJson = json;
            return this;
        }

        /**
         * Registers the model by location (the prefix and the model file's path) instead of copying its files.
         *
         * @param prefix e.g. {@code jenkins:credit-risk#42/artifact/} or {@code s3://models/build-42/}
         * @return this builder
         */
        public Builder withSourcePrefix(final String prefix) {
            this.sourcePrefix = prefix;
            return this;
        }

        /**
         * Tags a newly registered version.
         *
         * @param values key to value
         * @return this builder
         */
        public Builder withTags(final Map<String, String> values) {
            this.tags = values;
            return this;
        }

        /**
         * Says who promotes, from which build and why.
         *
         * @param change the note
         * @return this builder
         */
        public Builder by(final ChangeNote change) {
            this.note = change;
            return this;
        }

        /**
         * Requires a gate result that did not fail.
         *
         * @param file the gate result
         * @return this builder
         */
        public Builder withGate(final Path file) {
            this.gateResult = file;
            return this;
        }

        /**
         * Promotes even when the gate failed.
         *
         * @param value whether to force
         * @return this builder
         */
        public Builder forced(final boolean value) {
            this.force = value;
            return this;
        }

        /**
         * Makes a retried registration return the same version.
         *
         * @param key the key, e.g. the build URL
         * @return this builder
         */
        public Builder withIdempotencyKey(final String key) {
            this.idempotencyKey = key;
            return this;
        }

        /**
         * Fills the model card's intended use from the team's template.
         *
         * @param file the template (Markdown)
         * @return this builder
         */
        public Builder withCardTemplate(final Path file) {
            this.cardTemplate = file;
            return this;
        }

        /**
         * Summarises this training-data profile in the model card.
         *
         * @param file the profile
         * @return this builder
         */
        public Builder withDataProfile(final Path file) {
            this.dataProfile = file;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         */
        public PromoteRequest build() {
            return new PromoteRequest(model, alias, version, trainResult, trainResultJson, sourcePrefix, tags, note, gateResult,
                    force, idempotencyKey, cardTemplate, dataProfile);
        }
    }
}

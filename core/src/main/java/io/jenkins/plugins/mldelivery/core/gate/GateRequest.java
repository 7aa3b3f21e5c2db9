package io.jenkins.plugins.mldelivery.core.gate;

import io.jenkins.plugins.mldelivery.core.gate.rule.MetricValues;
import io.jenkins.plugins.mldelivery.core.gate.significance.BootstrapSettings;
import io.jenkins.plugins.mldelivery.core.result.InputIdentity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one gate evaluation needs: the rules, the challenger's metrics, the champion (if
 * there is one) and, for significance rules, both models' predictions on the same evaluation set.
 * Build it with {@link #builder()}.
 *
 * @param rules                  the rules, in the order given
 * @param metricsFile            the challenger's metrics file, or {@code null} when {@code metrics} are given directly
 * @param metrics                the challenger's metrics, or {@code null} when read from {@code metricsFile}
 * @param champion               the champion, empty for the first model
 * @param noChampionReason       why there is no champion, for the skipped rules' reason
 * @param predictions            the challenger's predictions file, or {@code null}
 * @param championPredictions    the champion's predictions file on the same rows, or {@code null}
 * @param withoutChampion        what a rule about the champion does to the verdict when it cannot be decided
 * @param correction             how p-values of several significance rules are corrected
 * @param bootstrap              the bootstrap's resamples and seed
 * @param otherInputs            identities of further files the caller read for this gate (e.g. evaluation data)
 */
public record GateRequest(List<RuleSpec> rules, Path metricsFile, MetricValues metrics, Optional<Champion> champion,
        String noChampionReason, Path predictions, Path championPredictions, WithoutChampion withoutChampion,
        Correction correction, BootstrapSettings bootstrap, List<InputIdentity> otherInputs) {
    /** Validates the fields. */
    public GateRequest {
        rules = List.copyOf(rules);
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("a gate needs at least one rule");
        }
        if ((metricsFile == null) == (metrics == null)) {
            throw new IllegalArgumentException("give either a metrics file or metrics");
        }
        Objects.requireNonNull(champion, "champion");
        Objects.requireNonNull(noChampionReason, "noChampionReason");
        Objects.requireNonNull(withoutChampion, "withoutChampion");
        Objects.requireNonNull(correction, "correction");
        Objects.requireNonNull(bootstrap, "bootstrap");
        otherInputs = List.copyOf(otherInputs);
    }

    /**
     * Starts a request.
     *
     * @return a builder with the defaults: no champion, warn without one, Holm's correction, default bootstrap
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link GateRequest}; each method reads as part of a sentence. */
    public static final class Builder {
        private final List<RuleSpec> rules = new ArrayList<>();
        private final List<InputIdentity> otherInputs = new ArrayList<>();
        private Path metricsFile;
        private MetricValues metrics;
        private Champion champion;
        private String noChampionReason = "no champion to compare with";
        private Path predictions;
        private Path championPredictions;
        private WithoutChampion withoutChampion = WithoutChampion.WARN;
        private Correction correction = Correction.HOLM;
        private BootstrapSettings bootstrap = BootstrapSettings.defaults();

        private Builder() {
        }

        /**
         * Adds a rule that fails the gate when broken.
         *
         * @param text the rule
         * @return this builder
         */
        public Builder rule(final String text) {
            return rule(RuleSpec.failing(text));
        }

        /**
         * Adds a rule that only warns when broken.
         *
         * @param text the rule
         * @return this builder
         */
        public Builder warningRule(final String text) {
            return rule(RuleSpec.warning(text));
        }

        /**
         * Adds a rule.
         *
         * @param rule the rule and its severity
         * @return this builder
         */
        public Builder rule(final RuleSpec rule) {
            rules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /**
         * Reads the challenger's metrics from a file (flat JSON, or a {@code train} result).
         *
         * @param file the metrics file
         * @return this builder
         */
        public Builder metricsFrom(final Path file) {
            this.metricsFile = Objects.requireNonNull(file, "file");
            this.metrics = null;
            return this;
        }

        /**
         * Uses the given challenger metrics.
         *
         * @param values the metrics
         * @return this builder
         */
        public Builder metrics(final MetricValues values) {
            this.metrics = Objects.requireNonNull(values, "values");
            this.metricsFile = null;
            return this;
        }

        /**
         * Compares with a champion.
         *
         * @param value the champion
         * @return this builder
         */
        public Builder against(final Champion value) {
            this.champion = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * Says there is no champion, and why.
         *
         * @param reason for example {@code model 'credit-risk' has no version with alias 'champion'}
         * @return this builder
         */
        public Builder withoutChampionBecause(final String reason) {
            this.champion = null;
            this.noChampionReason = Objects.requireNonNull(reason, "reason");
            return this;
        }

        /**
         * Gives both models' predictions on the same evaluation set, for significance rules.
         *
         * @param challengerFile the challenger's predictions CSV
         * @param championFile   the champion's predictions CSV
         * @return this builder
         */
        public Builder predictions(final Path challengerFile, final Path championFile) {
            this.predictions = challengerFile;
            this.championPredictions = championFile;
            return this;
        }

        /**
         * Says what undecidable champion rules do to the verdict.
         *
         * @param policy pass, warn or fail
         * @return this builder
         */
        public Builder whenNoChampion(final WithoutChampion policy) {
            this.withoutChampion = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Chooses the multiple-testing correction.
         *
         * @param value the correction
         * @return this builder
         */
        public Builder correction(final Correction value) {
            this.correction = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * Sets the bootstrap's resamples and seed.
         *
         * @param settings the settings
         * @return this builder
         */
        public Builder bootstrap(final BootstrapSettings settings) {
            this.bootstrap = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * Records a further file the caller read for this gate.
         *
         * @param input its identity
         * @return this builder
         */
        public Builder input(final InputIdentity input) {
            otherInputs.add(Objects.requireNonNull(input, "input"));
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         */
        public GateRequest build() {
            return new GateRequest(rules, metricsFile, metrics, Optional.ofNullable(champion), noChampionReason,
                    predictions, championPredictions, withoutChampion, correction, bootstrap, otherInputs);
        }
    }
}

package io.jenkins.plugins.mldelivery.core.drift;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * When a column drifts and when the dataset does. By default a column drifts when its change is
 * significant after Benjamini-Hochberg correction at alpha 0.05 across all tests AND its effect size
 * reaches its measure's threshold; the dataset drifts when at least half of the compared columns
 * drift or any critical column does. Built with {@link #builder()}; every field has a default.
 *
 * @param alpha                      the level of the corrected p-values (false discovery rate for Benjamini-Hochberg)
 * @param correction                 how p-values are corrected across columns
 * @param rule                       what a change must be to count as drift
 * @param datasetDriftShare          the share of drifted columns at which the dataset drifts
 * @param numericMeasure             the effect measure of numeric columns
 * @param categoricalMeasure         the effect measure of categorical columns
 * @param thresholds                 the threshold of each effect measure
 * @param missingShareThreshold      the change in the share of missing values that matters (absolute)
 * @param constantReferenceThreshold the share of current values away from a constant reference that matters
 * @param exactLimit                 exact Kolmogorov-Smirnov p-values while both sides have at most this many values
 * @param psiBins                    the number of reference-quantile bins of the numeric PSI
 * @param chartBinning               how numeric histograms for charts are binned
 * @param chartBins                  the number of numeric histogram bins for charts
 * @param chartCategories            the number of categories shown by name in categorical histograms
 * @param columns                    per-column overrides, by column name
 */
public record DriftPolicy(double alpha, Correction correction, DecisionRule rule, double datasetDriftShare,
        EffectMeasure numericMeasure, EffectMeasure categoricalMeasure, Map<EffectMeasure, Double> thresholds,
        double missingShareThreshold, double constantReferenceThreshold, int exactLimit, int psiBins,
        ChartBinning chartBinning, int chartBins, int chartCategories, Map<String, ColumnPolicy> columns) {
    /** Validates the policy and copies its maps. */
    public DriftPolicy {
        requireShare("alpha", alpha);
        requireShare("datasetDriftShare", datasetDriftShare);
        requireShare("missingShareThreshold", missingShareThreshold);
        requireShare("constantReferenceThreshold", constantReferenceThreshold);
        Objects.requireNonNull(correction, "correction");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(chartBinning, "chartBinning");
        if (!numericMeasure.appliesTo("numeric") || !categoricalMeasure.appliesTo("categorical")) {
            throw new IllegalArgumentException("numeric measure " + numericMeasure.label() + " or categorical measure "
                    + categoricalMeasure.label() + " does not apply to its column type");
        }
        EnumMap<EffectMeasure, Double> all = new EnumMap<>(EffectMeasure.class);
        for (EffectMeasure measure : EffectMeasure.values()) {
            Double threshold = thresholds.getOrDefault(measure, measure.defaultThreshold());
            if (threshold == null || !(threshold >= 0) || !Double.isFinite(threshold)) {
                throw new IllegalArgumentException("threshold of " + measure.label() + " must be finite and not negative");
            }
            all.put(measure, threshold);
        }
        thresholds = Collections.unmodifiableMap(all);
        if (exactLimit < 0 || psiBins < 2 || chartBins < 1 || chartCategories < 1) {
            throw new IllegalArgumentException("exactLimit must not be negative, psiBins at least 2, chartBins and "
                    + "chartCategories at least 1");
        }
        columns = Collections.unmodifiableSortedMap(new TreeMap<>(columns));
    }

    /**
     * Returns the default policy.
     *
     * @return significant (Benjamini-Hochberg, alpha 0.05) and large; dataset drift from half the columns
     */
    public static DriftPolicy defaults() {
        return builder().build();
    }

    /**
     * Starts a policy from the defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a policy from this one.
     *
     * @return a builder holding this policy's values
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.alpha = alpha;
        builder.correction = correction;
        builder.rule = rule;
        builder.datasetDriftShare = datasetDriftShare;
        builder.numericMeasure = numericMeasure;
        builder.categoricalMeasure = categoricalMeasure;
        builder.thresholds.putAll(thresholds);
        builder.missingShareThreshold = missingShareThreshold;
        builder.constantReferenceThreshold = constantReferenceThreshold;
        builder.exactLimit = exactLimit;
        builder.psiBins = psiBins;
        builder.chartBinning = chartBinning;
        builder.chartBins = chartBins;
        builder.chartCategories = chartCategories;
        builder.columns.putAll(columns);
        return builder;
    }

    /**
     * Returns what the policy says about a column.
     *
     * @param name the column name
     * @return its overrides, or the defaults
     */
    public ColumnPolicy column(final String name) {
        return columns.getOrDefault(name, ColumnPolicy.defaults());
    }

    /**
     * Returns the effect measure of a column.
     *
     * @param name the column name
     * @param type {@code numeric} or {@code categorical}
     * @return the column's measure, or the default of its type
     */
    public EffectMeasure measure(final String name, final String type) {
        EffectMeasure measure = column(name).measure();
        if (measure != null) {
            return measure;
        }
        return "numeric".equals(type) ? numericMeasure : categoricalMeasure;
    }

    /**
     * Returns the effect threshold of a column.
     *
     * @param name    the column name
     * @param measure the column's measure
     * @return the column's threshold, or the measure's
     */
    public double threshold(final String name, final EffectMeasure measure) {
        Double threshold = column(name).threshold();
        return threshold != null ? threshold : thresholds.get(measure);
    }

    private static void requireShare(final String name, final double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1: " + value);
        }
    }

    /** Builds a {@link DriftPolicy}; unset values keep their defaults. */
    public static final class Builder {
        private double alpha = 0.05;
        private Correction correction = Correction.BENJAMINI_HOCHBERG;
        private DecisionRule rule = DecisionRule.SIGNIFICANT_AND_LARGE;
        private double datasetDriftShare = 0.5;
        private EffectMeasure numericMeasure = EffectMeasure.WASSERSTEIN;
        private EffectMeasure categoricalMeasure = EffectMeasure.JENSEN_SHANNON;
        private final Map<EffectMeasure, Double> thresholds = new EnumMap<>(EffectMeasure.class);
        private double missingShareThreshold = 0.05;
        private double constantReferenceThreshold = 0.1;
        private int exactLimit = KolmogorovSmirnov.EXACT_LIMIT;
        private int psiBins = 10;
        private ChartBinning chartBinning = ChartBinning.EQUAL_WIDTH;
        private int chartBins = 20;
        private int chartCategories = 20;
        private final Map<String, ColumnPolicy> columns = new TreeMap<>();

        private Builder() {
        }

        /**
         * Sets the level of the corrected p-values.
         *
         * @param value the level, 0.05 by default
         * @return this builder
         */
        public Builder alpha(final double value) {
            alpha = value;
            return this;
        }

        /**
         * Sets the multiple-testing correction.
         *
         * @param value the correction, Benjamini-Hochberg by default
         * @return this builder
         */
        public Builder correction(final Correction value) {
            correction = value;
            return this;
        }

        /**
         * Sets what a change must be to count as drift.
         *
         * @param value the rule, significant and large by default
         * @return this builder
         */
        public Builder rule(final DecisionRule value) {
            rule = value;
            return this;
        }

        /**
         * Sets the share of drifted columns at which the dataset drifts.
         *
         * @param value the share, 0.5 by default
         * @return this builder
         */
        public Builder datasetDriftShare(final double value) {
            datasetDriftShare = value;
            return this;
        }

        /**
         * Sets the effect measure of numeric columns.
         *
         * @param value the measure, Wasserstein by default
         * @return this builder
         */
        public Builder numericMeasure(final EffectMeasure value) {
            numericMeasure = value;
            return this;
        }

        /**
         * Sets the effect measure of categorical columns.
         *
         * @param value the measure, Jensen-Shannon by default
         * @return this builder
         */
        public Builder categoricalMeasure(final EffectMeasure value) {
            categoricalMeasure = value;
            return this;
        }

        /**
         * Sets a measure's threshold.
         *
         * @param measure the measure
         * @param value   its threshold
         * @return this builder
         */
        public Builder threshold(final EffectMeasure measure, final double value) {
            thresholds.put(measure, value);
            return this;
        }

        /**
         * Sets the change of the missing share that matters.
         *
         * @param value the absolute change, 0.05 by default
         * @return this builder
         */
        public Builder missingShareThreshold(final double value) {
            missingShareThreshold = value;
            return this;
        }

        /**
         * Sets the share of current values away from a constant reference that matters.
         *
         * @param value the share, 0.1 by default
         * @return this builder
         */
        public Builder constantReferenceThreshold(final double value) {
            constantReferenceThreshold = value;
            return this;
        }

        /**
         * Sets the largest sample with an exact Kolmogorov-Smirnov p-value.
         *
         * @param value the limit, 10 000 by default (as SciPy's 'auto')
         * @return this builder
         */
        public Builder exactLimit(final int value) {
            exactLimit = value;
            return this;
        }

        /**
         * Sets the number of reference-quantile bins of the numeric PSI.
         *
         * @param value the number of bins, 10 by default
         * @return this builder
         */
        public Builder psiBins(final int value) {
            psiBins = value;
            return this;
        }

        /**
         * Sets how numeric histograms for charts are binned.
         *
         * @param binning the binning, equal-width by default
         * @param bins    the number of bins, 20 by default
         * @return this builder
         */
        public Builder chartBins(final ChartBinning binning, final int bins) {
            chartBinning = binning;
            chartBins = bins;
            return this;
        }

        /**
         * Sets how many categories categorical histograms name (the rest are one bar).
         *
         * @param value the number of categories, 20 by default
         * @return this builder
         */
        public Builder chartCategories(final int value) {
            chartCategories = value;
            return this;
        }

        /**
         * Sets what the policy says about one column.
         *
         * @param name   the column name
         * @param policy the column's overrides
         * @return this builder
         */
        public Builder column(final String name, final ColumnPolicy policy) {
            columns.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(policy, "policy"));
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         * @throws IllegalArgumentException if a value is out of range
         */
        public DriftPolicy build() {
            return new DriftPolicy(alpha, correction, rule, datasetDriftShare, numericMeasure, categoricalMeasure,
                    thresholds, missingShareThreshold, constantReferenceThreshold, exactLimit, psiBins, chartBinning,
                    chartBins, chartCategories, columns);
        }
    }
}

package io.jenkins.plugins.mldelivery.core.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a numeric column's profile knows about its values: moments, a quantile sketch, and every
 * value while there are at most {@link ExactValues#CAPACITY} of them.
 *
 * @param moments     count, mean, variance, minimum and maximum (exact up to floating-point rounding)
 * @param quantiles   the KLL sketch (see {@link QuantileSketch} for its error bound)
 * @param exactValues the sorted values, or {@code null} when there are too many to keep
 */
@JsonPropertyOrder({"moments", "percentiles", "histogram", "quantiles", "exactValues"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NumericSummary(Moments moments, QuantileSketch quantiles, ExactValues exactValues) {
    /** The number of bins of the histogram written for charts. */
    public static final int CHART_BINS = 20;
    private static final double[] PERCENTILES = {0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99};

    /** Checks that the parts describe the same values. */
    public NumericSummary {
        Objects.requireNonNull(moments, "moments");
        Objects.requireNonNull(quantiles, "quantiles");
        if (quantiles.n() != moments.count()) {
            throw new IllegalArgumentException("the sketch saw " + quantiles.n() + " values, the moments " + moments.count());
        }
        if (exactValues != null && exactValues.count() != moments.count()) {
            throw new IllegalArgumentException("there are " + exactValues.count() + " exact values, the moments saw " + moments.count());
        }
    }

    /**
     * Merges the summaries of two disjoint parts of a column.
     *
     * @param other the other part's summary
     * @return the summary of both parts
     */
    public NumericSummary merge(final NumericSummary other) {
        ExactValues values = exactValues == null || other.exactValues == null ? null : exactValues.mergeOrNull(other.exactValues);
        return new NumericSummary(moments.merge(other.moments), quantiles.merge(other.quantiles), values);
    }

    /**
     * Returns whether every value is known, so that tests can run exactly.
     *
     * @return {@code true} when the exact values are kept
     */
    public boolean hasExactValues() {
        return exactValues != null;
    }

    /**
     * Returns a few quantiles for people (p01, p05, p25, p50, p75, p95, p99); exact when the values
     * are kept, else from the sketch.
     *
     * @return percentile name to value
     */
    @JsonProperty("percentiles")
    @JsonSerialize(contentUsing = FiniteJson.Writer.class)
    public Map<String, Double> percentiles() {
        Map<String, Double> result = new LinkedHashMap<>();
        for (double p : PERCENTILES) {
            result.put(String.format(java.util.Locale.ROOT, "p%02d", Math.round(p * 100)), quantile(p));
        }
        return result;
    }

    /**
     * Returns the smallest value whose normalised rank is at least {@code rank}: exact when the
     * values are kept, else from the sketch.
     *
     * @param rank a normalised rank in [0, 1]
     * @return the quantile, NaN when there are no values
     */
    public double quantile(final double rank) {
        if (exactValues == null) {
            return quantiles.quantile(rank);
        }
        double[] values = exactValues.values();
        if (values.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(rank * values.length) - 1;
        return values[Math.max(0, Math.min(values.length - 1, index))];
    }

    /**
     * Returns the histogram written for charts: {@value #CHART_BINS} equal-width bins.
     *
     * @return the histogram, or {@code null} when there are no values
     */
    @JsonProperty("histogram")
    public Histogram chartHistogram() {
        return moments.count() == 0 ? null : histogram(CHART_BINS);
    }

    /**
     * Returns counts in equal-width bins between the minimum and the maximum; exact when the values
     * are kept, else estimated from the sketch.
     *
     * @param bins the number of bins, at least 1
     * @return the histogram
     */
    public Histogram histogram(final int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be at least 1: " + bins);
        }
        double lo = moments.min();
        double hi = moments.max();
        int binCount = lo == hi ? 1 : bins;
        double[] edges = new double[binCount + 1];
        for (int i = 0; i <= binCount; i++) {
            edges[i] = i == binCount ? hi : lo + (hi - lo) * i / binCount;
        }
        long[] counts = new long[binCount];
        if (exactValues != null) {
            for (double value : exactValues.values()) {
                int bin = binCount == 1 ? 0 : (int) Math.min(binCount - 1, Math.floor((value - lo) / (hi - lo) * binCount));
                counts[Math.max(0, bin)]++;
            }
            return new Histogram(edges, counts, true);
        }
        long n = moments.count();
        long previous = 0;
        for (int i = 0; i < binCount - 1; i++) {
            // strictly below the next edge: the largest double under it, as the bins are half-open
            long below = Math.round(quantiles.rank(Math.nextDown(edges[i + 1])) * n);
            counts[i] = Math.max(0, below - previous);
            previous = Math.max(previous, below);
        }
        counts[binCount - 1] = n - previous;
        return new Histogram(edges, counts, quantiles.isExact());
    }
}

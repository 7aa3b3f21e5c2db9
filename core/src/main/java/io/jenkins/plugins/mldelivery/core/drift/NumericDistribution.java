package io.jenkins.plugins.mldelivery.core.drift;

import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.DoublesSortedView;

import java.util.Arrays;
import java.util.Locale;

/**
 * The distribution of a numeric column's non-missing values on one side, either exactly (every
 * value kept) or as a KLL quantile sketch, as a step CDF: sorted distinct points with the number of
 * values at or below each. A sketch's step CDF is its sorted view (Karnin, Lang and Liberty, 2016;
 * Apache DataSketches), whose ranks are off by at most {@link #rankError()} at every point with
 * 99% confidence; an exact distribution has no rank error.
 */
public final class NumericDistribution implements ColumnDistribution {
    private static final double[] NO_POINTS = {};
    private static final long[] NO_COUNTS = {};

    private final double[] points;
    private final long[] atOrBelow;
    private final long missing;
    private final double mean;
    private final double variance;
    private final double rankError;
    private final int sketchK;

    private NumericDistribution(final double[] points, final long[] atOrBelow, final long missing,
            final double mean, final double variance, final double rankError, final int sketchK) {
        if (missing < 0) {
            throw new IllegalArgumentException("missing must not be negative: " + missing);
        }
        this.points = points;
        this.atOrBelow = atOrBelow;
        this.missing = missing;
        this.mean = mean;
        this.variance = variance;
        this.rankError = rankError;
        this.sketchK = sketchK;
    }

    /**
     * Returns the exact distribution of the given values.
     *
     * @param values  the non-missing values, in any order (not modified); each must be finite
     * @param missing the number of missing values of the column
     * @return the distribution
     * @throws IllegalArgumentException if a value is NaN or infinite (count it as missing instead)
     */
    public static NumericDistribution ofValues(final double[] values, final long missing) {
        double[] sorted = values.clone();
        for (double value : sorted) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("values must be finite (count NaN as missing): " + value);
            }
        }
        Arrays.sort(sorted);
        int distinct = 0;
        double[] points = new double[sorted.length];
        long[] counts = new long[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            if (distinct > 0 && points[distinct - 1] == sorted[i]) {
                counts[distinct - 1] = i + 1L;
            }
            else {
                points[distinct] = sorted[i];
                counts[distinct] = i + 1L;
                distinct++;
            }
        }
        // Two passes over the sorted values: a fixed summation order, so the result is reproducible.
        double mean = 0;
        for (double value : sorted) {
            mean += value;
        }
        mean = sorted.length == 0 ? 0 : mean / sorted.length;
        double squares = 0;
        for (double value : sorted) {
            squares += (value - mean) * (value - mean);
        }
        double variance = sorted.length == 0 ? 0 : squares / sorted.length;
        return new NumericDistribution(Arrays.copyOf(points, distinct), Arrays.copyOf(counts, distinct),
                missing, mean, variance, 0, 0);
    }

    /**
     * Returns the distribution a KLL sketch summarises, with the moments its profile computed exactly.
     * While the sketch has not started compacting (it holds every value) the distribution is exact.
     *
     * @param sketch   the sketch of the non-missing values (not modified)
     * @param missing  the number of missing values of the column
     * @param mean     the mean of the non-missing values
     * @param variance the population variance (divided by n) of the non-missing values
     * @return the distribution
     */
    public static NumericDistribution ofSketch(final KllDoublesSketch sketch, final long missing,
            final double mean, final double variance) {
        if (!Double.isFinite(mean) || !Double.isFinite(variance) || variance < 0) {
            throw new IllegalArgumentException("mean and variance must be finite, variance not negative: "
                    + mean + ", " + variance);
        }
        if (sketch.isEmpty()) {
            return new NumericDistribution(NO_POINTS, NO_COUNTS, missing, 0, 0, 0, sketch.getK());
        }
        DoublesSortedView view = sketch.getSortedView();
        double[] items = view.getQuantiles();
        long[] weights = view.getCumulativeWeights();
        int distinct = 0;
        for (int i = 0; i < items.length; i++) {
            if (distinct > 0 && items[distinct - 1] == items[i]) {
                weights[distinct - 1] = weights[i];
            }
            else {
                items[distinct] = items[i];
                weights[distinct] = weights[i];
                distinct++;
            }
        }
        double error = sketch.isEstimationMode() ? sketch.getNormalizedRankError(false) : 0;
        return new NumericDistribution(Arrays.copyOf(items, distinct), Arrays.copyOf(weights, distinct),
                missing, mean, variance, error, sketch.getK());
    }

    @Override
    public long present() {
        return atOrBelow.length == 0 ? 0 : atOrBelow[atOrBelow.length - 1];
    }

    @Override
    public long missing() {
        return missing;
    }

    @Override
    public String type() {
        return "numeric";
    }

    /**
     * Returns the mean of the non-missing values.
     *
     * @return the mean, 0 when there are none
     */
    public double mean() {
        return mean;
    }

    /**
     * Returns the population variance (divided by n) of the non-missing values.
     *
     * @return the variance, 0 when there are none
     */
    public double variance() {
        return variance;
    }

    /**
     * Returns the population standard deviation of the non-missing values.
     *
     * @return the square root of {@link #variance()}
     */
    public double standardDeviation() {
        return Math.sqrt(variance);
    }

    /**
     * Returns the smallest value (exact even for a sketch).
     *
     * @return the minimum
     * @throws IllegalStateException when there are no values
     */
    public double min() {
        requireValues();
        return points[0];
    }

    /**
     * Returns the largest value (exact even for a sketch).
     *
     * @return the maximum
     * @throws IllegalStateException when there are no values
     */
    public double max() {
        requireValues();
        return points[points.length - 1];
    }

    /**
     * Says whether every value's rank is known exactly (all values kept, or a sketch that has not compacted).
     *
     * @return whether the step CDF is exact
     */
    public boolean isExact() {
        return rankError == 0;
    }

    /**
     * Returns the largest error of a normalised rank read from this distribution: 0 when exact, else
     * the KLL sketch's single-sided normalised rank error, the 99th percentile of the maximum error
     * over all ranks measured by DataSketches in thousands of trials.
     *
     * @return the rank error, a fraction of the values
     */
    public double rankError() {
        return rankError;
    }

    /**
     * Describes where the distribution comes from, for the column's method explanation.
     *
     * @return for example {@code 250 values kept exactly} or {@code KLL sketch k=200 of 10^6 values, rank error ±0.0133}
     */
    public String describe() {
        if (sketchK == 0) {
            return present() + " values kept exactly";
        }
        if (isExact()) {
            return "KLL sketch k=" + sketchK + " holding all " + present() + " values";
        }
        return String.format(Locale.ROOT, "KLL sketch k=%d of %d values, rank error ±%.4f", sketchK, present(), rankError);
    }

    double[] points() {
        return points;
    }

    long[] atOrBelow() {
        return atOrBelow;
    }

    /** Returns how many values are at or below {@code x} (an estimate for a sketch). */
    long countAtOrBelow(final double x) {
        int index = Arrays.binarySearch(points, x);
        int last = index >= 0 ? index : -index - 2;
        return last < 0 ? 0 : atOrBelow[last];
    }

    /** Returns how many values are strictly below {@code x} (an estimate for a sketch). */
    long countBelow(final double x) {
        int index = Arrays.binarySearch(points, x);
        int last = index >= 0 ? index - 1 : -index - 2;
        return last < 0 ? 0 : atOrBelow[last];
    }

    /**
     * Returns the smallest point whose count at or below reaches {@code numerator / denominator} of the
     * values: the inverted-CDF quantile (Hyndman and Fan, 1996, definition 1; NumPy {@code inverted_cdf};
     * DataSketches' inclusive quantile). Integer arithmetic, so quantile edges never wobble with rounding.
     */
    double quantile(final long numerator, final long denominator) {
        requireValues();
        long target = Math.multiplyExact(numerator, present());
        int low = 0;
        int high = points.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (Math.multiplyExact(atOrBelow[middle], denominator) >= target) {
                high = middle;
            }
            else {
                low = middle + 1;
            }
        }
        return points[low];
    }

    private void requireValues() {
        if (points.length == 0) {
            throw new IllegalStateException("the distribution has no values");
        }
    }

    @Override
    public boolean equals(final Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof NumericDistribution other)) {
            return false;
        }
        return missing == other.missing && sketchK == other.sketchK
                && Double.compare(mean, other.mean) == 0 && Double.compare(variance, other.variance) == 0
                && Double.compare(rankError, other.rankError) == 0
                && Arrays.equals(points, other.points) && Arrays.equals(atOrBelow, other.atOrBelow);
    }

    @Override
    public int hashCode() {
        int result = Arrays.hashCode(points);
        result = 31 * result + Arrays.hashCode(atOrBelow);
        result = 31 * result + Long.hashCode(missing);
        result = 31 * result + Double.hashCode(mean);
        result = 31 * result + Double.hashCode(variance);
        result = 31 * result + Double.hashCode(rankError);
        return 31 * result + sketchK;
    }

    @Override
    public String toString() {
        return "NumericDistribution[" + describe() + ", missing " + missing + "]";
    }
}

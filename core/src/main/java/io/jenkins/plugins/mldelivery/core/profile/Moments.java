package io.jenkins.plugins.mldelivery.core.profile;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * Count, mean, sum of squared deviations from the mean, minimum and maximum of the non-missing
 * values of a column, merged with the pairwise update of Chan, Golub and LeVeque ("Algorithms for
 * computing the sample variance: analysis and recommendations", The American Statistician 37(3),
 * 1983, eq. 2.1), which stays accurate where the textbook sum-of-squares formula cancels
 * catastrophically. Each block of values is summed in two passes (mean first, then squared
 * deviations) before it is merged, so no single long running sum accumulates rounding error.
 *
 * @param count                the number of values
 * @param mean                 their mean; NaN when there are none
 * @param sumSquaredDeviations the sum of squared deviations from the mean (M2)
 * @param min                  the smallest value; NaN when there are none
 * @param max                  the largest value; NaN when there are none
 *                             (in JSON, a statistic that is not a number is {@code null})
 */
@JsonPropertyOrder({"count", "mean", "variance", "standardDeviation", "min", "max", "sumSquaredDeviations"})
public record Moments(long count,
        @JsonSerialize(using = FiniteJson.Writer.class) @JsonDeserialize(using = FiniteJson.Reader.class) double mean,
        @JsonSerialize(using = FiniteJson.Writer.class) @JsonDeserialize(using = FiniteJson.Reader.class) double sumSquaredDeviations,
        @JsonSerialize(using = FiniteJson.Writer.class) @JsonDeserialize(using = FiniteJson.Reader.class) double min,
        @JsonSerialize(using = FiniteJson.Writer.class) @JsonDeserialize(using = FiniteJson.Reader.class) double max) {
    /** The moments of no values. */
    public static final Moments EMPTY = new Moments(0, Double.NaN, 0, Double.NaN, Double.NaN);

    /** Checks that the count is not negative. */
    public Moments {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
    }

    /**
     * Computes the moments of some values with the two-pass algorithm.
     *
     * @param values the values, none of them NaN
     * @param offset the first value to use
     * @param length how many values to use
     * @return their moments
     */
    public static Moments of(final double[] values, final int offset, final int length) {
        if (length == 0) {
            return EMPTY;
        }
        double sum = 0;
        double lo = values[offset];
        double hi = lo;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            double v = values[i];
            sum += v;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double mean = sum / length;
        double m2 = 0;
        double correction = 0;
        for (int i = offset; i < end; i++) {
            double d = values[i] - mean;
            m2 += d * d;
            correction += d;
        }
        // the corrected two-pass algorithm (Chan et al. 1983, eq. 1.7): the sum of deviations is the rounding
        // error of the mean; it corrects both the mean and M2
        m2 -= correction * correction / length;
        return new Moments(length, mean + correction / length, Math.max(0, m2), lo, hi);
    }

    /**
     * Computes the moments of some values.
     *
     * @param values the values, none of them NaN
     * @return their moments
     */
    public static Moments of(final double... values) {
        return of(values, 0, values.length);
    }

    /**
     * Merges the moments of two disjoint sets of values (Chan et al. 1983, eq. 2.1).
     *
     * @param other the moments of the other values
     * @return the moments of both sets together
     */
    public Moments merge(final Moments other) {
        if (other.count == 0) {
            return this;
        }
        if (count == 0) {
            return other;
        }
        long n = count + other.count;
        double delta = other.mean - mean;
        double mergedMean = mean + delta * ((double) other.count / n);
        double mergedM2 = sumSquaredDeviations + other.sumSquaredDeviations
                + delta * delta * ((double) count * other.count / n);
        return new Moments(n, mergedMean, mergedM2, Math.min(min, other.min), Math.max(max, other.max));
    }

    /**
     * Returns the unbiased sample variance, M2 / (n - 1).
     *
     * @return the variance; NaN for fewer than two values
     */
    @JsonProperty("variance")
    @JsonSerialize(using = FiniteJson.Writer.class)
    public double variance() {
        return count < 2 ? Double.NaN : sumSquaredDeviations / (count - 1);
    }

    /**
     * Returns the population variance, M2 / n.
     *
     * @return the population variance; NaN when there are no values
     */
    public double populationVariance() {
        return count == 0 ? Double.NaN : sumSquaredDeviations / count;
    }

    /**
     * Returns the sample standard deviation, the square root of {@link #variance()}.
     *
     * @return the standard deviation; NaN for fewer than two values
     */
    @JsonProperty("standardDeviation")
    @JsonSerialize(using = FiniteJson.Writer.class)
    public double standardDeviation() {
        return Math.sqrt(variance());
    }
}

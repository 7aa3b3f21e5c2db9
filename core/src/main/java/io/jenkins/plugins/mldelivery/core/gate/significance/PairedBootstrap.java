package io.jenkins.plugins.mldelivery.core.gate.significance;

import org.apache.commons.math3.random.MersenneTwister;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * The paired bootstrap of a difference between two models scored on the same rows: each resample
 * draws rows with replacement and computes the difference on those rows for both models at once,
 * so the correlation between the models is kept. Percentile interval: Efron, B. and Tibshirani,
 * R. J. (1993), An Introduction to the Bootstrap, Chapman &amp; Hall, chapter 13; its p-value is the
 * achieved significance level of that interval (chapter 16), with the usual {@code +1} so that it is
 * never 0. Single-threaded with a seeded Mersenne Twister, so the replicates are the same bit for
 * bit on every run.
 */
public final class PairedBootstrap {
    private final double[] sorted;

    private PairedBootstrap(final double[] sorted) {
        this.sorted = sorted;
    }

    /**
     * Resamples a paired statistic.
     *
     * @param rows      the number of paired rows
     * @param statistic computes the difference on the rows drawn (a row may repeat)
     * @param settings  the number of resamples and the seed
     * @return the bootstrap distribution; resamples whose statistic is undefined (NaN) are left out
     */
    public static PairedBootstrap run(final int rows, final ToDoubleFunction<int[]> statistic, final BootstrapSettings settings) {
        if (rows < 1) {
            throw new IllegalArgumentException("the bootstrap needs at least one row");
        }
        MersenneTwister random = new MersenneTwister(settings.seed());
        double[] replicates = new double[settings.resamples()];
        int valid = 0;
        int[] drawn = new int[rows];
        for (int b = 0; b < settings.resamples(); b++) {
            for (int i = 0; i < rows; i++) {
                drawn[i] = random.nextInt(rows);
            }
            double value = statistic.applyAsDouble(drawn);
            if (!Double.isNaN(value)) {
                replicates[valid++] = value;
            }
        }
        double[] sorted = Arrays.copyOf(replicates, valid);
        Arrays.sort(sorted);
        return new PairedBootstrap(sorted);
    }

    /**
     * Returns how many resamples gave a defined statistic.
     *
     * @return the number of replicates
     */
    public int resamples() {
        return sorted.length;
    }

    /**
     * Returns the two-sided percentile interval: the {@code (1 - confidence)/2} and
     * {@code (1 + confidence)/2} quantiles of the replicates (linear interpolation, as
     * {@code numpy.percentile} and {@code scipy.stats.bootstrap(method="percentile")}).
     *
     * @param confidence the confidence level, such as 0.95
     * @return the interval, or {@code null} when no resample gave a defined statistic
     */
    public Interval interval(final double confidence) {
        if (sorted.length == 0) {
            return null;
        }
        return new Interval(Quantiles.linear(sorted, (1 - confidence) / 2), Quantiles.linear(sorted, (1 + confidence) / 2));
    }

    /**
     * Returns the two-sided p-value of "the difference is {@code margin}": twice the share of
     * replicates on the far side of the margin, counted from the smaller side, with one added to the
     * count and to the number of resamples, capped at 1.
     *
     * @param margin the hypothesised difference
     * @return the p-value, in (0, 1]
     */
    public double pValue(final double margin) {
        int below = 0;
        int above = 0;
        for (double value : sorted) {
            below += value <= margin ? 1 : 0;
            above += value >= margin ? 1 : 0;
        }
        return Math.min(1, 2.0 * (Math.min(below, above) + 1) / (sorted.length + 1));
    }
}

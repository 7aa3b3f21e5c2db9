package io.jenkins.plugins.mldelivery.core.gate.significance;

/**
 * How the paired bootstrap resamples: how many times, and from which seed, so that the same inputs
 * give the same interval bit for bit.
 *
 * @param resamples the number of bootstrap resamples, at least 100
 * @param seed      the seed of the Mersenne Twister that draws the rows
 */
public record BootstrapSettings(int resamples, long seed) {
    /** The default number of resamples: enough for a stable 95% percentile interval. */
    public static final int DEFAULT_RESAMPLES = 2000;
    /** The default seed. */
    public static final long DEFAULT_SEED = 1;

    /** Validates the fields. */
    public BootstrapSettings {
        if (resamples < 100) {
            throw new IllegalArgumentException("at least 100 bootstrap resamples are needed, not " + resamples);
        }
    }

    /**
     * Returns the default settings.
     *
     * @return {@value #DEFAULT_RESAMPLES} resamples from seed {@value #DEFAULT_SEED}
     */
    public static BootstrapSettings defaults() {
        return new BootstrapSettings(DEFAULT_RESAMPLES, DEFAULT_SEED);
    }
}

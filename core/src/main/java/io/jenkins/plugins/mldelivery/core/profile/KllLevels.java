package io.jenkins.plugins.mldelivery.core.profile;

/**
 * The capacities of the levels of a KLL sketch, as Apache DataSketches 6.2.0 computes them
 * ({@code KllHelper.levelCapacity}, {@code computeTotalItemCapacity}, {@code ubOnNumLevels}): a
 * level at depth d below the top holds max(m, round(k (2/3)^d)) items, with m = 8 (Karnin, Lang,
 * Liberty 2016, section 3).
 */
final class KllLevels {
    private static final long[] POWERS_OF_THREE = powersOfThree();

    private KllLevels() {
        // static functions only
    }

    /**
     * Returns a level's capacity.
     *
     * @param k         the accuracy parameter
     * @param numLevels the number of levels
     * @param level     the level, 0 at the bottom
     * @return its capacity in items
     */
    static int capacity(final int k, final int numLevels, final int level) {
        int depth = numLevels - level - 1;
        return (int) Math.max(SeededKllSketch.M, capacityAtDepth(k, depth));
    }

    /**
     * Returns the capacity of a sketch with so many levels.
     *
     * @param k         the accuracy parameter
     * @param numLevels the number of levels
     * @return the sum of the levels' capacities
     */
    static int totalCapacity(final int k, final int numLevels) {
        long total = 0;
        for (int level = 0; level < numLevels; level++) {
            total += capacity(k, numLevels, level);
        }
        return (int) total;
    }

    /**
     * Returns a generous upper bound of the number of levels n items need: 1 + floor(log2 n).
     *
     * @param n the number of items, positive
     * @return the bound
     */
    static int upperBoundOfLevels(final long n) {
        return 1 + 63 - Long.numberOfLeadingZeros(n);
    }

    private static long capacityAtDepth(final long k, final int depth) {
        if (depth <= 30) {
            return capacityAtShallowDepth(k, depth);
        }
        int half = depth / 2;
        return capacityAtShallowDepth(capacityAtShallowDepth(k, half), depth - half);
    }

    /** Round(k (2/3)^depth) in integers: (2k 2^depth / 3^depth + 1) / 2. */
    private static long capacityAtShallowDepth(final long k, final int depth) {
        long twoK = k << 1;
        long tmp = (twoK << depth) / POWERS_OF_THREE[depth];
        return (tmp + 1L) >>> 1;
    }

    private static long[] powersOfThree() {
        long[] powers = new long[31];
        powers[0] = 1;
        for (int i = 1; i < powers.length; i++) {
            powers[i] = powers[i - 1] * 3;
        }
        return powers;
    }
}

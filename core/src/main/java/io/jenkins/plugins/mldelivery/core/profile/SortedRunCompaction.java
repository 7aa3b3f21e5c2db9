package io.jenkins.plugins.mldelivery.core.profile;

/**
 * Turns a sorted run of values into a KLL sketch by compacting it level by level, once per level,
 * until it fits the sketch's capacity; the runs' sketches are then merged with DataSketches' merge
 * ({@link SeededKllSketch#merge}). Sorting a run once costs far less than pushing every value
 * through DataSketches' streaming update (about 45 ns a value here), and compacting a sorted level
 * once loses less than streaming would.
 */
final class SortedRunCompaction {
    private SortedRunCompaction() {
        // static entry point only
    }

    /**
     * Builds the sketch of a sorted run of values by compacting it level by level, once per level,
     * until it fits the sketch's capacity: each level keeps its first item when its size is odd and
     * every other one of the rest (from a coin-chosen offset), as DataSketches compacts a sorted
     * level. A single compaction of a sorted level changes any rank by less than the level's weight
     * and is unbiased, so this loses less than streaming the same values would.
     *
     * @param sorted the values in ascending order (as {@code Arrays.sort} orders them), none NaN; the
     *               array is used as work space and holds no longer these values afterwards
     * @param length how many of them
     * @param k      the accuracy parameter
     * @param seed   the seed of the coins
     * @return the sketch
     */
    static SeededKllSketch sketchOf(final double[] sorted, final int length, final int k, final long seed) {
        SeededKllSketch sketch = new SeededKllSketch(k, seed);
        Coins coins = new Coins(seed);
        if (length <= k) {
            sketch.update(sorted, 0, length); // fits without compaction: level 0 holds every value
            return sketch;
        }
        int height = 1;
        while ((length >> height) + height > KllLevels.totalCapacity(k, height + 1)) {
            height++;
        }
        double min = sorted[0];
        double max = sorted[length - 1];
        double[] work = sorted; // compacted in place: each level writes only below where it reads
        double[] leftovers = new double[height];
        boolean[] hasLeftover = new boolean[height];
        int size = length;
        for (int level = 0; level < height; level++) {
            int start = 0;
            if ((size & 1) == 1) {
                leftovers[level] = work[0];
                hasLeftover[level] = true;
                start = 1;
                size--;
            }
            int half = size / 2;
            int j = start + coins.next();
            for (int i = 0; i < half; i++) {
                work[i] = work[j];
                j += 2;
            }
            size = half;
        }
        int levelCount = height + 1;
        int capacity = KllLevels.totalCapacity(k, levelCount);
        int[] levels = new int[levelCount + 1];
        double[] items = new double[capacity];
        levels[levelCount] = capacity;
        levels[height] = capacity - size;
        System.arraycopy(work, 0, items, levels[height], size);
        for (int level = height - 1; level >= 0; level--) {
            levels[level] = levels[level + 1] - (hasLeftover[level] ? 1 : 0);
            if (hasLeftover[level]) {
                items[levels[level]] = leftovers[level];
            }
        }
        sketch.restore(length, k, levelCount, levels, items, true, min, max);
        return sketch;
    }

    /** Fair coins from a SplitMix64 stream, as the sketch draws them. */
    private static final class Coins {
        private long state;
        private long bits;
        private int left;

        Coins(final long seed) {
            state = seed;
        }

        int next() {
            if (left == 0) {
                state += 0x9E3779B97F4A7C15L;
                bits = SeededKllSketch.mix64(state);
                left = 64;
            }
            int bit = (int) (bits & 1);
            bits >>>= 1;
            left--;
            return bit;
        }
    }
}

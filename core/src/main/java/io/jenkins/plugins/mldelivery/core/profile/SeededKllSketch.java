package io.jenkins.plugins.mldelivery.core.profile;

import java.util.Arrays;

/**
 * A KLL quantile sketch of doubles (Karnin, Lang, Liberty, "Optimal Quantile Approximation in
 * Streams", FOCS 2016) that follows the algorithm of Apache DataSketches 6.2.0's
 * {@code KllDoublesSketch} step for step — same level capacities (k, m = 8, factor 2/3), same lazy
 * compaction on update, same general compression on merge — except that the coin deciding which half
 * of a compacted level survives comes from a generator seeded by the caller instead of
 * DataSketches' shared, unseeded {@code KllSketch.random}. The same items in the same order with the
 * same seed therefore give the same sketch, bit for bit; DataSketches' own error bound
 * ({@code KllSketch.getNormalizedRankError(k, false)}, about 1.33% of n for k = 200 at 99%
 * confidence) applies unchanged, since the coins are still fair and independent of the data.
 *
 * <p>The state serialises to DataSketches' compact KLL format ({@link KllCompactFormat}), so that
 * {@code KllDoublesSketch.heapify} reads it and every DataSketches query works on it.</p>
 */
final class SeededKllSketch {
    /** The minimum level width; DataSketches' default, the only one its error tables cover. */
    static final int M = 8;


    private final int k;
    private int minK;
    private long n;
    private int numLevels;
    /** Level boundaries in {@link #items}; level 0 grows downwards from {@code levels[0]}. */
    private int[] levels;
    private double[] items;
    private boolean levelZeroSorted;
    private double min = Double.NaN;
    private double max = Double.NaN;
    private long coinState;
    private long coinBits;
    private int coinBitsLeft;

    /**
     * Creates an empty sketch.
     *
     * @param k    the accuracy parameter, 8..65535
     * @param seed the seed of the compaction coins
     */
    SeededKllSketch(final int k, final long seed) {
        if (k < M || k > 65_535) {
            throw new IllegalArgumentException("k must be in 8..65535: " + k);
        }
        this.k = k;
        this.minK = k;
        this.numLevels = 1;
        this.levels = new int[] {k, k};
        this.items = new double[k];
        this.coinState = seed;
    }

    int k() {
        return k;
    }

    long n() {
        return n;
    }

    double min() {
        return min;
    }

    double max() {
        return max;
    }

    /**
     * Adds one item; NaN is ignored, as DataSketches does.
     *
     * @param item the item
     */
    void update(final double item) {
        if (Double.isNaN(item)) {
            return;
        }
        updateMinMax(item, item);
        if (levels[0] == 0) {
            compressWhileUpdating();
        }
        n++;
        levelZeroSorted = false;
        levels[0]--;
        items[levels[0]] = item;
    }

    /**
     * Adds items as if one by one: compaction happens exactly when a single-item update would
     * trigger it. The items must not be NaN.
     *
     * @param values the items
     * @param offset the first one
     * @param length how many
     */
    void update(final double[] values, final int offset, final int length) {
        if (length <= 0) {
            return;
        }
        double lo = values[offset];
        double hi = lo;
        for (int i = offset + 1; i < offset + length; i++) {
            double v = values[i];
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        updateMinMax(lo, hi);
        int next = offset;
        int remaining = length;
        while (remaining > 0) {
            if (levels[0] == 0) {
                compressWhileUpdating();
            }
            int take = Math.min(levels[0], remaining);
            int to = levels[0];
            // level 0 fills downwards, so the items go in reversed, as single updates would put them
            for (int i = 0; i < take; i++) {
                items[--to] = values[next + i];
            }
            levels[0] = to;
            n += take;
            next += take;
            remaining -= take;
        }
        levelZeroSorted = false;
    }

    private void updateMinMax(final double lo, final double hi) {
        if (Double.isNaN(min)) {
            min = lo;
            max = hi;
        }
        else {
            min = Math.min(min, lo);
            max = Math.max(max, hi);
        }
    }

    /**
     * Merges another sketch into this one, as DataSketches' {@code KllDoublesHelper.mergeDoubleImpl}
     * does; the other sketch is not changed.
     *
     * @param other the sketch to merge
     */
    void merge(final SeededKllSketch other) {
        if (other.n == 0) {
            return;
        }
        boolean wasEmpty = n == 0;
        double myMin = min;
        double myMax = max;
        long finalN = Math.addExact(n, other.n);
        for (int i = other.levels[0]; i < other.levels[1]; i++) {
            update(other.items[i]);
        }
        if (other.numLevels > 1) {
            mergeHigherLevels(other, finalN);
        }
        n = finalN;
        if (other.numLevels > 1) {
            minK = Math.min(minK, other.minK);
        }
        if (wasEmpty || Double.isNaN(myMin)) {
            min = other.min;
            max = other.max;
        }
        else {
            min = Math.min(myMin, other.min);
            max = Math.max(myMax, other.max);
        }
    }

    private void mergeHigherLevels(final SeededKllSketch other, final long finalN) {
        int tmpSpaceNeeded = retained() + other.levels[other.numLevels] - other.levels[1];
        double[] work = new double[tmpSpaceNeeded];
        int provisionalNumLevels = Math.max(numLevels, other.numLevels);
        int ub = Math.max(KllLevels.upperBoundOfLevels(finalN), provisionalNumLevels);
        int[] workLevels = new int[ub + 2];
        int[] outLevels = new int[ub + 2];
        populateWork(work, workLevels, provisionalNumLevels, other);
        int[] result = generalCompress(provisionalNumLevels, work, workLevels, outLevels);
        int newNumLevels = result[0];
        int targetItemCount = result[1];
        int currentItemCount = result[2];
        double[] newItems = targetItemCount == items.length ? items : new double[targetItemCount];
        int freeSpaceAtBottom = targetItemCount - currentItemCount;
        System.arraycopy(work, outLevels[0], newItems, freeSpaceAtBottom, currentItemCount);
        int shift = freeSpaceAtBottom - outLevels[0];
        int[] newLevels = new int[newNumLevels + 1];
        for (int level = 0; level <= newNumLevels; level++) {
            newLevels[level] = outLevels[level] + shift;
        }
        numLevels = newNumLevels;
        levels = newLevels;
        items = newItems;
    }

    private void populateWork(final double[] work, final int[] workLevels, final int provisionalNumLevels,
            final SeededKllSketch other) {
        workLevels[0] = 0;
        int selfPopZero = levelSize(0, numLevels, levels);
        System.arraycopy(items, levels[0], work, 0, selfPopZero);
        workLevels[1] = selfPopZero;
        for (int level = 1; level < provisionalNumLevels; level++) {
            int selfPop = levelSize(level, numLevels, levels);
            int otherPop = levelSize(level, other.numLevels, other.levels);
            workLevels[level + 1] = workLevels[level] + selfPop + otherPop;
            if (selfPop > 0 && otherPop == 0) {
                System.arraycopy(items, levels[level], work, workLevels[level], selfPop);
            }
            else if (selfPop == 0 && otherPop > 0) {
                System.arraycopy(other.items, other.levels[level], work, workLevels[level], otherPop);
            }
            else if (selfPop > 0) {
                mergeSorted(items, levels[level], selfPop, other.items, other.levels[level], otherPop,
                        work, workLevels[level]);
            }
        }
    }

    private static int levelSize(final int level, final int numLevels, final int[] levels) {
        return level >= numLevels ? 0 : levels[level + 1] - levels[level];
    }

    /** DataSketches' {@code generalDoublesCompress}, compacting in place within {@code buf}. */
    private int[] generalCompress(final int numLevelsIn, final double[] buf, final int[] inLevels,
            final int[] outLevels) {
        int levelCount = numLevelsIn;
        int currentItemCount = inLevels[levelCount] - inLevels[0];
        int targetItemCount = KllLevels.totalCapacity(k, levelCount);
        outLevels[0] = 0;
        int level = -1;
        boolean done = false;
        while (!done) {
            level++;
            if (level == levelCount - 1) {
                inLevels[level + 2] = inLevels[level + 1];
            }
            int rawBeg = inLevels[level];
            int rawLim = inLevels[level + 1];
            int rawPop = rawLim - rawBeg;
            if (currentItemCount < targetItemCount || rawPop < KllLevels.capacity(k, levelCount, level)) {
                System.arraycopy(buf, rawBeg, buf, outLevels[level], rawPop);
                outLevels[level + 1] = outLevels[level] + rawPop;
            }
            else {
                int popAbove = inLevels[level + 2] - rawLim;
                boolean oddPop = (rawPop & 1) == 1;
                int adjBeg = oddPop ? rawBeg + 1 : rawBeg;
                int adjPop = oddPop ? rawPop - 1 : rawPop;
                int halfAdjPop = adjPop / 2;
                if (oddPop) {
                    buf[outLevels[level]] = buf[rawBeg];
                    outLevels[level + 1] = outLevels[level] + 1;
                }
                else {
                    outLevels[level + 1] = outLevels[level];
                }
                if (level == 0 && !levelZeroSorted) {
                    sort(buf, adjBeg, adjBeg + adjPop);
                }
                if (popAbove == 0) {
                    halveUp(buf, adjBeg, adjPop);
                }
                else {
                    halveDown(buf, adjBeg, adjPop);
                    mergeSorted(buf, adjBeg, halfAdjPop, buf, rawLim, popAbove, buf, adjBeg + halfAdjPop);
                }
                currentItemCount -= halfAdjPop;
                inLevels[level + 1] -= halfAdjPop;
                if (level == levelCount - 1) {
                    levelCount++;
                    targetItemCount += KllLevels.capacity(k, levelCount, 0);
                }
            }
            if (level == levelCount - 1) {
                done = true;
            }
        }
        return new int[] {levelCount, targetItemCount, currentItemCount};
    }

    /** DataSketches' {@code compressWhileUpdatingSketch}: compacts the lowest level at capacity. */
    private void compressWhileUpdating() {
        int level = findLevelToCompact();
        if (level == numLevels - 1) {
            addEmptyTopLevel();
        }
        int rawBeg = levels[level];
        int rawEnd = levels[level + 1];
        int popAbove = levels[level + 2] - rawEnd;
        int rawPop = rawEnd - rawBeg;
        boolean oddPop = (rawPop & 1) == 1;
        int adjBeg = oddPop ? rawBeg + 1 : rawBeg;
        int adjPop = oddPop ? rawPop - 1 : rawPop;
        int halfAdjPop = adjPop / 2;
        if (level == 0) {
            sort(items, adjBeg, adjBeg + adjPop);
        }
        if (popAbove == 0) {
            halveUp(items, adjBeg, adjPop);
        }
        else {
            halveDown(items, adjBeg, adjPop);
            mergeSorted(items, adjBeg, halfAdjPop, items, rawEnd, popAbove, items, adjBeg + halfAdjPop);
        }
        levels[level + 1] -= halfAdjPop;
        if (oddPop) {
            levels[level] = levels[level + 1] - 1;
            items[levels[level]] = items[rawBeg];
        }
        else {
            levels[level] = levels[level + 1];
        }
        if (level > 0) {
            int amount = rawBeg - levels[0];
            System.arraycopy(items, levels[0], items, levels[0] + halfAdjPop, amount);
        }
        for (int lvl = 0; lvl < level; lvl++) {
            levels[lvl] += halfAdjPop;
        }
    }

    private int findLevelToCompact() {
        int level = 0;
        while (levels[level + 1] - levels[level] < KllLevels.capacity(k, numLevels, level)) {
            level++;
        }
        return level;
    }

    private void addEmptyTopLevel() {
        int oldCapacity = levels[numLevels];
        int delta = KllLevels.capacity(k, numLevels + 1, 0);
        int[] newLevels = Arrays.copyOf(levels, numLevels + 2);
        for (int level = 0; level <= numLevels; level++) {
            newLevels[level] += delta;
        }
        numLevels++;
        newLevels[numLevels] = oldCapacity + delta;
        double[] newItems = new double[oldCapacity + delta];
        System.arraycopy(items, 0, newItems, delta, oldCapacity);
        levels = newLevels;
        items = newItems;
    }

    private void halveDown(final double[] buf, final int start, final int length) {
        int half = length / 2;
        int j = start + coin();
        for (int i = start; i < start + half; i++) {
            buf[i] = buf[j];
            j += 2;
        }
    }

    private void halveUp(final double[] buf, final int start, final int length) {
        int half = length / 2;
        int j = start + length - 1 - coin();
        for (int i = start + length - 1; i >= start + half; i--) {
            buf[i] = buf[j];
            j -= 2;
        }
    }

    /** One fair coin from a SplitMix64 stream (Steele, Lea, Flood, OOPSLA 2014), 64 coins per draw. */
    private int coin() {
        if (coinBitsLeft == 0) {
            coinState += 0x9E3779B97F4A7C15L;
            coinBits = mix64(coinState);
            coinBitsLeft = 64;
        }
        int bit = (int) (coinBits & 1);
        coinBits >>>= 1;
        coinBitsLeft--;
        return bit;
    }

    /**
     * The SplitMix64 finaliser, a bijective mixer of 64 bits.
     *
     * @param z the input
     * @return the mixed bits
     */
    static long mix64(final long z) {
        long x = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }

    private static void sort(final double[] buf, final int from, final int to) {
        Arrays.sort(buf, from, to);
    }

    private static void mergeSorted(final double[] a, final int startA, final int lenA, final double[] b,
            final int startB, final int lenB, final double[] c, final int startC) {
        int limA = startA + lenA;
        int limB = startB + lenB;
        int limC = startC + lenA + lenB;
        int i = startA;
        int j = startB;
        for (int out = startC; out < limC; out++) {
            if (i == limA) {
                c[out] = b[j++];
            }
            else if (j == limB) {
                c[out] = a[i++];
            }
            else if (a[i] < b[j]) {
                c[out] = a[i++];
            }
            else {
                c[out] = b[j++];
            }
        }
    }

    private int retained() {
        return levels[numLevels] - levels[0];
    }


    /**
     * Serialises the sketch in DataSketches' compact KLL format.
     *
     * @return the bytes
     */
    byte[] toByteArray() {
        return KllCompactFormat.write(this);
    }

    /**
     * Reads a sketch from DataSketches' compact KLL format.
     *
     * @param bytes the serialised sketch
     * @param seed  the seed of the coins for further updates and merges
     * @return the sketch
     */
    static SeededKllSketch fromByteArray(final byte[] bytes, final long seed) {
        return KllCompactFormat.read(bytes, seed);
    }

    int minK() {
        return minK;
    }

    int numLevels() {
        return numLevels;
    }

    int level(final int index) {
        return levels[index];
    }

    double item(final int index) {
        return items[index];
    }

    boolean levelZeroSorted() {
        return levelZeroSorted;
    }

    /** Replaces the state with one read from bytes; the level boundaries must be consistent. */
    void restore(final long count, final int smallestK, final int levelCount, final int[] boundaries, final double[] values,
            final boolean sorted, final double smallest, final double largest) {
        n = count;
        minK = smallestK;
        numLevels = levelCount;
        levels = boundaries;
        items = values;
        levelZeroSorted = sorted;
        min = smallest;
        max = largest;
    }
}

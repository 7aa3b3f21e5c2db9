package io.jenkins.plugins.mldelivery.core.profile;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Apache DataSketches' compact serialised form of a KLL doubles sketch (as in 6.2.0's
 * {@code KllHelper.toByteArray} and {@code KllMemoryValidate}): an 8-byte preamble (preamble ints,
 * serial version, family 15, flags, k, m), then for a sketch of two or more items n, min k, the
 * number of levels, the level boundaries but the last (which is the capacity for k, m and the
 * level count), min, max and the retained items; all little-endian. Empty and single-item sketches
 * have shorter forms.
 */
final class KllCompactFormat {
    private static final int PREAMBLE_BYTES = 20;
    private static final byte FAMILY_KLL = 15;
    private static final byte SERIAL_VERSION_EMPTY_FULL = 1;
    private static final byte SERIAL_VERSION_SINGLE = 2;
    private static final byte PREAMBLE_INTS_EMPTY_SINGLE = 2;
    private static final byte PREAMBLE_INTS_FULL = 5;
    private static final int EMPTY_BIT = 1;
    private static final int LEVEL_ZERO_SORTED_BIT = 2;
    private static final int SINGLE_ITEM_BIT = 4;

    private KllCompactFormat() {
        // static codec only
    }

    /**
     * Serialises a sketch (empty, single item or full form).
     *
     * @param sketch the sketch
     * @return the bytes
     */
    static byte[] write(final SeededKllSketch sketch) {
        long n = sketch.n();
        int numLevels = sketch.numLevels();
        if (n == 0) {
            return preamble(sketch, 8, PREAMBLE_INTS_EMPTY_SINGLE, SERIAL_VERSION_EMPTY_FULL, EMPTY_BIT).array();
        }
        if (n == 1) {
            ByteBuffer out = preamble(sketch, 16, PREAMBLE_INTS_EMPTY_SINGLE, SERIAL_VERSION_SINGLE, SINGLE_ITEM_BIT);
            out.putDouble(sketch.item(sketch.level(0)));
            return out.array();
        }
        int retained = sketch.level(numLevels) - sketch.level(0);
        int size = PREAMBLE_BYTES + numLevels * Integer.BYTES + 2 * Double.BYTES + retained * Double.BYTES;
        ByteBuffer out = preamble(sketch, size, PREAMBLE_INTS_FULL, SERIAL_VERSION_EMPTY_FULL,
                sketch.levelZeroSorted() ? LEVEL_ZERO_SORTED_BIT : 0);
        out.putLong(n);
        out.putShort((short) sketch.minK());
        out.put((byte) numLevels);
        out.put((byte) 0);
        for (int level = 0; level < numLevels; level++) {
            out.putInt(sketch.level(level));
        }
        out.putDouble(sketch.min());
        out.putDouble(sketch.max());
        for (int i = sketch.level(0); i < sketch.level(numLevels); i++) {
            out.putDouble(sketch.item(i));
        }
        return out.array();
    }

    private static ByteBuffer preamble(final SeededKllSketch sketch, final int size, final byte preambleInts,
            final byte serialVersion, final int flags) {
        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        out.put(preambleInts);
        out.put(serialVersion);
        out.put(FAMILY_KLL);
        out.put((byte) flags);
        out.putShort((short) sketch.k());
        out.put((byte) SeededKllSketch.M);
        out.put((byte) 0);
        return out;
    }

    /**
     * Reads a sketch written by {@link #write} or by DataSketches itself.
     *
     * @param bytes the serialised sketch
     * @param seed  the seed of the coins for further updates and merges
     * @return the sketch
     * @throws IllegalArgumentException if the bytes are not a compact KLL doubles sketch with m = 8
     */
    static SeededKllSketch read(final byte[] bytes, final long seed) {
        if (bytes.length < 8) {
            throw new IllegalArgumentException("a KLL sketch needs at least 8 bytes, found " + bytes.length);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte preambleInts = in.get();
        byte serialVersion = in.get();
        byte family = in.get();
        int flags = in.get();
        int k = Short.toUnsignedInt(in.getShort());
        int m = in.get();
        in.get();
        if (family != FAMILY_KLL || m != SeededKllSketch.M) {
            throw new IllegalArgumentException("not a KLL sketch with m = 8 (family " + family + ", m " + m + ")");
        }
        SeededKllSketch sketch = new SeededKllSketch(k, seed);
        if ((flags & EMPTY_BIT) != 0) {
            return sketch;
        }
        if ((flags & SINGLE_ITEM_BIT) != 0 && preambleInts == PREAMBLE_INTS_EMPTY_SINGLE) {
            checkLength(bytes, 16);
            sketch.update(in.getDouble());
            return sketch;
        }
        if (preambleInts != PREAMBLE_INTS_FULL || serialVersion != SERIAL_VERSION_EMPTY_FULL) {
            throw new IllegalArgumentException("not a compact KLL sketch (preamble " + preambleInts
                    + ", version " + serialVersion + ")");
        }
        checkLength(bytes, PREAMBLE_BYTES);
        long n = in.getLong();
        int minK = Short.toUnsignedInt(in.getShort());
        int numLevels = in.get();
        in.get();
        if (numLevels < 1 || numLevels > 61) {
            throw new IllegalArgumentException("a KLL sketch has 1..61 levels, found " + numLevels);
        }
        checkLength(bytes, PREAMBLE_BYTES + numLevels * Integer.BYTES + 2 * Double.BYTES);
        int capacity = KllLevels.totalCapacity(k, numLevels);
        int[] levels = new int[numLevels + 1];
        for (int level = 0; level < numLevels; level++) {
            levels[level] = in.getInt();
        }
        levels[numLevels] = capacity;
        checkLevels(levels, n);
        double min = in.getDouble();
        double max = in.getDouble();
        checkLength(bytes, in.position() + (capacity - levels[0]) * Double.BYTES);
        double[] items = new double[capacity];
        for (int i = levels[0]; i < capacity; i++) {
            items[i] = in.getDouble();
        }
        sketch.restore(n, minK, numLevels, levels, items, (flags & LEVEL_ZERO_SORTED_BIT) != 0, min, max);
        return sketch;
    }

    private static void checkLength(final byte[] bytes, final int needed) {
        if (bytes.length < needed) {
            throw new IllegalArgumentException("KLL sketch truncated: needs " + needed + " bytes, found " + bytes.length);
        }
    }

    private static void checkLevels(final int[] levels, final long n) {
        long weight = 1;
        long total = 0;
        for (int level = 0; level < levels.length - 1; level++) {
            if (levels[level] < 0 || levels[level] > levels[level + 1]) {
                throw new IllegalArgumentException("KLL sketch has inconsistent level boundaries " + Arrays.toString(levels));
            }
            total += weight * (levels[level + 1] - levels[level]);
            weight <<= 1;
        }
        if (total != n) {
            throw new IllegalArgumentException("KLL sketch weights sum to " + total + ", not n = " + n);
        }
    }
}

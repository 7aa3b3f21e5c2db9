package io.jenkins.plugins.mldelivery.core.drift;

import org.apache.datasketches.kll.KllDoublesSketch;

import java.lang.reflect.Field;
import java.util.Random;

/**
 * KLL sketches for tests. KLL compaction draws from a static unseeded {@link Random} inside
 * DataSketches; tests seed it so a failure can be reproduced. The library offers no public way.
 */
final class Sketches {
    private Sketches() {
        // static functions only
    }

    static void seedCompaction(final long seed) {
        try {
            Field field = Class.forName("org.apache.datasketches.kll.KllSketch").getDeclaredField("random");
            field.setAccessible(true);
            ((Random) field.get(null)).setSeed(seed);
        }
        catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot seed KLL compaction: " + e, e);
        }
    }

    /** Returns the sketched distribution of the values, with exact moments, as a profile would build it. */
    static NumericDistribution sketch(final double[] values, final int k, final long missing) {
        KllDoublesSketch sketch = KllDoublesSketch.newHeapInstance(k);
        double mean = 0;
        double squares = 0;
        long n = 0;
        for (double value : values) {
            sketch.update(value);
            n++;
            double delta = value - mean; // Welford's update
            mean += delta / n;
            squares += delta * (value - mean);
        }
        return NumericDistribution.ofSketch(sketch, missing, mean, n == 0 ? 0 : squares / n);
    }
}

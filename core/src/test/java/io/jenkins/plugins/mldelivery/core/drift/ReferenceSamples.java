package io.jenkins.plugins.mldelivery.core.drift;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The samples behind the SciPy reference values, drawn from the same counter-based generator as
 * {@code scipy_reference.py} (SplitMix64, Steele, Lea and Flood, OOPSLA 2014) so both sides see
 * bit-identical inputs: value k is (u[12k] + … + u[12k+11] - 6)·scale + shift summed left to right,
 * floored to {@code decimals} when given.
 */
final class ReferenceSamples {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private ReferenceSamples() {
        // static functions only
    }

    static double[] sample(final JsonNode spec) {
        Integer decimals = spec.get("decimals").isNull() ? null : spec.get("decimals").asInt();
        return sample(spec.get("seed").asLong(), spec.get("n").asInt(), spec.get("shift").asDouble(),
                spec.get("scale").asDouble(), decimals);
    }

    static double[] sample(final long seed, final int n, final double shift, final double scale, final Integer decimals) {
        double[] values = new double[n];
        long counter = 0;
        for (int k = 0; k < n; k++) {
            double sum = 0;
            for (int j = 0; j < 12; j++) {
                counter++;
                sum = sum + uniform(seed, counter);
            }
            double value = (sum - 6.0) * scale + shift;
            if (decimals != null) {
                double factor = Math.pow(10.0, decimals);
                value = Math.floor(value * factor) / factor;
            }
            values[k] = value;
        }
        return values;
    }

    /** SplitMix64's output for seed + i·golden, as a double in [0, 1). */
    static double uniform(final long seed, final long i) {
        long z = seed + i * GOLDEN;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }
}

package io.jenkins.plugins.mldelivery.core.drift;

import io.jenkins.plugins.mldelivery.core.profile.ColumnProfiler;
import io.jenkins.plugins.mldelivery.core.profile.DatasetProfile;
import io.jenkins.plugins.mldelivery.core.table.ColumnType;
import org.junit.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Wasserstein effect size from sketches against the exact one on the same seeded values: within
 * its stated error band every time, and without a systematic sign (the mean error over many seeds
 * below a tenth of the band), for several shapes (with ties), shifts and sizes, profiled as
 * {@code validate} profiles them. Below the exact limit the profile keeps every value and the effect
 * is exact.
 */
public class WassersteinSketchErrorTest {
    private static final int SEEDS = 30;

    /** One value of the named shape, the current side shifted by {@code shift} of its standard deviation. */
    private static double draw(final String shape, final SplittableRandom random, final double shift) {
        return switch (shape) {
            case "normal" -> random.nextGaussian() + shift;
            case "log-normal" -> Math.exp(0.5 * random.nextGaussian()) + shift * 0.6039;
            case "uniform" -> random.nextDouble() + shift * 0.2887;
            case "counts" -> Math.max(0, Math.round(10 + 3 * random.nextGaussian() + 3 * shift)); // ties
            case "exponential" -> -Math.log(1 - random.nextDouble()) * (1 + shift); // a change of scale
            default -> throw new IllegalArgumentException(shape);
        };
    }

    private static double[] sample(final String shape, final long seed, final int n, final double shift) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = draw(shape, random, shift);
        }
        return values;
    }

    /** The distribution drift reads from a profile of the values (exact up to its limit, else the KLL sketch). */
    private static NumericDistribution profiled(final double[] values, final long seed) {
        ColumnProfiler profiler = new ColumnProfiler("x", ColumnType.DECIMAL, seed);
        profiler.add(values, 0, values.length);
        return (NumericDistribution) ProfileDrift.distribution(profiler.build());
    }

    /** The distribution of a profile merged from {@code chunks} chunk profiles, as a CSV file is profiled. */
    private static NumericDistribution merged(final double[] values, final long seed, final int chunks) {
        DatasetProfile profile = null;
        int per = (values.length + chunks - 1) / chunks;
        for (int c = 0; c < chunks; c++) {
            int from = c * per;
            int length = Math.min(per, values.length - from);
            ColumnProfiler profiler = new ColumnProfiler("x", ColumnType.DECIMAL, seed * 1_000 + c);
            profiler.add(values, from, length);
            DatasetProfile chunk = DatasetProfile.of(null, length, List.of(profiler.build()));
            profile = profile == null ? chunk : profile.merge(chunk);
        }
        return (NumericDistribution) ProfileDrift.distribution(profile.columns().get(0));
    }

    /** Sketched minus exact effect, and the band, for one group of seeds. */
    private static List<double[]> errors(final String shape, final int n1, final int n2, final double shift) {
        return errors(shape, n1, n2, shift, 1);
    }

    private static List<double[]> errors(final String shape, final int n1, final int n2, final double shift,
            final int chunks) {
        List<double[]> out = new ArrayList<>();
        for (int s = 0; s < SEEDS; s++) {
            long seed = 1_000L * s + shape.hashCode() + 31L * n1 + Double.hashCode(shift);
            double[] a = sample(shape, seed, n1, 0);
            double[] b = sample(shape, seed + 1, n2, shift);
            NumericDistribution exactA = NumericDistribution.ofValues(a, 0);
            NumericDistribution exactB = NumericDistribution.ofValues(b, 0);
            NumericDistribution sketchA = chunks == 1 ? profiled(a, seed) : merged(a, seed, chunks);
            NumericDistribution sketchB = chunks == 1 ? profiled(b, seed + 7) : merged(b, seed + 7, chunks);
            double sigma = exactA.standardDeviation();
            double exact = Wasserstein.distance(exactA, exactB) / sigma;
            double sketched = Wasserstein.estimate(sketchA, sketchB) / sketchA.standardDeviation();
            double band = Wasserstein.errorBand(sketchA, sketchB) / sketchA.standardDeviation();
            out.add(new double[] {sketched - exact, band});
        }
        return out;
    }

    @Test
    public void shouldKeepTheSketchedEffectWithinItsBandWithoutASystematicSign() {
        String[] shapes = {"normal", "log-normal", "counts", "exponential"};
        // {reference, current, chunks}: single profiles above the exact limit, and profiles merged from
        // four chunks (more compactions, so more noise), as validate reads a CSV file in chunks
        int[][] sizes = {{15_000, 15_000, 1}, {50_000, 20_000, 1}, {100_000, 40_000, 4}};
        double[] shifts = {0, 0.1};
        StringBuilder table = new StringBuilder();
        double worst = 0;
        for (String shape : shapes) {
            for (int[] size : sizes) {
                if (size[2] > 1 && !shape.equals("normal") && !shape.equals("log-normal")) {
                    continue; // the merged case costs most: two shapes suffice
                }
                for (double shift : shifts) {
                    List<double[]> errors = errors(shape, size[0], size[1], shift, size[2]);
                    double mean = 0;
                    double band = 0;
                    double largest = 0;
                    for (double[] e : errors) {
                        mean += e[0] / errors.size();
                        band += e[1] / errors.size();
                        largest = Math.max(largest, Math.abs(e[0]) / e[1]);
                        assertThat(e[1]).as("band of a sketched comparison").isPositive();
                        assertThat(Math.abs(e[0])).as("%s %s shift %s: error within the band", shape, size[0], shift)
                                .isLessThanOrEqualTo(e[1]);
                    }
                    worst = Math.max(worst, largest);
                    table.append(String.format(Locale.ROOT, "%-12s %6d/%6d%s shift %.2f: mean error %+.5f, band %.4f, "
                            + "mean/band %+.3f, largest |error|/band %.3f%n", shape, size[0], size[1],
                            size[2] > 1 ? " in " + size[2] + " chunks" : "", shift, mean, band, mean / band, largest));
                    assertThat(Math.abs(mean)).as("%s %s shift %s: mean error against a tenth of the band", shape,
                            size[0], shift).isLessThan(band / 10);
                }
            }
        }
        System.out.print(table);
        System.out.printf(Locale.ROOT, "largest |error| / band: %.3f%n", worst);
    }

    @Test
    public void shouldBeExactWithNoBandBelowTheExactLimit() {
        for (String shape : new String[] {"normal", "counts"}) {
            double[] a = sample(shape, 5, 8_000, 0);
            double[] b = sample(shape, 6, 3_000, 0.1);
            NumericDistribution sketchA = profiled(a, 5);
            NumericDistribution sketchB = profiled(b, 6);
            assertThat(sketchA.isExact()).isTrue();
            assertThat(Wasserstein.errorBand(sketchA, sketchB)).isZero();
            assertThat(Wasserstein.estimate(sketchA, sketchB))
                    .isEqualTo(Wasserstein.distance(NumericDistribution.ofValues(a, 0), NumericDistribution.ofValues(b, 0)));
        }
    }
}

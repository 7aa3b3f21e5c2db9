package io.jenkins.plugins.mldelivery.core.profile;

import io.jenkins.plugins.mldelivery.core.table.ColumnType;
import org.junit.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quantile sketch a table profile builds (runs sorted and compacted level by level, chunk
 * profiles merged in file order) keeps DataSketches' stated bound for KLL k = 200: a normalised
 * rank error of at most 1.33% with 99% confidence. Checked empirically over trials with different
 * seeds, distributions and chunkings, against exact ranks.
 */
public class QuantileAccuracyTest {
    private static final int TRIALS = 24;
    private static final int QUERIES = 99;

    @Test
    public void shouldKeepRankErrorsWithinDataSketchesBoundForMergedChunkProfiles() {
        int beyond = 0;
        double worst = 0;
        double bound = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            SplittableRandom random = new SplittableRandom(1_000 + trial);
            int chunks = 8 + random.nextInt(40);
            int perChunk = 2_000 + random.nextInt(20_000);
            double[] all = new double[chunks * perChunk];
            ColumnProfile merged = null;
            for (int chunk = 0; chunk < chunks; chunk++) {
                ColumnProfiler profiler = new ColumnProfiler("x", ColumnType.DECIMAL, ChunkProfiler.seed(chunk, 0));
                for (int i = 0; i < perChunk; i++) {
                    double value = draw(random, trial % 4, chunk);
                    all[chunk * perChunk + i] = value;
                    profiler.add(value);
                }
                merged = merged == null ? profiler.build() : merged.merge(profiler.build());
            }
            Arrays.sort(all);
            QuantileSketch sketch = merged.numeric().quantiles();
            bound = sketch.normalizedRankError();
            for (int q = 1; q <= QUERIES; q++) {
                double value = all[(int) ((long) all.length * q / (QUERIES + 1))];
                double error = Math.abs(sketch.rank(value) - exactRank(all, value));
                worst = Math.max(worst, error);
                if (error > bound) {
                    beyond++;
                }
            }
        }
        assertThat(bound).isEqualTo(0.013294757464848584);
        assertThat(beyond).as("queries beyond the bound, of %d", TRIALS * QUERIES).isLessThanOrEqualTo(TRIALS * QUERIES / 100);
        assertThat(worst).isLessThan(2 * bound);
    }

    /** Gaussian, heavy-tailed, drifting by chunk (sorted-ish input), and discrete with many ties. */
    private static double draw(final SplittableRandom random, final int kind, final int chunk) {
        return switch (kind) {
            case 0 -> random.nextGaussian();
            case 1 -> Math.exp(3 * random.nextGaussian());
            case 2 -> chunk + random.nextDouble();
            default -> random.nextInt(500);
        };
    }

    private static double exactRank(final double[] sorted, final double value) {
        int index = Arrays.binarySearch(sorted, value);
        while (index + 1 < sorted.length && sorted[index + 1] == value) {
            index++;
        }
        return (index + 1) / (double) sorted.length;
    }
}

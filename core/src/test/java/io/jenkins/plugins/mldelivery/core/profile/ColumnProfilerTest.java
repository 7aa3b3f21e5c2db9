package io.jenkins.plugins.mldelivery.core.profile;

import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import io.jenkins.plugins.mldelivery.core.table.ColumnType;
import org.junit.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

public class ColumnProfilerTest {
    private static double[] gaussian(final int n, final long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextGaussian() * 2 + 50;
        }
        return values;
    }

    private static ColumnProfile numeric(final double[] values, final long seed) {
        return new ColumnProfiler("x", ColumnType.DECIMAL, seed).add(values, 0, values.length).build();
    }

    @Test
    public void shouldKeepExactValuesAndExactQuantilesOfASmallColumn() {
        double[] values = {38.394, 32.115, 10.559, 6.183, 17.38, 66.917, 76.217, 49.814, 28.405, 99.488, 68.913, 16.114,
                6.945, 13.949, 13.197, 39.945, 3.007, 16.587, 106.828, 8.002, 9.408, 18.462, 4.866, 17.644, 19.774};

        ColumnProfile profile = new ColumnProfiler("x", ColumnType.DECIMAL, 0).add(values, 0, values.length).addMissing(3).build();

        assertThat(profile.count()).isEqualTo(25);
        assertThat(profile.missing()).isEqualTo(3);
        assertThat(profile.numeric().hasExactValues()).isTrue();
        assertThat(profile.numeric().quantiles().isExact()).isTrue();
        // NumPy: np.median(v) == 17.644 for the 25 values above
        assertThat(profile.numeric().quantile(0.5)).isEqualTo(17.644);
        assertThat(profile.distinct().isExact()).isTrue();
        assertThat(profile.distinct().estimate()).isEqualTo(25);
    }

    @Test
    public void shouldMergeTwoHalvesIntoTheProfileOfTheWholeWithinTheSketchError() {
        double[] values = gaussian(300_000, 1);
        ColumnProfile whole = numeric(values, 1);

        ColumnProfile merged = numeric(Arrays.copyOfRange(values, 0, 140_000), 2)
                .merge(numeric(Arrays.copyOfRange(values, 140_000, values.length), 3));

        assertThat(merged.count()).isEqualTo(whole.count());
        assertThat(merged.numeric().moments().mean()).isCloseTo(whole.numeric().moments().mean(), within(1e-9));
        assertThat(merged.numeric().moments().variance()).isCloseTo(whole.numeric().moments().variance(), within(1e-9));
        assertThat(merged.numeric().moments().min()).isEqualTo(whole.numeric().moments().min());
        double bound = merged.numeric().quantiles().normalizedRankError() + whole.numeric().quantiles().normalizedRankError();
        assertThat(bound).isGreaterThan(0).isLessThan(0.03);
        for (double rank = 0.05; rank < 1; rank += 0.05) {
            double quantile = merged.numeric().quantile(rank);
            assertThat(whole.numeric().quantiles().rank(quantile)).isCloseTo(rank, within(bound));
        }
        assertThat(merged.distinct().isExact()).isFalse();
        assertThat(merged.distinct().lowerBound()).isLessThanOrEqualTo(300_000);
        assertThat(merged.distinct().upperBound()).isGreaterThanOrEqualTo(300_000);
    }

    @Test
    public void shouldGiveTheSameProfileBitForBitForTheSameValues() {
        double[] values = gaussian(100_000, 4);

        assertThat(ResultJson.toJson(numeric(values, 9))).isEqualTo(ResultJson.toJson(numeric(values, 9)));
    }

    @Test
    public void shouldCountTheValuesOfANumericColumnWithFewDistinctValues() {
        ColumnProfiler profiler = new ColumnProfiler("children", ColumnType.INTEGER, 0);
        for (int i = 0; i < 20_000; i++) {
            profiler.add(i % 4);
        }

        ColumnProfile profile = profiler.build();

        assertThat(profile.categories().counts()).containsEntry("0", 5_000L).containsEntry("3", 5_000L).hasSize(4);
        assertThat(profile.numeric().hasExactValues()).isFalse();
        assertThat(profile.distinct().estimate()).isEqualTo(4);
    }

    @Test
    public void shouldCountCategoriesExactlyBelowTheCap() {
        ColumnProfiler profiler = ColumnProfiler.of("colour", ColumnType.STRING);
        profiler.add("red", 5).add("green").add("red").add("blue", 2);

        ColumnProfile profile = profiler.build();

        assertThat(profile.categories().isExact()).isTrue();
        assertThat(profile.categories().counts()).containsExactly(
                java.util.Map.entry("red", 6L), java.util.Map.entry("blue", 2L), java.util.Map.entry("green", 1L));
        assertThat(profile.distinct().estimate()).isEqualTo(3);
        assertThat(profile.numeric()).isNull();
    }

    @Test
    public void shouldSketchCategoriesBeyondTheCapAndStillFindTheFrequentOnes() {
        ColumnProfiler profiler = ColumnProfiler.of("city", ColumnType.STRING);
        for (int i = 0; i < 50_000; i++) {
            profiler.add(i % 5 == 0 ? "Paris" : "city-" + i);
        }

        ColumnProfile profile = profiler.build();

        assertThat(profile.categories().isExact()).isFalse();
        assertThat(profile.categories().total()).isEqualTo(50_000);
        long error = profile.categories().maximumError();
        assertThat(error).isLessThanOrEqualTo(Math.round(50_000 * 3.5 / CategoryCounts.SKETCH_MAP_SIZE));
        CategoryCounts.Frequency paris = profile.categories().frequentItems().get(0);
        assertThat(paris.value()).isEqualTo("Paris");
        assertThat(paris.lowerBound()).isLessThanOrEqualTo(10_000);
        assertThat(paris.upperBound()).isGreaterThanOrEqualTo(10_000);
        assertThat(profile.distinct().isExact()).isFalse();
        assertThat(profile.distinct().lowerBound()).isLessThanOrEqualTo(40_001);
        assertThat(profile.distinct().upperBound()).isGreaterThanOrEqualTo(40_001);
    }

    @Test
    public void shouldMergeExactCategoriesExactly() {
        ColumnProfile first = ColumnProfiler.of("c", ColumnType.STRING).add("a", 3).add("b").build();
        ColumnProfile second = ColumnProfiler.of("c", ColumnType.STRING).add("b", 2).add("c").addMissing(1).build();

        ColumnProfile merged = first.merge(second);

        assertThat(merged.categories().counts()).containsEntry("a", 3L).containsEntry("b", 3L).containsEntry("c", 1L);
        assertThat(merged.distinct().isExact()).isTrue();
        assertThat(merged.distinct().estimate()).isEqualTo(3);
        assertThat(merged.missingRate()).isCloseTo(1.0 / 8, within(1e-15));
    }

    @Test
    public void shouldWidenAnIntegerAndADecimalColumnToDecimalWhenMerging() {
        ColumnProfile integers = new ColumnProfiler("x", ColumnType.INTEGER, 0).add(1).add(2).build();
        ColumnProfile decimals = new ColumnProfiler("x", ColumnType.DECIMAL, 0).add(2.5).build();

        assertThat(integers.merge(decimals).type()).isEqualTo(ColumnType.DECIMAL);
        assertThat(integers.merge(decimals).numeric().moments().mean()).isCloseTo(11.0 / 6, within(1e-15));
    }

    @Test
    public void shouldEstimateAHistogramFromTheSketchOfALargeColumn() {
        double[] values = gaussian(200_000, 5);
        ColumnProfile profile = numeric(values, 6);

        Histogram histogram = profile.numeric().histogram(10);

        assertThat(histogram.exact()).isFalse();
        assertThat(Arrays.stream(histogram.counts()).sum()).isEqualTo(200_000);
        double[] edges = histogram.edges();
        long[] counts = histogram.counts();
        double tolerance = 2 * profile.numeric().quantiles().normalizedRankError() * 200_000;
        for (int bin = 0; bin < counts.length; bin++) {
            double lo = edges[bin];
            double hi = edges[bin + 1];
            boolean last = bin == counts.length - 1;
            long exact = Arrays.stream(values).filter(v -> v >= lo && (v < hi || last && v == hi)).count();
            assertThat((double) counts[bin]).as("bin %d", bin).isCloseTo(exact, within(tolerance));
        }
    }
}

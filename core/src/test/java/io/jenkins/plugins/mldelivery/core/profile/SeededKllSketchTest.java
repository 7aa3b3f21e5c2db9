package io.jenkins.plugins.mldelivery.core.profile;

import io.jenkins.plugins.mldelivery.core.io.FileDigest;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.kll.KllSketch;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.junit.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

public class SeededKllSketchTest {
    private static final double BOUND = KllSketch.getNormalizedRankError(200, false);

    private static double[] gaussian(final int n, final long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextGaussian() * 3 + 10;
        }
        return values;
    }

    private static SeededKllSketch sketchOf(final double[] values, final long seed) {
        SeededKllSketch sketch = new SeededKllSketch(200, seed);
        sketch.update(values, 0, values.length);
        return sketch;
    }

    @Test
    public void shouldGiveTheSameBytesForTheSameValuesAndSeed() {
        double[] values = gaussian(200_000, 1);

        assertThat(digest(sketchOf(values, 7).toByteArray())).isEqualTo(digest(sketchOf(values, 7).toByteArray()));
    }

    @Test
    public void shouldGiveTheSameSketchWhetherValuesComeOneByOneOrInBlocks() {
        double[] values = gaussian(50_000, 2);
        SeededKllSketch oneByOne = new SeededKllSketch(200, 3);
        for (double value : values) {
            oneByOne.update(value);
        }

        assertThat(digest(sketchOf(values, 3).toByteArray())).isEqualTo(digest(oneByOne.toByteArray()));
    }

    @Test
    public void shouldBeReadByDataSketchesAndWrittenBackUnchanged() {
        byte[] bytes = sketchOf(gaussian(100_000, 4), 5).toByteArray();

        KllDoublesSketch sketch = KllDoublesSketch.heapify(Memory.wrap(bytes));

        assertThat(sketch.getN()).isEqualTo(100_000);
        assertThat(sketch.isEstimationMode()).isTrue();
        assertThat(digest(sketch.toByteArray())).isEqualTo(digest(bytes));
        assertThat(digest(SeededKllSketch.fromByteArray(bytes, 0).toByteArray())).isEqualTo(digest(bytes));
    }

    @Test
    public void shouldReadSketchesWrittenByDataSketches() {
        KllDoublesSketch original = KllDoublesSketch.newHeapInstance(200);
        for (double value : gaussian(30_000, 6)) {
            original.update(value);
        }

        SeededKllSketch copy = SeededKllSketch.fromByteArray(original.toByteArray(), 0);

        assertThat(digest(copy.toByteArray())).isEqualTo(digest(original.toByteArray()));
    }

    @Test
    public void shouldKeepEveryRankWithinTheStatedErrorOfTheExactRank() {
        double[] values = gaussian(300_000, 8);
        KllDoublesSketch sketch = KllDoublesSketch.heapify(Memory.wrap(sketchOf(values, 9).toByteArray()));
        double[] sorted = values.clone();
        Arrays.sort(sorted);

        for (int i = 1; i < 100; i++) {
            double value = sorted[sorted.length * i / 100];
            double exactRank = (double) upperIndex(sorted, value) / sorted.length;
            assertThat(sketch.getRank(value, QuantileSearchCriteria.INCLUSIVE)).isCloseTo(exactRank, within(BOUND));
        }
    }

    @Test
    public void shouldMergeTwoHalvesIntoASketchOfTheWholeWithinTheStatedError() {
        double[] values = gaussian(200_000, 10);
        SeededKllSketch first = sketchOf(Arrays.copyOfRange(values, 0, 120_000), 11);
        SeededKllSketch second = sketchOf(Arrays.copyOfRange(values, 120_000, 200_000), 12);
        first.merge(second);
        KllDoublesSketch merged = KllDoublesSketch.heapify(Memory.wrap(first.toByteArray()));
        double[] sorted = values.clone();
        Arrays.sort(sorted);

        assertThat(merged.getN()).isEqualTo(200_000);
        assertThat(merged.getMinItem()).isEqualTo(sorted[0]);
        assertThat(merged.getMaxItem()).isEqualTo(sorted[sorted.length - 1]);
        for (int i = 1; i < 20; i++) {
            double value = sorted[sorted.length * i / 20];
            double exactRank = (double) upperIndex(sorted, value) / sorted.length;
            assertThat(merged.getRank(value, QuantileSearchCriteria.INCLUSIVE)).isCloseTo(exactRank, within(BOUND));
        }
    }

    @Test
    public void shouldKeepTheSameShapeAsDataSketchesOwnSketch() {
        double[] values = gaussian(500_000, 13);
        KllDoublesSketch theirs = KllDoublesSketch.newHeapInstance(200);
        for (double value : values) {
            theirs.update(value);
        }
        KllDoublesSketch ours = KllDoublesSketch.heapify(Memory.wrap(sketchOf(values, 14).toByteArray()));

        // same algorithm, different coins: the same number of levels and items retained
        assertThat(ours.getNumRetained()).isEqualTo(theirs.getNumRetained());
        assertThat(ours.getSerializedSizeBytes()).isEqualTo(theirs.getSerializedSizeBytes());
    }

    @Test
    public void shouldStayExactWhileNoCompactionHappened() {
        SeededKllSketch sketch = sketchOf(new double[] {3, 1, 2}, 0);
        KllDoublesSketch read = KllDoublesSketch.heapify(Memory.wrap(sketch.toByteArray()));

        assertThat(read.isEstimationMode()).isFalse();
        assertThat(read.getQuantile(0.5, QuantileSearchCriteria.INCLUSIVE)).isEqualTo(2);
    }

    @Test
    public void shouldWriteEmptyAndSingleItemSketchesInDataSketchesCompactForms() {
        SeededKllSketch empty = new SeededKllSketch(200, 0);
        SeededKllSketch single = sketchOf(new double[] {42}, 0);

        assertThat(KllDoublesSketch.heapify(Memory.wrap(empty.toByteArray())).isEmpty()).isTrue();
        assertThat(KllDoublesSketch.heapify(Memory.wrap(single.toByteArray())).getMaxItem()).isEqualTo(42);
        assertThat(empty.toByteArray()).isEqualTo(KllDoublesSketch.newHeapInstance(200).toByteArray());
    }

    private static String digest(final byte[] bytes) {
        return FileDigest.sha256Hex(bytes);
    }

    private static int upperIndex(final double[] sorted, final double value) {
        int index = Arrays.binarySearch(sorted, value);
        while (index + 1 < sorted.length && sorted[index + 1] == value) {
            index++;
        }
        return index + 1;
    }
}

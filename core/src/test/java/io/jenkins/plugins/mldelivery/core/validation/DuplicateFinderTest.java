package io.jenkins.plugins.mldelivery.core.validation;

import org.junit.Test;

import static org.assertj.core.api.Assertions.assertThat;

public class DuplicateFinderTest {
    private static long hash(final long value) {
        long x = value * 0x9E3779B97F4A7C15L;
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }

    @Test
    public void shouldFindEveryRepeatAndItsFirstRowsBelowTheCapacity() {
        DuplicateFinder finder = new DuplicateFinder();
        for (long i = 0; i < 200_000; i++) {
            finder.add(hash(i), i + 2);
        }
        for (long i = 9; i >= 0; i--) {
            finder.add(hash(i * 1_000), 300_000 + i);
        }

        assertThat(finder.duplicates()).isEqualTo(10);
        assertThat(finder.exampleRows()).containsExactly(300_000, 300_001, 300_002, 300_003, 300_004);
        assertThat(finder.samplingRate()).isEqualTo(1.0);
    }

    @Test
    public void shouldSampleRepeatsByHashBeyondTheCapacityAtTheStatedRate() {
        DuplicateFinder finder = new DuplicateFinder();
        long distinct = 3 * DuplicateFinder.CAPACITY;
        for (long i = 0; i < distinct; i++) {
            finder.add(hash(i), i);
        }
        int repeats = 4_000;
        for (long i = 0; i < repeats; i++) {
            finder.add(hash(i * 701), distinct + i);
        }

        double rate = finder.samplingRate();
        assertThat(rate).isEqualTo(0.25);
        double expected = rate * repeats;
        double sigma = Math.sqrt(repeats * rate * (1 - rate));
        assertThat((double) finder.duplicates()).isBetween(expected - 5 * sigma, expected + 5 * sigma);
    }

    @Test
    public void shouldFindRepeatsWithinAndBetweenChunksWhenTheirLogsAreReplayed() {
        DuplicateFinder finder = new DuplicateFinder();
        DuplicateFinder.Log first = new DuplicateFinder.Log(finder);
        DuplicateFinder.Log second = new DuplicateFinder.Log(finder);
        for (int i = 0; i < 1_000; i++) {
            first.add(hash(i), i);
            second.add(hash(i + 995), i);
        }
        second.add(hash(2_000), 1_000);
        second.add(hash(2_000), 1_001);

        finder.addAll(first, 2);
        finder.addAll(second, 5_000);

        assertThat(finder.duplicates()).isEqualTo(6);
        assertThat(finder.exampleRows()).containsExactly(5_000, 5_001, 5_002, 5_003, 5_004);
    }
}

package io.jenkins.plugins.mldelivery.core.history;

import io.jenkins.plugins.mldelivery.core.result.Status;
import org.junit.Test;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class TrendWindowTest {
    static BuildRecord record(final int build) {
        return new BuildRecord(build, "#" + build, null, Status.PASSED, "digest-" + build,
                new java.util.TreeMap<>(java.util.Map.of("accuracy", 0.8 + build / 1000.0)), null, null, null, List.of(), null, null, null);
    }

    /** An endless history, newest first, that counts how many records were asked for. */
    private static Iterable<BuildRecord> endless(final AtomicInteger reads) {
        return () -> new Iterator<>() {
            private int next = 10_000;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public BuildRecord next() {
                reads.incrementAndGet();
                return record(next--);
            }
        };
    }

    @Test
    public void shouldReadNoMoreRecordsThanTheDefaultCapOfFifty() {
        AtomicInteger reads = new AtomicInteger();

        TrendWindow window = TrendWindow.of(endless(reads));

        assertThat(window.size()).isEqualTo(50);
        assertThat(reads).hasValue(50);
        assertThat(window.newest()).hasValueSatisfying(newest -> assertThat(newest.build()).isEqualTo(10_000));
        assertThat(window.oldestFirst().get(0).build()).isEqualTo(9_951);
    }

    @Test
    public void shouldStopAtAGivenCapAndShowShortHistoriesWhole() {
        AtomicInteger reads = new AtomicInteger();

        assertThat(TrendWindow.of(endless(reads), 3).size()).isEqualTo(3);
        assertThat(reads).hasValue(3);
        assertThat(TrendWindow.of(List.of(record(2), record(1)), 50).size()).isEqualTo(2);
        assertThatThrownBy(() -> TrendWindow.of(List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    public void shouldOrderRecordsByBuildNumberWhateverOrderTheyCameIn() {
        TrendWindow window = TrendWindow.of(List.of(record(3), record(5), record(4)));

        assertThat(window.newestFirst()).extracting(BuildRecord::build).containsExactly(5, 4, 3);
        assertThat(window.oldestFirst()).extracting(BuildRecord::build).containsExactly(3, 4, 5);
    }
}

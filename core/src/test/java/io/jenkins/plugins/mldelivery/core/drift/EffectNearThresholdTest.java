package io.jenkins.plugins.mldelivery.core.drift;

import io.jenkins.plugins.mldelivery.core.profile.ColumnProfiler;
import io.jenkins.plugins.mldelivery.core.profile.DatasetProfile;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import io.jenkins.plugins.mldelivery.core.table.ColumnType;
import org.junit.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the result says about an effect size's scale and its error: the unit it is on, the band a
 * sketch leaves, and a verdict the band could flip reported as near the threshold, never as certain.
 */
public class EffectNearThresholdTest {
    /** A normal column shifted by {@code shift} σ and a four-category column, profiled as validate does. */
    private static DatasetProfile profile(final long seed, final int rows, final double shift, final double[] shares) {
        SplittableRandom random = new SplittableRandom(seed);
        ColumnProfiler x = new ColumnProfiler("x", ColumnType.DECIMAL, seed);
        ColumnProfiler segment = ColumnProfiler.of("segment", ColumnType.STRING);
        for (int i = 0; i < rows; i++) {
            x.add(random.nextGaussian() + shift);
            double u = random.nextDouble();
            segment.add(u < shares[0] ? "a" : u < shares[0] + shares[1] ? "b" : u < shares[0] + shares[1] + shares[2] ? "c" : "d");
        }
        return DatasetProfile.of(null, rows, List.of(x.build(), segment.build()));
    }

    private static final double[] SHARES = {0.4, 0.3, 0.2, 0.1};

    @Test
    public void shouldReportASketchedEffectAtTheThresholdAsNearIt() {
        DriftReport report = ProfileDrift.compare(profile(1, 60_000, 0, SHARES), profile(2, 50_000, 0.1, SHARES),
                DriftPolicy.defaults());
        ColumnDrift x = report.column("x").orElseThrow();

        assertThat(x.method()).isEqualTo("ks-sketch");
        assertThat(x.effectUnit()).isEqualTo("reference-sd");
        assertThat(x.effectSizeErrorBand()).isBetween(0.01, 0.06);
        assertThat(x.effectSizeErrorBand()).isLessThan(x.effectSizeErrorBound());
        assertThat(Math.abs(x.effectSize() - x.threshold())).isLessThan(x.effectSizeErrorBand());
        assertThat(x.effectNearThreshold()).isTrue();
        assertThat(x.reason()).contains("with the threshold inside the effect's error band ±")
                .contains("the exact values could decide the size either way");
        assertThat(x.methodReason()).contains("Wasserstein from the sketches with the exact means, within ±");
        assertThat(ResultJson.toJson(report)).contains("\"effectNearThreshold\" : true");
    }

    @Test
    public void shouldNotReportAClearChangeOrAnExactComparisonAsNearTheThreshold() {
        ColumnDrift large = ProfileDrift.compare(profile(3, 60_000, 0, SHARES), profile(4, 50_000, 0.5, SHARES),
                DriftPolicy.defaults()).column("x").orElseThrow();
        assertThat(large.effectSizeErrorBand()).isPositive();
        assertThat(large.effectNearThreshold()).isFalse();
        assertThat(large.drifted()).isTrue();

        ColumnDrift exact = ProfileDrift.compare(profile(5, 5_000, 0, SHARES), profile(6, 4_000, 0.1, SHARES),
                DriftPolicy.defaults()).column("x").orElseThrow();
        assertThat(exact.method()).isEqualTo("ks-exact");
        assertThat(exact.effectSizeErrorBand()).isZero();
        assertThat(exact.effectNearThreshold()).isFalse();
    }

    @Test
    public void shouldPutTheJensenShannonDistanceOnEvidentlysNaturalLogScale() {
        // 10 percentage points moved between the two largest categories: 0.0847 in natural logarithms
        // (SciPy's jensenshannon default base, Evidently's scale), 0.1017 in base 2: below the 0.1 threshold.
        DriftReport report = ProfileDrift.compare(profile(7, 40_000, 0, SHARES),
                profile(8, 40_000, 0, new double[] {0.3, 0.4, 0.2, 0.1}), DriftPolicy.defaults());
        ColumnDrift segment = report.column("segment").orElseThrow();

        assertThat(segment.effectMeasure()).isEqualTo("jensen-shannon");
        assertThat(segment.effectUnit()).isEqualTo("natural-log");
        assertThat(segment.effectSize()).isCloseTo(0.0847, org.assertj.core.data.Offset.offset(0.004));
        assertThat(segment.pValueAdjusted()).isLessThan(1e-10);
        assertThat(segment.drifted()).isFalse();
    }
}

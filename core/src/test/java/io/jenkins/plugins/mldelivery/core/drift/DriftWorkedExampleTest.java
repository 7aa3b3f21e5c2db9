package io.jenkins.plugins.mldelivery.core.drift;

import io.jenkins.plugins.mldelivery.core.profile.ColumnProfiler;
import io.jenkins.plugins.mldelivery.core.profile.DatasetProfile;
import io.jenkins.plugins.mldelivery.core.table.ColumnType;
import org.junit.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked example of {@code docs/drift.md}: these profiles produce the summary and JSON shown there.
 */
public class DriftWorkedExampleTest {
    private static final String[] REGIONS = {"north", "south", "east", "west"};

    /** Age (integer), income (log-normal, 2% missing), region; the current side shifts age and region. */
    static DatasetProfile profile(final long seed, final int rows, final double ageShift, final double southShare) {
        SplittableRandom random = new SplittableRandom(seed);
        ColumnProfiler age = new ColumnProfiler("age", ColumnType.INTEGER, 1);
        ColumnProfiler income = new ColumnProfiler("income", ColumnType.DECIMAL, 1);
        ColumnProfiler region = ColumnProfiler.of("region", ColumnType.STRING);
        for (int i = 0; i < rows; i++) {
            age.add(Math.round(40 + ageShift + 12 * random.nextGaussian()));
            if (random.nextDouble() < 0.02) {
                income.addMissing(1);
            }
            else {
                income.add(Math.round(Math.exp(10.5 + 0.4 * random.nextGaussian())));
            }
            double u = random.nextDouble();
            region.add(u < southShare ? "south" : REGIONS[(int) (random.nextDouble() * 4)]);
        }
        return DatasetProfile.of(null, rows, List.of(age.build(), income.build(), region.build()));
    }

    static DriftReport example() {
        DriftPolicy policy = DriftPolicy.builder().chartBins(ChartBinning.EQUAL_WIDTH, 5)
                .column("region", ColumnPolicy.criticalColumn()).build();
        return ProfileDrift.compare(profile(1, 5000, 0, 0), profile(2, 4000, 4, 0.1), policy);
    }

    @Test
    public void shouldFlagTheOlderAgesButNotTheSignificantYetSmallRegionShift() {
        DriftReport report = example();

        assertThat(report.summary()).isEqualTo("No dataset drift: 1 of 3 compared columns drifted (33%; dataset drift at 50%)\n"
                + "  age: drifted: distribution (p_adj = 3.6e-32 ≤ 0.05, wasserstein = 0.306 ≥ 0.1)");
        ColumnDrift region = report.column("region").orElseThrow();
        assertThat(region.reason()).isEqualTo("no drift: distribution (p_adj = 2.9e-08 ≤ 0.05, jensen-shannon = 0.0469 < 0.1)");
        assertThat(report.column("income").orElseThrow().reason())
                .isEqualTo("no drift: distribution (p_adj = 0.287 > 0.05, wasserstein = 0.0313 < 0.1)");
    }
}

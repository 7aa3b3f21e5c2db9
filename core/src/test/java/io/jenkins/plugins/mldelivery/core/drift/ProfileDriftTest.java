package io.jenkins.plugins.mldelivery.core.drift;

import io.jenkins.plugins.mldelivery.core.profile.CategoryCounts;
import io.jenkins.plugins.mldelivery.core.profile.ColumnProfile;
import io.jenkins.plugins.mldelivery.core.profile.ColumnProfiler;
import io.jenkins.plugins.mldelivery.core.profile.DatasetProfile;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import io.jenkins.plugins.mldelivery.core.table.ColumnType;
import org.junit.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drift between dataset profiles, as the validate step computes it: exact while a profile keeps every
 * value, from its sketches beyond, and the same report from the same profiles, bit for bit.
 */
public class ProfileDriftTest {
    private static final String[] REGIONS = {"north", "south", "east", "west"};

    /** A table with an income (decimal), an age (integer), a region (string) and a flag (boolean). */
    private static DatasetProfile profile(final long seed, final int rows, final double incomeShift,
            final double southShare) {
        double[] income = ReferenceSamples.sample(seed, rows, 50 + incomeShift * 10, 10, null);
        double[] age = ReferenceSamples.sample(seed + 1, rows, 40, 12, 0);
        ColumnProfiler incomes = new ColumnProfiler("income", ColumnType.DECIMAL, 1);
        ColumnProfiler ages = new ColumnProfiler("age", ColumnType.INTEGER, 1);
        ColumnProfiler regions = ColumnProfiler.of("region", ColumnType.STRING);
        ColumnProfiler flags = ColumnProfiler.of("flag", ColumnType.BOOLEAN);
        for (int i = 0; i < rows; i++) {
            incomes.add(income[i]);
            ages.add(age[i]);
            double u = ReferenceSamples.uniform(seed + 2, i + 1);
            regions.add(u < southShare ? "south" : REGIONS[(int) (u * 1000) % 4]);
            if (i % 10 == 0) {
                flags.addMissing(1);
            }
            else {
                flags.add(u < 0.3 ? "true" : "false");
            }
        }
        List<ColumnProfile> columns = new ArrayList<>(List.of(incomes.build(), ages.build(), regions.build(), flags.build()));
        return DatasetProfile.of(null, rows, columns);
    }

    @Test
    public void shouldCompareTwoProfilesColumnByColumn() {
        DriftReport report = ProfileDrift.compare(profile(1, 3000, 0, 0), profile(100, 2500, 0.5, 0.4),
                DriftPolicy.defaults());

        assertThat(report.columns()).extracting(ColumnDrift::name).containsExactly("income", "age", "region", "flag");
        assertThat(report.columns()).extracting(ColumnDrift::type)
                .containsExactly("numeric", "numeric", "categorical", "categorical");
        assertThat(report.columns()).extracting(ColumnDrift::method)
                .containsExactly("ks-exact", "ks-exact", "chi-squared", "chi-squared");
        assertThat(report.columns()).extracting(ColumnDrift::drifted).containsExactly(true, false, true, false);
        assertThat(report.driftedShare()).isEqualTo(0.5);
        assertThat(report.datasetDrift()).isTrue();
        assertThat(report.column("flag").orElseThrow().missing().referenceShare()).isEqualTo(0.1);
    }

    @Test
    public void shouldUseTheSketchesOnceTheProfileNoLongerKeepsEveryValueAndStayDeterministic() {
        DatasetProfile reference = profile(7, 30_000, 0, 0);
        DatasetProfile current = profile(8, 25_000, 0.5, 0);

        DriftReport first = ProfileDrift.compare(reference, current, DriftPolicy.defaults());
        DriftReport second = ProfileDrift.compare(profile(7, 30_000, 0, 0), profile(8, 25_000, 0.5, 0),
                DriftPolicy.defaults());

        ColumnDrift income = first.column("income").orElseThrow();
        assertThat(income.method()).isEqualTo("ks-sketch");
        assertThat(income.methodReason()).contains("KLL sketch k=200 of 30000 values");
        assertThat(income.drifted()).isTrue();
        assertThat(first.column("age").orElseThrow().drifted()).isFalse();
        assertThat(ResultJson.toJson(first)).isEqualTo(ResultJson.toJson(second));
    }

    @Test
    public void shouldCompareSketchedCategoriesAndSayTheirCountsAreEstimates() {
        ColumnProfiler reference = ColumnProfiler.of("id", ColumnType.STRING);
        ColumnProfiler current = ColumnProfiler.of("id", ColumnType.STRING);
        // more distinct values than are counted exactly, and than the frequent-items sketch can hold without purging
        int values = Math.max(CategoryCounts.CAPACITY + 1, 2 * CategoryCounts.SKETCH_MAP_SIZE);
        long currentRows = 0;
        for (int i = 0; i < values; i++) {
            int frequent = i % 3 == 0 ? 1 : 3;
            reference.add("frequent", 3).add("rare-" + i);
            current.add("frequent", frequent).add("rare-" + (i + 50_000));
            currentRows += frequent + 1;
        }
        DatasetProfile left = DatasetProfile.of(null, 4L * values, List.of(reference.build()));
        DatasetProfile right = DatasetProfile.of(null, currentRows, List.of(current.build()));

        ColumnDrift column = ProfileDrift.compare(left, right, DriftPolicy.defaults()).column("id").orElseThrow();

        assertThat(column.methodReason()).contains("untracked values as one")
                .contains("counts estimated by a frequent-items sketch, each within ±");
        assertThat(column.histogram().categories()).contains("frequent", CategoricalComparison.OTHER);
    }

    @Test
    public void shouldNotFlagTwoSamplesOfTheSameManyValuedColumnThatWereSketched() {
        ColumnProfiler reference = ColumnProfiler.of("city", ColumnType.STRING);
        ColumnProfiler current = ColumnProfiler.of("city", ColumnType.STRING);
        java.util.Random random = new java.util.Random(3);
        int cities = 2 * CategoryCounts.CAPACITY;
        for (int i = 0; i < 100_000; i++) {
            reference.add(i % 10 == 0 ? "capital" : "city-" + random.nextInt(cities));
            current.add(i % 10 == 0 ? "capital" : "city-" + random.nextInt(cities));
        }
        DatasetProfile left = DatasetProfile.of(null, 100_000, List.of(reference.build()));
        DatasetProfile right = DatasetProfile.of(null, 100_000, List.of(current.build()));

        ColumnDrift column = ProfileDrift.compare(left, right, DriftPolicy.defaults()).column("city").orElseThrow();

        assertThat(left.column("city").orElseThrow().categories().isExact()).isFalse();
        assertThat(column.drifted()).isFalse();
        assertThat(column.effectSize()).isLessThan(0.01);
        assertThat(column.histogram().categories()).contains("capital");
    }

    @Test
    public void shouldFlagAFrequentValueOfASketchedColumnWhoseShareDoubles() {
        ColumnProfiler reference = ColumnProfiler.of("city", ColumnType.STRING);
        ColumnProfiler current = ColumnProfiler.of("city", ColumnType.STRING);
        java.util.Random random = new java.util.Random(5);
        int cities = 2 * CategoryCounts.CAPACITY;
        for (int i = 0; i < 100_000; i++) {
            reference.add(i % 10 == 0 ? "capital" : "city-" + random.nextInt(cities));
            current.add(i % 10 < 3 ? "capital" : "city-" + random.nextInt(cities));
        }
        DatasetProfile left = DatasetProfile.of(null, 100_000, List.of(reference.build()));
        DatasetProfile right = DatasetProfile.of(null, 100_000, List.of(current.build()));

        ColumnDrift column = ProfileDrift.compare(left, right, DriftPolicy.defaults()).column("city").orElseThrow();

        assertThat(column.drifted()).isTrue();
    }
}

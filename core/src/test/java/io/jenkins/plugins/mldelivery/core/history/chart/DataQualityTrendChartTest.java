package io.jenkins.plugins.mldelivery.core.history.chart;

import edu.hm.hafner.echarts.line.LineSeries;
import edu.hm.hafner.echarts.line.LinesChartModel;
import io.jenkins.plugins.mldelivery.core.history.TrendWindow;
import io.jenkins.plugins.mldelivery.core.report.ReportFixtures;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

public class DataQualityTrendChartTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private TrendWindow fourBuilds() {
        return TrendWindow.of(ReportFixtures.fourBuilds(folder.getRoot().toPath()));
    }

    @Test
    public void shouldDrawRowsReadPerBuildOnAnIntegerAxisFromZero() {
        LinesChartModel rows = DataQualityTrendChart.rows(fourBuilds());

        assertThat(rows.getSeries()).hasSize(1);
        assertThat(rows.getSeries().get(0).getData()).containsExactly(4800.0, 5000.0, 5200.0, 5000.0);
        assertThat(rows.isIntegerRangeAxis()).isTrue();
        assertThat(rows.getRangeMin()).isEqualTo(0.0);
    }

    @Test
    public void shouldDrawViolationsAndDriftedFeaturesPerBuild() {
        LinesChartModel issues = DataQualityTrendChart.issues(fourBuilds());

        assertThat(issues.getSeries()).extracting(LineSeries::getName).containsExactly("violations", "drifted features");
        assertThat(issues.getSeries().get(1).getData()).containsExactly(0.0, 0.0, 0.0, 2.0);
    }

    @Test
    public void shouldLeaveOutColumnsThatNeverMissedAValue() {
        LinesChartModel missing = DataQualityTrendChart.missingRates(fourBuilds(), 10);

        assertThat(missing.getSeries()).extracting(LineSeries::getName)
                .containsExactly("employment_type", "income", "years_employed", "debt_ratio", "region");
    }

    @Test
    public void shouldDrawTheColumnsThatMissTheMostAsPercentages() {
        LinesChartModel missing = DataQualityTrendChart.missingRates(fourBuilds(), 3);

        assertThat(missing.getSeries()).extracting(LineSeries::getName).containsExactly("employment_type", "income", "years_employed");
        // 35 of 4800, 70 of 5000, 105 of 5200 and 140 of 5000 rows miss employment_type
        assertThat(missing.getSeries().get(0).getData()).satisfiesExactly(
                p -> assertThat(p).isCloseTo(100.0 * 35 / 4800, within(1e-9)),
                p -> assertThat(p).isCloseTo(1.4, within(1e-9)),
                p -> assertThat(p).isCloseTo(100.0 * 105 / 5200, within(1e-9)),
                p -> assertThat(p).isCloseTo(2.8, within(1e-9)));
        assertThat(missing.isIntegerRangeAxis()).isFalse();
    }
}

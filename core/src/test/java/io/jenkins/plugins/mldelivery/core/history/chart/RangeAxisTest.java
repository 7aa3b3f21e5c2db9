package io.jenkins.plugins.mldelivery.core.history.chart;

import edu.hm.hafner.echarts.line.LinesChartModel;
import org.junit.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

public class RangeAxisTest {
    private static LinesChartModel covering(final Double floor, final Double... values) {
        LinesChartModel model = new LinesChartModel();
        model.useContinuousRangeAxis();
        RangeAxis.cover(model, Arrays.asList(values), floor);
        return model;
    }

    @Test
    public void shouldEndOnRoundValuesAroundTheDataAndThresholds() {
        LinesChartModel accuracy = covering(0.0, 0.8433, 0.8775, 0.82);

        assertThat(accuracy.getRangeMin()).isEqualTo(0.8);
        assertThat(accuracy.getRangeMax()).isEqualTo(0.9);
        assertThat(RangeAxis.interval(accuracy.getRangeMin(), accuracy.getRangeMax())).isEqualTo(0.02);
    }

    @Test
    public void shouldNotGoBelowTheFloorForValuesAboveIt() {
        LinesChartModel rates = covering(0.0, 0.0, 2.8, null);

        assertThat(rates.getRangeMin()).isEqualTo(0.0);
        assertThat(rates.getRangeMax()).isEqualTo(3.0);
    }

    @Test
    public void shouldLeaveTheRangeAloneWithoutValuesAndWidenASingleValue() {
        assertThat(covering(null).getRangeMin()).isNull();
        LinesChartModel single = covering(null, 0.5);
        assertThat(single.getRangeMin()).isLessThan(0.5);
        assertThat(single.getRangeMax()).isGreaterThan(0.5);
    }

    @Test
    public void shouldKeepAnIntegerAxisFreeOfFractionalTicks() {
        LinesChartModel counts = new LinesChartModel();
        RangeAxis.cover(counts, Arrays.asList(0.0, 2.0), 0.0);

        assertThat(counts.getRangeMin()).isEqualTo(0.0);
        assertThat(counts.getRangeMax()).isEqualTo(3.0);
        assertThat(RangeAxis.interval(counts.getRangeMin(), counts.getRangeMax())).isEqualTo(1.0);
    }

    @Test
    public void shouldFindARoundTickStepThatDividesBothEnds() {
        assertThat(RangeAxis.interval(0, 6000)).isEqualTo(2000.0);
        assertThat(RangeAxis.interval(0, 5300)).isNull(); // only 100 divides both ends, and 53 ticks are too many
        assertThat(RangeAxis.interval(30, 45)).isEqualTo(5.0);
        assertThat(RangeAxis.interval(1, 1)).isNull();
        assertThat(RangeAxis.roundStep(0.013)).isEqualTo(0.02);
        assertThat(RangeAxis.roundStep(3.2)).isEqualTo(5.0);
    }
}

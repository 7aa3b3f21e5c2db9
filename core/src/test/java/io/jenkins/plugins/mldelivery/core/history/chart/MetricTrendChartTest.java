package io.jenkins.plugins.mldelivery.core.history.chart;

import com.fasterxml.jackson.databind.JsonNode;
import edu.hm.hafner.echarts.line.LineSeries;
import edu.hm.hafner.echarts.line.LinesChartModel;
import io.jenkins.plugins.mldelivery.core.history.BuildRecord;
import io.jenkins.plugins.mldelivery.core.history.GateSummary;
import io.jenkins.plugins.mldelivery.core.result.GateRecord;
import io.jenkins.plugins.mldelivery.core.history.TrendWindow;
import io.jenkins.plugins.mldelivery.core.report.ReportFixtures;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import io.jenkins.plugins.mldelivery.core.result.Status;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

public class MetricTrendChartTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private TrendWindow fourBuilds() {
        return TrendWindow.of(ReportFixtures.fourBuilds(folder.getRoot().toPath()));
    }

    @Test
    public void shouldDrawOneChartPerMetricWithItsSlicesOnTheSameScale() {
        TrendWindow window = fourBuilds();

        assertThat(MetricTrendChart.groups(window))
                .containsExactly("accuracy", "f1", "latency_p95_ms", "logloss", "precision", "recall", "roc_auc");
        LinesChartModel accuracy = MetricTrendChart.create(window, "accuracy");
        assertThat(accuracy.getDomainAxisLabels()).containsExactly("#1", "#2", "#3", "#4");
        assertThat(accuracy.getBuildNumbers()).containsExactly(1, 2, 3, 4);
        assertThat(accuracy.getSeries()).extracting(LineSeries::getName)
                .containsExactly("accuracy", "accuracy[gender=F]", "accuracy[gender=M]");
        assertThat(accuracy.isIntegerRangeAxis()).isFalse();
    }

    @Test
    public void shouldLeaveAGapWhereABuildLacksTheMetricInsteadOfDrawingZero() {
        LinesChartModel accuracy = MetricTrendChart.create(fourBuilds(), "accuracy");

        assertThat(accuracy.getSeries().get(0).getData()).containsExactly(0.8512, 0.8621, 0.865, 0.8734);
        assertThat(accuracy.getSeries().get(1).getData()).containsExactly(0.8433, null, 0.8602, 0.8691);
    }

    @Test
    public void shouldMarkTheNewestBuildsGateThresholdsAsNamedLinesOnTheirMetric() {
        LinesChartModel accuracy = MetricTrendChart.create(fourBuilds(), "accuracy");

        ThresholdLineSeries overall = (ThresholdLineSeries) accuracy.getSeries().get(0);
        ThresholdLineSeries female = (ThresholdLineSeries) accuracy.getSeries().get(1);
        ThresholdLineSeries male = (ThresholdLineSeries) accuracy.getSeries().get(2);
        assertThat(overall.thresholds()).containsExactly(new ThresholdLineSeries.Threshold("accuracy >= 0.85", 0.85));
        assertThat(female.thresholds()).containsExactly(new ThresholdLineSeries.Threshold("accuracy[gender=F] >= 0.82", 0.82));
        assertThat(male.thresholds()).isEmpty();
        assertThat(male.getMarkLine()).isNull();
    }

    @Test
    public void shouldKeepEveryThresholdInsideTheVisibleRange() {
        LinesChartModel accuracy = MetricTrendChart.create(fourBuilds(), "accuracy");

        // the lowest value is 0.8433, the lowest threshold 0.82: an automatic range would hide the line
        assertThat(accuracy.getRangeMin()).isLessThan(0.82).isGreaterThan(0.78);
        assertThat(accuracy.getRangeMax()).isGreaterThan(0.8775).isLessThanOrEqualTo(0.9);
    }

    @Test
    public void shouldSerialiseForEchartsApiWithTheMarkLineInsideTheSeries() throws Exception {
        LinesChartModel latency = MetricTrendChart.create(fourBuilds(), "latency_p95_ms");

        JsonNode json = ResultJson.mapper().readTree(LineChartOption.modelJson(latency));

        assertThat(json.path("domainAxisLabels")).hasSize(4);
        JsonNode series = json.path("series").get(0);
        assertThat(series.path("name").asText()).isEqualTo("latency_p95_ms");
        assertThat(series.path("type").asText()).isEqualTo("line");
        assertThat(series.path("connectNulls").asBoolean(true)).isFalse();
        assertThat(series.path("markLine").path("data").get(0).path("yAxis").asDouble()).isEqualTo(40.0);
        assertThat(series.path("markLine").path("data").get(0).path("name").asText()).isEqualTo("latency_p95_ms <= 40");
        assertThat(series.path("markLine").path("lineStyle").path("type").asText()).isEqualTo("dashed");
    }

    @Test
    public void shouldTurnTheModelIntoTheOptionEchartsApiWouldMake() {
        LinesChartModel f1 = MetricTrendChart.create(fourBuilds(), "f1");

        JsonNode option = LineChartOption.of(f1).toOption();

        assertThat(option.path("xAxis").get(0).path("type").asText()).isEqualTo("category");
        assertThat(Arrays.asList(option.path("xAxis").get(0).path("data").get(0).asText(),
                option.path("xAxis").get(0).path("data").get(3).asText())).containsExactly("#1", "#4");
        assertThat(option.path("yAxis").get(0).path("min").asDouble()).isEqualTo(f1.getRangeMin());
        assertThat(option.path("yAxis").get(0).has("minInterval")).isFalse();
        assertThat(option.path("series").get(0).path("data")).hasSize(4);
        assertThat(option.path("tooltip").path("renderMode").asText()).isEqualTo("richText");
    }

    @Test
    public void shouldNameTheGroupOfASliceMetric() {
        assertThat(MetricTrendChart.groupOf("accuracy[gender=F]")).isEqualTo("accuracy");
        assertThat(MetricTrendChart.groupOf("f1")).isEqualTo("f1");
    }

    @Test
    public void shouldShowTheMetricTheNewestGateJudgedFirstWhenThereIsRoomForOneTrend() {
        BuildRecord older = record(1, Map.of("accuracy", 0.85, "f1", 0.70), null);
        BuildRecord newest = record(2, Map.of("accuracy", 0.86, "f1", 0.72, "latency_p95_ms", 9.0),
                new GateSummary("PASSED", List.of(
                        new GateRecord.Rule("max_gap(accuracy, by=gender) <= 0.05", null, 0.01, 0.05, true, false, null, null, null),
                        new GateRecord.Rule("f1[gender=F] >= champion.f1 - 0.01", "f1[gender=F]", 0.72, 0.70, true, false, null, null, null))));

        assertThat(MetricTrendChart.mainGroup(TrendWindow.of(List.of(newest, older)))).contains("f1");
        assertThat(MetricTrendChart.mainGroup(TrendWindow.of(List.of(older)))).as("without a gate, the first metric")
                .contains("accuracy");
        assertThat(MetricTrendChart.mainGroup(TrendWindow.of(List.of(record(3, Map.of(), null))))).isEmpty();
    }

    @Test
    public void shouldNotHoldTheTrainingMetricToAThresholdTheGateSetOnAnotherValue() {
        // training reported roc_auc 0.933; the gate scored the holdout (0.927) and held that to champion - 0.01
        BuildRecord older = record(1, Map.of("roc_auc", 0.930), gate("roc_auc", 0.925, 0.90));
        BuildRecord newest = record(2, Map.of("roc_auc", 0.933), gate("roc_auc", 0.927, 0.916));

        JsonNode series = LineChartOption.of(MetricTrendChart.create(TrendWindow.of(List.of(newest, older)), "roc_auc"))
                .toOption().path("series");

        assertThat(series).hasSize(2);
        assertThat(series.get(0).path("name").asText()).isEqualTo("roc_auc (training)");
        assertThat(series.get(0).path("markLine").path("data")).isEmpty();
        assertThat(series.get(1).path("name").asText()).isEqualTo("roc_auc (as gated)");
        assertThat(series.get(1).path("data").get(1).asDouble()).isEqualTo(0.927);
        assertThat(series.get(1).path("markLine").path("data").get(0).path("yAxis").asDouble()).isEqualTo(0.916);
    }

    @Test
    public void shouldKeepOneSeriesWhenTheGateJudgedTheTrainingMetricItself() {
        BuildRecord newest = record(2, Map.of("roc_auc", 0.933), gate("roc_auc", 0.933, 0.916));

        JsonNode series = LineChartOption.of(MetricTrendChart.create(TrendWindow.of(List.of(newest)), "roc_auc"))
                .toOption().path("series");

        assertThat(series).hasSize(1);
        assertThat(series.get(0).path("name").asText()).isEqualTo("roc_auc");
        assertThat(series.get(0).path("markLine").path("data").get(0).path("yAxis").asDouble()).isEqualTo(0.916);
    }

    private static GateSummary gate(final String metric, final double judged, final double threshold) {
        return new GateSummary("PASSED", List.of(new GateRecord.Rule(metric + " >= champion." + metric + " - 0.01", metric, judged,
                threshold, true, false, null, "PASSED", null)));
    }

    private static BuildRecord record(final int build, final Map<String, Double> metrics, final GateSummary gate) {
        return new BuildRecord(build, "#" + build, null, Status.PASSED, "digest-" + build, new TreeMap<>(metrics), null, null,
                gate, List.of(), null, null, null);
    }
}

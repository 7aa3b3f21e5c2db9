package io.jenkins.plugins.mldelivery.core.history.chart;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.result.ValidateRecord;
import io.jenkins.plugins.mldelivery.core.history.FeatureDrift;
import io.jenkins.plugins.mldelivery.core.report.ReportFixtures;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import org.junit.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

public class DriftChartTest {
    private static final ValidateRecord.Drift DRIFT = io.jenkins.plugins.mldelivery.core.result.ResultJson.mapper()
            .convertValue(ReportFixtures.result("validate.json").path("drift"), ValidateRecord.Drift.class);

    @Test
    public void shouldPutTheMostDriftedFeaturesOnTopAndLeaveOutTheLeastBeyondTheLimit() {
        DriftChart chart = DriftChart.of(DRIFT, 4);

        assertThat(chart.features()).extracting(FeatureDrift::name)
                .containsExactly("debt_ratio", "income", "employment_type", "credit_history_months");
        assertThat(chart.omitted()).isEqualTo(6);
        JsonNode option = chart.toOption();
        assertThat(option.path("yAxis").path("inverse").asBoolean()).isTrue();
        assertThat(option.path("title").path("text").asText()).isEqualTo("6 less drifted features not shown");
    }

    @Test
    public void shouldDrawDriftedFeaturesHatchedAndLabelledNotOnlyInAnotherColour() {
        JsonNode series = DriftChart.of(DRIFT, 30).toOption().path("series");

        JsonNode stable = series.get(0);
        JsonNode drifted = series.get(1);
        assertThat(stable.path("name").asText()).isEqualTo("not drifted");
        assertThat(drifted.path("name").asText()).isEqualTo("drifted");
        assertThat(drifted.path("itemStyle").path("decal").isObject()).isTrue();
        assertThat(drifted.path("label").path("formatter").asText()).isEqualTo("drifted");
        // debt_ratio and income are drifted: their bars are in the drifted series only
        assertThat(drifted.path("data").get(0).asDouble()).isEqualTo(DRIFT.columns().get(4).effectSize());
        assertThat(stable.path("data").get(0).isNull()).isTrue();
        assertThat(drifted.path("data").get(2).isNull()).isTrue();
    }

    @Test
    public void shouldMarkEachFeaturesThresholdAtItsBar() {
        JsonNode ticks = DriftChart.of(DRIFT, 30).toOption().path("series").get(2);

        assertThat(ticks.path("type").asText()).isEqualTo("scatter");
        assertThat(ticks.path("data")).hasSize(10);
        assertThat(ticks.path("data").get(0).get(0).asDouble()).isEqualTo(0.1);
        assertThat(ticks.path("data").get(0).get(1).asText()).isEqualTo("debt_ratio");
    }

    @Test
    public void shouldSerialiseToItsEchartsOptionAndGrowWithTheNumberOfFeatures() throws Exception {
        DriftChart chart = DriftChart.of(DRIFT, 30);

        assertThat(ResultJson.mapper().readTree(ResultJson.toJson(chart))).isEqualTo(chart.toOption());
        assertThat(ResultJson.mapper().readTree(chart.toJson())).isEqualTo(chart.toOption());
        assertThat(chart.suggestedHeight()).isGreaterThan(DriftChart.of(DRIFT, 3).suggestedHeight());
        assertThat(DriftChart.of(List.of(), 30).toOption().path("series").get(0).path("data")).isEmpty();
    }
}

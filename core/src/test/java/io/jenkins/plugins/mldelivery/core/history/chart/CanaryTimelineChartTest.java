package io.jenkins.plugins.mldelivery.core.history.chart;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.report.ReportFixtures;
import org.junit.Test;

import static org.assertj.core.api.Assertions.assertThat;

public class CanaryTimelineChartTest {
    private static final CanaryTimelineChart CHART = CanaryTimelineChart.of(canary(ReportFixtures.result("canary.json")));

    @Test
    public void shouldReadEveryStepOfTheRollout() {
        assertThat(CHART.decision()).isEqualTo("PROMOTED");
        assertThat(CHART.steps()).hasSize(5);
        assertThat(CHART.steps().get(2)).isEqualTo(new CanaryTimelineChart.Step(50.0, 85.0, "INCONCLUSIVE"));
    }

    @Test
    public void shouldDrawTrafficAsBarsAndTheScoreAsALineOnItsOwnAxis() {
        JsonNode option = CHART.toOption();

        assertThat(option.path("title").path("text").asText()).isEqualTo("Decision: PROMOTED");
        assertThat(option.path("xAxis").path("data").get(0).asText()).isEqualTo("1 · 5%");
        assertThat(option.path("yAxis")).hasSize(2);
        assertThat(option.path("yAxis").get(1).path("max").asDouble()).isEqualTo(100.0);
        JsonNode weights = option.path("series").get(0);
        JsonNode scores = option.path("series").get(1);
        assertThat(weights.path("type").asText()).isEqualTo("bar");
        assertThat(weights.path("data").get(4).asDouble()).isEqualTo(100.0);
        assertThat(scores.path("yAxisIndex").asInt()).isEqualTo(1);
    }

    @Test
    public void shouldShowEachStepsDecisionByShapeAndWordNotOnlyByColour() {
        JsonNode points = CHART.toOption().path("series").get(1).path("data");

        assertThat(points.get(0).path("symbol").asText()).isEqualTo("circle");
        assertThat(points.get(2).path("symbol").asText()).isEqualTo("diamond");
        assertThat(points.get(2).path("label").path("formatter").asText()).isEqualTo("INCONCLUSIVE");
        assertThat(points.get(4).path("label").path("formatter").asText()).isEqualTo("PASS");
        JsonNode rollback = CanaryTimelineChart.of(canary(ReportFixtures.result("canary.json").put("decision", "ROLLED_BACK")))
                .toOption();
        assertThat(rollback.path("title").path("text").asText()).isEqualTo("Decision: ROLLED_BACK");
        JsonNode rolledBack = new CanaryTimelineChart("ROLLED_BACK",
                java.util.List.of(new CanaryTimelineChart.Step(5.0, 20.0, "FAIL"))).toOption().path("series").get(1).path("data").get(0);
        assertThat(rolledBack.path("symbol").asText()).isEqualTo("triangle");
        assertThat(rolledBack.path("symbolRotate").asInt()).isEqualTo(180);
    }

    private static io.jenkins.plugins.mldelivery.core.result.CanaryRecord canary(final JsonNode json) {
        return io.jenkins.plugins.mldelivery.core.result.StepRecords.of("canary.json", json,
                io.jenkins.plugins.mldelivery.core.result.CanaryRecord.class);
    }
}

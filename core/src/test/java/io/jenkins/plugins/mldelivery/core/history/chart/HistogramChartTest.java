package io.jenkins.plugins.mldelivery.core.history.chart;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.result.ValidateRecord;
import io.jenkins.plugins.mldelivery.core.report.ReportFixtures;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import org.junit.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

public class HistogramChartTest {
    private static final JsonNode COLUMNS = ReportFixtures.result("validate.json").path("drift").path("columns");

    private static ValidateRecord.Column column(final String name) {
        for (JsonNode column : COLUMNS) {
            if (column.path("name").asText().equals(name)) {
                return column(column);
            }
        }
        throw new AssertionError(name);
    }

    private static ValidateRecord.Column column(final JsonNode json) {
        return ResultJson.mapper().convertValue(json, ValidateRecord.Column.class);
    }

    @Test
    public void shouldLabelNumericBinsByTheirSharedEdgesAndCompareSharesNotCounts() throws Exception {
        HistogramChart income = HistogramChart.of(column("income")).orElseThrow();

        assertThat(income.feature()).isEqualTo("income");
        assertThat(income.drifted()).isTrue();
        assertThat(income.bins()).hasSize(10);
        assertThat(income.bins().get(9)).endsWith("]");
        assertThat(income.bins().get(0)).startsWith("[").endsWith(")");
        // bins are the reference's deciles: each holds a tenth of the reference
        assertThat(income.reference()).allSatisfy(share -> assertThat(share).isCloseTo(10.0, within(0.2)));
        assertThat(income.current().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(100.0, within(1e-9));
        // income rose: the current batch has less than a tenth in the lowest decile
        assertThat(income.current().get(0)).isLessThan(8.0);
    }

    @Test
    public void shouldUseTheCategoriesOfACategoricalFeatureAsBins() {
        HistogramChart employment = HistogramChart.of(column("employment_type")).orElseThrow();

        assertThat(employment.bins()).containsExactly("salaried", "self_employed", "unemployed");
        assertThat(employment.reference().get(0)).isCloseTo(70.0, within(1.5));
        assertThat(employment.current().get(0)).isCloseTo(58.0, within(2.0));
    }

    @Test
    public void shouldDrawReferenceAndCurrentAsBarsOnTheSameCategoryAxis() {
        JsonNode option = HistogramChart.of(column("debt_ratio")).orElseThrow().toOption();

        assertThat(option.path("xAxis").path("data")).hasSize(10);
        assertThat(option.path("series")).hasSize(2);
        assertThat(option.path("series").get(0).path("name").asText()).isEqualTo("reference");
        assertThat(option.path("series").get(1).path("name").asText()).isEqualTo("current");
        assertThat(option.path("series").get(1).path("itemStyle").path("decal").isObject()).isTrue();
        assertThat(option.path("yAxis").path("name").asText()).isEqualTo("% of rows");
    }

    @Test
    public void shouldSkipColumnsWithoutAHistogramOrWithMismatchedBins() throws Exception {
        assertThat(HistogramChart.of(column(ResultJson.mapper().readTree("{\"name\":\"x\"}")))).isEmpty();
        assertThat(HistogramChart.of(column(ResultJson.mapper().readTree(
                "{\"name\":\"x\",\"histogram\":{\"edges\":[0,1],\"reference\":[1,2],\"current\":[1,2]}}")))).isEmpty();
        assertThatThrownBy(() -> new HistogramChart("x", false, List.of("a"), List.of(1.0, 2.0), List.of(1.0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package io.jenkins.plugins.mldelivery.core.drift;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import nl.jqno.equalsverifier.EqualsVerifier;
import nl.jqno.equalsverifier.Warning;
import org.junit.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code drift} object of the validate result: the fields the plugin, the report and users'
 * scripts rely on, identical on every run, and readable back.
 */
public class DriftReportJsonTest {
    private static DriftReport report() {
        Map<String, ColumnDistribution> reference = new LinkedHashMap<>();
        Map<String, ColumnDistribution> current = new LinkedHashMap<>();
        reference.put("income", NumericDistribution.ofValues(ReferenceSamples.sample(1, 800, 0, 1, null), 8));
        current.put("income", NumericDistribution.ofValues(ReferenceSamples.sample(2, 700, 0.5, 1, null), 70));
        reference.put("region", CategoricalDistribution.of(Map.of("north", 50L, "south", 30L), 0));
        current.put("region", CategoricalDistribution.of(Map.of("north", 45L, "south", 35L), 0));
        return DriftAnalysis.compare(reference, current, DriftPolicy.defaults());
    }

    @Test
    public void shouldWriteTheContractFieldsOfEveryColumn() throws Exception {
        JsonNode drift = ResultJson.mapper().readTree(ResultJson.toJson(report()));

        assertThat(drift.get("datasetDrift").isBoolean()).isTrue();
        assertThat(drift.get("driftedShare").asDouble()).isEqualTo(0.5);
        assertThat(drift.get("columns")).hasSize(2);
        for (JsonNode column : drift.get("columns")) {
            assertThat(column.fieldNames()).toIterable().contains("name", "type", "method", "statistic", "pValue",
                    "pValueAdjusted", "effectSize", "threshold", "drifted", "effectMeasure", "reason", "histogram",
                    "missing");
            JsonNode histogram = column.get("histogram");
            assertThat(histogram.get("reference").size()).isEqualTo(histogram.get("current").size()).isPositive();
        }
        JsonNode income = drift.get("columns").get(0);
        assertThat(income.get("method").asText()).isEqualTo("ks-exact");
        assertThat(income.get("histogram").get("edges")).hasSize(21);
        assertThat(income.get("missing").get("currentShare").asDouble()).isEqualTo(70.0 / 770);
    }

    @Test
    public void shouldWriteTheSameBytesOnEveryRunAndReadThemBack() throws Exception {
        String json = ResultJson.toJson(report());

        assertThat(ResultJson.toJson(report())).isEqualTo(json);
        assertThat(ResultJson.mapper().readValue(json, DriftReport.class)).isEqualTo(report());
    }

    @Test
    public void shouldGiveEachSideAHistogramOnTheSameBinsThatSumsToOne() {
        for (ChartBinning binning : ChartBinning.values()) {
            DriftPolicy policy = DriftPolicy.builder().chartBins(binning, 12).build();
            ColumnDrift income = DriftAnalysis.compare(
                    Map.of("x", NumericDistribution.ofValues(ReferenceSamples.sample(3, 500, 0, 1, null), 0)),
                    Map.of("x", NumericDistribution.ofValues(ReferenceSamples.sample(4, 400, 2, 1, null), 0)), policy)
                    .column("x").orElseThrow();
            SharedHistogram histogram = income.histogram();

            assertThat(histogram.binning()).isEqualTo(binning.label());
            assertThat(histogram.edges()).isSorted().hasSize(binning == ChartBinning.EQUAL_WIDTH ? 13 : 11);
            assertThat(histogram.reference().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-12));
            assertThat(histogram.current().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-12));
        }
    }

    @Test
    public void shouldBeValueObjects() {
        // ColumnPolicy, MissingShareDrift, ColumnDrift and SharedHistogram are records too, but they reject
        // the NaN or mismatched lists EqualsVerifier builds them with; their equals is the compiler's.
        EqualsVerifier.forClass(NumericDistribution.class).verify();
        EqualsVerifier.forClass(CategoricalDistribution.class).suppress(Warning.NULL_FIELDS).verify();
        EqualsVerifier.forClass(ColumnCounts.class).verify();
        EqualsVerifier.forClass(DriftReport.class).suppress(Warning.NULL_FIELDS)
                .withPrefabValues(ColumnDrift.class, ColumnDrift.notCompared("a", "numeric", false, "why", null, null),
                        ColumnDrift.notCompared("b", "numeric", true, "why not", null, null))
                .verify();
    }
}

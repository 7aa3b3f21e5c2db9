package io.jenkins.plugins.mldelivery.core.result;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import org.junit.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one reader of step results: tolerant of new fields, strict about the ones it relies on. */
public class StepRecordsTest {
    private static JsonNode json(final String text) throws Exception {
        return ResultJson.mapper().readTree(text);
    }

    @Test
    public void shouldIgnoreFieldsANewerVersionAdded() throws Exception {
        TrainRecord train = StepRecords.of("train.json", json("""
                {"step": "train", "status": "PASSED", "formatVersion": 7, "metrics": {"auc": 0.9}, "quantumFlux": {"a": 1}}
                """), TrainRecord.class);

        assertThat(train.metrics()).containsEntry("auc", 0.9);
        assertThat(train.formatVersion()).isEqualTo(7);
    }

    @Test
    public void shouldRefuseATextMetricNamingTheFileAndField() {
        assertThatThrownBy(() -> StepRecords.of("run/train.json", json("""
                {"step": "train", "status": "PASSED", "metrics": {"auc": "high"}}
                """))).isInstanceOf(BadInputException.class)
                .hasMessage("run/train.json: field 'metrics.auc': expected a number, found \"high\"");
    }

    @Test
    public void shouldRefuseNullMetrics() {
        assertThatThrownBy(() -> StepRecords.of("train.json", json("""
                {"step": "train", "status": "PASSED", "metrics": null}
                """))).isInstanceOf(BadInputException.class)
                .hasMessage("train.json: field 'metrics': must not be null");
    }

    @Test
    public void shouldRefuseStepsThatAreNotAList() {
        assertThatThrownBy(() -> StepRecords.of("canary.json", json("""
                {"step": "canary", "status": "PASSED", "decision": "PROMOTED", "steps": "many"}
                """))).isInstanceOf(BadInputException.class)
                .hasMessage("canary.json: field 'steps': expected a list, found text");
    }

    @Test
    public void shouldNameTheMissingFieldWithItsPath() {
        assertThatThrownBy(() -> StepRecords.of("gate.json", json("""
                {"step": "gate", "status": "PASSED", "verdict": "PASSED", "rules": [{"left": 1}]}
                """))).isInstanceOf(BadInputException.class)
                .hasMessage("gate.json: missing required field 'rules[0].rule'");
    }

    @Test
    public void shouldRefuseAnUnknownStatus() {
        assertThatThrownBy(() -> StepRecords.of("gate.json", json("""
                {"step": "gate", "status": "GREAT", "verdict": "PASSED"}
                """))).isInstanceOf(BadInputException.class)
                .hasMessage("gate.json: field 'status': expected one of [PASSED, WARNING, FAILED], found \"GREAT\"");
    }

    @Test
    public void shouldSayARefusedPromotionMovedNothing() throws Exception {
        PromoteRecord refused = StepRecords.of("promote.json", json("""
                {"step": "promote", "status": "FAILED", "model": "credit-risk", "version": null, "alias": "champion",
                 "previousVersion": 1, "promoted": false, "refusal": "the gate FAILED"}
                """), PromoteRecord.class);

        assertThat(refused.moved()).isFalse();
        assertThat(refused.aliasMove()).isEmpty();
    }

    @Test
    public void shouldSkipResultsOfStepsWithoutARecord() throws Exception {
        assertThat(StepRecords.of("list.json", json("{\"step\": \"list\", \"status\": \"PASSED\"}"))).isEmpty();
    }

    @Test
    public void shouldDescribeJacksonFailuresWithoutItsInternals() {
        assertThat(JsonProblem.scrub("Cannot construct instance of `io.jenkins.plugins.mldelivery.core.profile.DatasetProfile`, "
                + "problem: rows must not be negative\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); "
                + "line: 1, column: 12] (through reference chain: x[\"rows\"])")).isEqualTo("rows must not be negative");
        assertThat(JsonProblem.scrub("Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow"))
                .isEqualTo("'NaN' is not a JSON number (write a finite number, or null where a value may be missing)");
    }

    @Test
    public void shouldRewordJacksonMessagesMadeElsewhereInPlainWords() {
        assertThat(JsonProblem.scrub("p.json:1:13: Cannot deserialize value of type `java.util.ArrayList<io.jenkins.plugins.mldelivery"
                + ".core.profile.ColumnProfile>` from Integer value (token `JsonToken.VALUE_NUMBER_INT`)"))
                .isEqualTo("p.json:1:13: expected a list, found a number");
        assertThat(JsonProblem.scrub("s.json: Cannot coerce String value (\"x\") to `java.lang.Double` value "
                + "(but might if coercion using `CoercionConfig` was enabled)")).isEqualTo("s.json: expected a number, found \"x\"");
        assertThat(JsonProblem.scrub("schema.json: Unrecognized field \"colums\" (class io.jenkins.plugins.mldelivery.core.validation.Schema), "
                + "not marked as ignorable (2 known properties: \"columns\", \"rules\"])")).startsWith("schema.json: unknown field 'colums'");
        assertThat(JsonProblem.scrub("x.json: Missing required creator property 'name' (index 0)"))
                .isEqualTo("x.json: missing required field 'name'");
    }
}

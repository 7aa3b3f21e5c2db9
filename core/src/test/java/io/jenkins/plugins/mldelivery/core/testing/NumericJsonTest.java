package io.jenkins.plugins.mldelivery.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.Test;

import static org.assertj.core.api.Assertions.assertThat;

public class NumericJsonTest {
    private static final NumericJson TOLERANCE = NumericJson.within(1e-12, 1e-300);

    @Test
    public void shouldAcceptTheLastDigitsThatDifferBetweenMachines() throws Exception {
        assertThat(TOLERANCE.differences(json("{\"p\": [0.38305870441645384, 1e-320]}"),
                json("{\"p\": [0.38305870441645373, 0.0]}"))).isEmpty();
    }

    @Test
    public void shouldReportAValueThatReallyChangedWithItsPath() throws Exception {
        assertThat(TOLERANCE.differences(json("{\"ks\": [{\"pValue\": 0.3831}]}"), json("{\"ks\": [{\"pValue\": 0.3830}]}")))
                .singleElement().asString().startsWith("$.ks[0].pValue: expected 0.383, found 0.3831");
    }

    @Test
    public void shouldReportMissingFieldsChangedTextAndChangedLengths() throws Exception {
        assertThat(TOLERANCE.differences(json("{\"a\": 1, \"s\": \"x\", \"l\": [1]}"), json("{\"b\": 1, \"s\": \"y\", \"l\": [1, 2]}")))
                .containsExactly("$.a: unexpected (expected null, found 1)", "$.b: missing (expected 1, found null)",
                        "$.l: expected 2 elements, found 1", "$.s: expected \"y\", found \"x\"");
    }

    private static JsonNode json(final String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }
}

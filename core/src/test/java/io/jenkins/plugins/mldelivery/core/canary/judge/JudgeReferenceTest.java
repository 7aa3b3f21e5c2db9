package io.jenkins.plugins.mldelivery.core.canary.judge;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.canary.plan.SpendingFunction;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import org.junit.BeforeClass;
import org.junit.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Checks the judge's statistics against SciPy and statsmodels on the same inputs. The reference
 * values live in {@code judge-reference.json}, written by {@code judge-reference.py} beside it
 * (the command is at the top of the script and in the JSON's {@code command} field).
 */
public class JudgeReferenceTest {
    private static JsonNode reference;

    @BeforeClass
    public static void loadReference() throws IOException {
        try (InputStream in = JudgeReferenceTest.class.getResourceAsStream("judge-reference.json")) {
            reference = ResultJson.mapper().readTree(in);
        }
    }

    @Test
    public void shouldMatchScipyMannWhitneyWithTiesAndTheAsymptoticPValues() {
        for (JsonNode example : reference.get("mannWhitney")) {
            MannWhitney test = MannWhitney.test(doubles(example.get("canary")), doubles(example.get("stable")));

            String name = example.get("name").asText();
            assertThat(test.u()).as(name).isEqualTo(example.get("u").asDouble());
            assertThat(test.pValueGreater()).as(name).isCloseTo(example.get("pGreater").asDouble(), within(1e-12));
            assertThat(test.pValueTwoSided()).as(name).isCloseTo(example.get("pTwoSided").asDouble(), within(1e-12));
        }
    }

    @Test
    public void shouldMatchTheHodgesLehmannEstimateAndItsOrderStatisticInterval() {
        for (JsonNode example : reference.get("mannWhitney")) {
            ShiftEstimate shift = ShiftEstimate.of(doubles(example.get("canary")), doubles(example.get("stable")), 0.95);

            String name = example.get("name").asText();
            assertThat(shift.estimate()).as(name).isCloseTo(example.get("hlEstimate").asDouble(), within(1e-12));
            assertThat(shift.lower()).as(name).isEqualTo(example.get("hlLower").asDouble());
            assertThat(shift.upper()).as(name).isEqualTo(example.get("hlUpper").asDouble());
        }
    }

    @Test
    public void shouldMatchScipyLeveneWithMediansForTheSpreadCheck() {
        for (JsonNode example : reference.get("mannWhitney")) {
            SpreadTest test = SpreadTest.test(doubles(example.get("canary")), doubles(example.get("stable")));

            String name = example.get("name").asText();
            assertThat(test.t() * test.t()).as(name).isCloseTo(example.get("leveneW").asDouble(), within(1e-9 * Math.max(1, example.get("leveneW").asDouble())));
            assertThat(test.pValueTwoSided()).as(name).isCloseTo(example.get("leveneP").asDouble(), within(1e-10));
        }
    }

    @Test
    public void shouldMatchStatsmodelsPooledTestOnLargeCountsAndFishersMidPOnSmallOnes() {
        for (JsonNode example : reference.get("proportions")) {
            ProportionTest test = ProportionTest.test(
                    new Observation.Counts(example.get("canaryEvents").asLong(), example.get("canaryTrials").asLong()),
                    new Observation.Counts(example.get("stableEvents").asLong(), example.get("stableTrials").asLong()));

            assertThat(test.exact()).as(example.toString()).isEqualTo(example.get("exact").asBoolean());
            assertThat(test.z()).as(example.toString()).isCloseTo(example.get("z").asDouble(), within(1e-9));
            assertThat(test.pValueGreater()).as(example.toString()).isCloseTo(example.get("pGreater").asDouble(),
                    within(1e-9 * example.get("pGreater").asDouble()));
        }
    }

    @Test
    public void shouldMatchObrienFlemingAndPocockBoundariesComputedWithScipysMultivariateNormal() {
        for (JsonNode design : reference.get("boundaries")) {
            double[] critical = GroupSequentialBoundary.criticalValues(doubles(design.get("information")),
                    doubles(design.get("fractions")), design.get("alpha").asDouble(), design.get("twoSided").asBoolean(),
                    SpendingFunction.valueOf(design.get("spending").asText().toUpperCase(java.util.Locale.ROOT).replace('-', '_')));

            assertThat(critical).as(design.toString()).containsExactly(doubles(design.get("critical")), within(1e-4));
        }
    }

    @Test
    public void shouldReproduceThePublishedOBrienFlemingTypeBoundariesForThreeEqualLooks() {
        // gsDesign sfLDOF, k = 3, one-sided alpha 0.025, equal spacing: 3.7103, 2.5114, 1.9930
        double[] critical = GroupSequentialBoundary.criticalValues(new double[] {1, 2, 3}, new double[] {1 / 3.0, 2 / 3.0, 1}, 0.025, false);

        assertThat(critical).containsExactly(new double[] {3.7103, 2.5114, 1.9930}, within(1e-4));
    }

    private static double[] doubles(final JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }
}

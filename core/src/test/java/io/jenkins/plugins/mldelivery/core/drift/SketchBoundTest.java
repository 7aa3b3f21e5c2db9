package io.jenkins.plugins.mldelivery.core.drift;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import org.junit.BeforeClass;
import org.junit.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sketch-based Kolmogorov-Smirnov distance and Wasserstein distance stay within their stated
 * error bounds of SciPy's exact values on the same large samples, and the sketch p-value never
 * understates the exact one.
 */
public class SketchBoundTest {
    private static JsonNode cases;

    @BeforeClass
    public static void readReference() throws IOException {
        try (InputStream in = SketchBoundTest.class.getResourceAsStream("scipy-reference.json")) {
            cases = ResultJson.mapper().readTree(in).get("sketch");
        }
    }

    @Test
    public void shouldKeepTheSketchDistancesWithinTheirBoundsOfTheExactOnes() {
        Sketches.seedCompaction(20_260_801L);
        for (JsonNode c : cases) {
            String name = c.get("name").asText();
            double[] x = ReferenceSamples.sample(c.get("reference"));
            double[] y = ReferenceSamples.sample(c.get("current"));
            for (int k : new int[] {200, 400}) {
                NumericDistribution a = Sketches.sketch(x, k, 0);
                NumericDistribution b = Sketches.sketch(y, k, 0);
                assertThat(a.isExact()).isFalse();

                KolmogorovSmirnov.Result ks = KolmogorovSmirnov.test(a, b, KolmogorovSmirnov.EXACT_LIMIT);
                assertThat(ks.method()).isEqualTo(KolmogorovSmirnov.Method.SKETCH);
                assertThat(ks.errorBound()).isEqualTo(a.rankError() + b.rankError());
                assertThat(Math.abs(ks.statistic() - c.get("statistic").asDouble())).as(name + " D, k=" + k)
                        .isLessThanOrEqualTo(ks.errorBound());
                assertThat(ks.pValue()).as(name + " p, k=" + k).isGreaterThanOrEqualTo(c.get("pValue").asDouble());

                double wasserstein = Wasserstein.distance(a, b);
                assertThat(Math.abs(wasserstein - c.get("wasserstein").asDouble())).as(name + " W1, k=" + k)
                        .isLessThanOrEqualTo(Wasserstein.errorBound(a, b));
            }
        }
    }

    @Test
    public void shouldRunTheExactTestOnASketchThatStillHoldsEveryValue() {
        double[] x = ReferenceSamples.sample(1, 150, 0, 1, null);
        double[] y = ReferenceSamples.sample(2, 120, 0.5, 1, null);
        NumericDistribution sketchX = Sketches.sketch(x, 200, 0);
        NumericDistribution sketchY = Sketches.sketch(y, 200, 0);

        assertThat(sketchX.isExact()).isTrue();
        assertThat(KolmogorovSmirnov.test(sketchX, sketchY, KolmogorovSmirnov.EXACT_LIMIT)).isEqualTo(
                KolmogorovSmirnov.exact(NumericDistribution.ofValues(x, 0), NumericDistribution.ofValues(y, 0)));
    }

    @Test
    public void shouldStateTheRankErrorOfASketchThatCompacted() {
        NumericDistribution large = Sketches.sketch(ReferenceSamples.sample(2, 50_000, 0, 1, null), 200, 0);

        assertThat(large.isExact()).isFalse();
        assertThat(large.rankError()).isBetween(0.01, 0.02);
        assertThat(large.describe()).isEqualTo("KLL sketch k=200 of 50000 values, rank error ±0.0133");
    }
}

package io.jenkins.plugins.mldelivery.core.drift;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every statistic against SciPy 1.17.1 / NumPy / statsmodels on the same inputs. The values and
 * the command that computed them are in {@code scipy-reference.json} and {@code scipy_reference.py}
 * beside this test's resources; {@link ScipyReferenceRecomputationTest} recomputes them. The
 * largest deviation seen per statistic is written to {@code target/drift-scipy-deviations.txt}.
 */
public class ScipyReferenceTest {
    /** Same arithmetic as SciPy: only rounding in the last bits may differ. */
    static final double STATISTIC_TOLERANCE = 1e-14;
    /** Relative tolerance of the exact p-value (lattice paths and the equal-size reflection sum). */
    static final double EXACT_P_RELATIVE = 1e-9;
    /** Relative tolerance of the asymptotic p-value (Commons Math's MTW / Pelz-Good against SciPy's choice). */
    static final double ASYMPTOTIC_P_RELATIVE = 1e-6;
    /** Relative tolerance of Wasserstein, PSI, Jensen-Shannon, chi-squared and corrected p-values. */
    static final double DISTANCE_RELATIVE = 1e-12;
    /**
     * Relative tolerance of the Jensen-Shannon distance: near 0 it is the square root of a small
     * difference of logarithms, so the last bits of the divergence show in the 11th digit.
     */
    static final double JENSEN_SHANNON_RELATIVE = 1e-10;

    /** Values below this are underflow on both sides (SciPy returns denormals where the tail is below it). */
    static final double FLOOR = 1e-300;

    private static JsonNode reference;
    private static final Map<String, Double> DEVIATIONS = new TreeMap<>();

    @BeforeClass
    public static void readReference() throws IOException {
        try (InputStream in = ScipyReferenceTest.class.getResourceAsStream("scipy-reference.json")) {
            reference = ResultJson.mapper().readTree(in);
        }
    }

    @AfterClass
    public static void writeDeviations() throws IOException {
        StringBuilder text = new StringBuilder("largest relative deviation from SciPy per statistic\n");
        DEVIATIONS.forEach((name, deviation) -> text.append(String.format(Locale.ROOT, "%-28s %.3e%n", name, deviation)));
        Path target = Paths.get("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("drift-scipy-deviations.txt"), text, StandardCharsets.UTF_8);
        }
    }

    private static void assertClose(final String statistic, final double actual, final double expected,
            final double relative) {
        // Relative to the expected value, but not below 1e-300: under it both sides are underflow.
        double scale = Math.max(Math.abs(expected), FLOOR);
        DEVIATIONS.merge(statistic, Math.abs(actual - expected) / scale, Math::max);
        assertThat(actual).as(statistic).isCloseTo(expected, within(relative * scale));
    }

    private static NumericDistribution numeric(final JsonNode spec) {
        return NumericDistribution.ofValues(ReferenceSamples.sample(spec), 0);
    }

    @Test
    public void shouldMatchKolmogorovSmirnovInEveryMode() {
        for (JsonNode c : reference.get("ks")) {
            NumericDistribution a = numeric(c.get("reference"));
            NumericDistribution b = numeric(c.get("current"));
            String name = c.get("name").asText();
            if (c.has("exact")) {
                KolmogorovSmirnov.Result exact = KolmogorovSmirnov.exact(a, b);
                assertThat(exact.method()).as(name).isEqualTo(KolmogorovSmirnov.Method.EXACT);
                assertClose("ks statistic", exact.statistic(), c.get("exact").get("statistic").asDouble(), STATISTIC_TOLERANCE);
                assertClose("ks p-value exact", exact.pValue(), c.get("exact").get("pValue").asDouble(), EXACT_P_RELATIVE);
            }
            KolmogorovSmirnov.Result asymptotic = KolmogorovSmirnov.asymptotic(a, b);
            assertClose("ks statistic", asymptotic.statistic(), c.get("asymp").get("statistic").asDouble(), STATISTIC_TOLERANCE);
            assertClose("ks p-value asymp", asymptotic.pValue(), c.get("asymp").get("pValue").asDouble(), ASYMPTOTIC_P_RELATIVE);
            KolmogorovSmirnov.Result auto = KolmogorovSmirnov.auto(a, b);
            assertClose("ks p-value auto", auto.pValue(), c.get("auto").get("pValue").asDouble(),
                    auto.method() == KolmogorovSmirnov.Method.EXACT ? EXACT_P_RELATIVE : ASYMPTOTIC_P_RELATIVE);
        }
    }

    @Test
    public void shouldMatchTheKolmogorovDistributionAcrossItsAlgorithms() {
        for (JsonNode c : reference.get("kstwo")) {
            double sf = KolmogorovDistribution.sf(c.get("n").asLong(), c.get("x").asDouble());
            assertClose("kstwo.sf", sf, c.get("sf").asDouble(), ASYMPTOTIC_P_RELATIVE);
        }
    }

    @Test
    public void shouldMatchWassersteinDistance() {
        for (JsonNode c : reference.get("wasserstein")) {
            NumericDistribution a = numeric(c.get("reference"));
            NumericDistribution b = numeric(c.get("current"));
            assertClose("wasserstein", Wasserstein.distance(a, b), c.get("distance").asDouble(), DISTANCE_RELATIVE);
            assertClose("reference std", a.standardDeviation(), c.get("referenceStd").asDouble(), DISTANCE_RELATIVE);
        }
    }

    @Test
    public void shouldMatchNumericPsiOnReferenceQuantileBins() {
        for (JsonNode c : reference.get("numericPsi")) {
            NumericDistribution a = numeric(c.get("reference"));
            NumericDistribution b = numeric(c.get("current"));
            double[] edges = PopulationStabilityIndex.referenceQuantileEdges(a, c.get("bins").asInt());
            double[] expectedEdges = new double[c.get("edges").size()];
            for (int i = 0; i < expectedEdges.length; i++) {
                expectedEdges[i] = c.get("edges").get(i).asDouble();
            }
            assertThat(edges).as(c.get("name").asText()).containsExactly(expectedEdges);
            assertClose("psi numeric", PopulationStabilityIndex.numeric(a, b, c.get("bins").asInt()),
                    c.get("psi").asDouble(), DISTANCE_RELATIVE);
        }
    }

    @Test
    public void shouldMatchChiSquaredJensenShannonAndPsiOnCategories() {
        for (JsonNode c : reference.get("categorical")) {
            long[] r = longs(c.get("reference"));
            long[] k = longs(c.get("current"));
            ChiSquaredHomogeneity.Result chi = ChiSquaredHomogeneity.test(r, k);
            assertClose("chi-squared statistic", chi.statistic(), c.get("chiSquared").asDouble(), DISTANCE_RELATIVE);
            assertClose("chi-squared p-value", chi.pValue(), c.get("pValue").asDouble(), DISTANCE_RELATIVE);
            assertThat(chi.degreesOfFreedom()).isEqualTo(c.get("dof").asInt());
            assertClose("jensen-shannon", JensenShannon.distance(r, k), c.get("jensenShannon").asDouble(), JENSEN_SHANNON_RELATIVE);
            assertClose("psi categorical", PopulationStabilityIndex.ofCounts(r, k), c.get("psi").asDouble(), DISTANCE_RELATIVE);
        }
    }

    @Test
    public void shouldMatchStatsmodelsCorrections() {
        JsonNode c = reference.get("correction");
        double[] p = doubles(c.get("pValues"));
        double[] bh = Correction.BENJAMINI_HOCHBERG.adjust(p);
        double[] bonferroni = Correction.BONFERRONI.adjust(p);
        for (int i = 0; i < p.length; i++) {
            assertClose("benjamini-hochberg", bh[i], c.get("benjaminiHochberg").get(i).asDouble(), DISTANCE_RELATIVE);
            assertClose("bonferroni", bonferroni[i], c.get("bonferroni").get(i).asDouble(), DISTANCE_RELATIVE);
        }
    }

    private static long[] longs(final JsonNode array) {
        long[] values = new long[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asLong();
        }
        return values;
    }

    private static double[] doubles(final JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }
}

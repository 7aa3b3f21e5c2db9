package io.jenkins.plugins.mldelivery.core.gate.significance;

import io.jenkins.plugins.mldelivery.core.gate.significance.McNemarTest.Method;
import org.junit.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Reference values: statsmodels 0.15.0, {@code mcnemar([[0, b], [c, 0]], exact=..., correction=...)}, printed by
 * {@code src/test/resources/io/jenkins/plugins/mldelivery/core/gate/significance/python_reference.py} (its output is
 * {@code python_reference.out} beside it). Tolerance: 1e-12 relative on p-values, exact on statistics.
 */
public class McNemarTestTest {
    private static void assertMatches(final McNemarTest test, final double statistic, final double pValue) {
        assertThat(test.statistic()).isCloseTo(statistic, within(1e-12));
        assertThat(test.pValue()).isCloseTo(pValue, within(pValue * 1e-12));
    }

    @Test
    public void shouldMatchStatsmodelsExactBinomialTest() {
        // mcnemar b=3 c=9 exact=True: statistic=3.0 pvalue=0.14599609375
        assertMatches(McNemarTest.of(3, 9, Method.EXACT), 3, 0.14599609375);
        // mcnemar b=34 c=14 exact=True: statistic=14.0 pvalue=0.00551520148550111
        assertMatches(McNemarTest.of(34, 14, Method.EXACT), 14, 0.00551520148550111);
        // mcnemar b=180 c=120 exact=True: statistic=120.0 pvalue=0.0006342200069283566
        assertMatches(McNemarTest.of(180, 120, Method.EXACT), 120, 0.0006342200069283566);
        // mcnemar b=7 c=0 exact=True: statistic=0.0 pvalue=0.015625
        assertMatches(McNemarTest.of(7, 0, Method.EXACT), 0, 0.015625);
    }

    @Test
    public void shouldCapTheExactPValueAtOneWhenBothKindsOfDisagreementAreEqual() {
        // mcnemar b=5 c=5 exact=True: statistic=5.0 pvalue=1.0
        assertMatches(McNemarTest.of(5, 5, Method.EXACT), 5, 1.0);
        // mcnemar b=0 c=0 exact=True: statistic=0.0 pvalue=1.0
        assertMatches(McNemarTest.of(0, 0, Method.EXACT), 0, 1.0);
    }

    @Test
    public void shouldMatchStatsmodelsChiSquaredWithContinuityCorrection() {
        // mcnemar b=34 c=14 exact=False correction=True: statistic=7.520833333333333 pvalue=0.006098945931214356
        assertMatches(McNemarTest.of(34, 14, Method.CHI_SQUARED_CORRECTED), 7.520833333333333, 0.006098945931214356);
        // mcnemar b=40 c=20 exact=False correction=True: statistic=6.016666666666667 pvalue=0.014171388254012323
        assertMatches(McNemarTest.of(40, 20, Method.CHI_SQUARED_CORRECTED), 6.016666666666667, 0.014171388254012323);
        // mcnemar b=12 c=12 exact=False correction=True: statistic=0.041666666666666664 pvalue=0.8382564863858263
        assertMatches(McNemarTest.of(12, 12, Method.CHI_SQUARED_CORRECTED), 0.041666666666666664, 0.8382564863858263);
        // mcnemar b=3 c=9 exact=False correction=True: statistic=2.0833333333333335 pvalue=0.14891467317876161
        assertMatches(McNemarTest.of(3, 9, Method.CHI_SQUARED_CORRECTED), 2.0833333333333335, 0.14891467317876161);
    }

    @Test
    public void shouldMatchStatsmodelsChiSquaredWithoutCorrection() {
        // mcnemar b=180 c=120 exact=False correction=False: statistic=12.0 pvalue=0.0005320055051392492
        assertMatches(McNemarTest.of(180, 120, Method.CHI_SQUARED), 12, 0.0005320055051392492);
        // mcnemar b=7 c=0 exact=False correction=False: statistic=7.0 pvalue=0.008150971593502705
        assertMatches(McNemarTest.of(7, 0, Method.CHI_SQUARED), 7, 0.008150971593502705);
        // mcnemar b=5 c=5 exact=False correction=False: statistic=0.0 pvalue=1.0
        assertMatches(McNemarTest.of(5, 5, Method.CHI_SQUARED), 0, 1.0);
    }

    @Test
    public void shouldUseTheExactTestBelowTwentyFiveDiscordantRowsAndTheCorrectedChiSquaredFromThere() {
        assertThat(McNemarTest.of(12, 12).method()).isEqualTo(Method.EXACT);
        assertThat(McNemarTest.of(13, 12).method()).isEqualTo(Method.CHI_SQUARED_CORRECTED);
        assertThat(McNemarTest.of(34, 14).pValue()).isCloseTo(0.006098945931214356, within(1e-15));
    }

    @Test
    public void shouldFindNoEvidenceWithoutDiscordantRows() {
        // statsmodels gives inf/0.0 (corrected) and nan (uncorrected) here; no disagreement is no evidence.
        assertThat(McNemarTest.of(0, 0, Method.CHI_SQUARED_CORRECTED).pValue()).isEqualTo(1.0);
        assertThat(McNemarTest.of(0, 0, Method.CHI_SQUARED).pValue()).isEqualTo(1.0);
    }
}

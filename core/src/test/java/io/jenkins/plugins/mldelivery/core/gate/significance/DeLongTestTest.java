package io.jenkins.plugins.mldelivery.core.gate.significance;

import org.junit.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Reference values: R 4.2.2 with pROC 1.18.0 (Debian {@code r-base-core}, {@code r-cran-proc}),
 * {@code roc.test(roc1, roc2, method = "delong", paired = TRUE)}, {@code var(roc, method = "delong")} and
 * {@code cov(roc1, roc2, method = "delong")}, printed by {@code delong_reference.R} (our two models) and
 * {@code asah_reference.R} (pROC's documented aSAH example) in this package's test resources, outputs in the
 * {@code .out} files beside them. Tolerances: 1e-12 on AUCs and intervals, 1e-10 on z, 1e-9 relative on p-values.
 */
public class DeLongTestTest {
    private static DeLongTest test(final PairedPredictions rows) {
        return DeLongTest.of(rows.labels(), rows.challenger().probabilities(), rows.champion().probabilities());
    }

    @Test
    public void shouldMatchProcOnTheReferenceModels() {
        DeLongTest test = test(ReferenceData.models());

        assertThat(test.positives() + test.negatives()).isEqualTo(200);
        assertThat(test.aucChallenger()).isCloseTo(0.88223439437784212, within(1e-12));
        assertThat(test.aucChampion()).isCloseTo(0.79118437370814387, within(1e-12));
        assertThat(test.z(0)).isCloseTo(3.3521078364459855, within(1e-10));
        assertThat(test.pValue(0)).isCloseTo(0.00080198773703147881, within(0.00080198773703147881 * 1e-9));
        Interval interval = test.interval(0.95);
        assertThat(interval.low()).isCloseTo(0.037813439386728667, within(1e-12));
        assertThat(interval.high()).isCloseTo(0.144286601952667848, within(1e-12));
    }

    @Test
    public void shouldMatchProcOnASlice() {
        DeLongTest test = test(ReferenceData.models("F"));

        assertThat(test.positives() + test.negatives()).isEqualTo(84);
        assertThat(test.aucChallenger()).isCloseTo(0.93220823798627006, within(1e-12));
        assertThat(test.aucChampion()).isCloseTo(0.83438215102974833, within(1e-12));
        assertThat(test.z(0)).isCloseTo(2.4363572143314824, within(1e-10));
        assertThat(test.pValue(0)).isCloseTo(0.014836025423491127, within(0.014836025423491127 * 1e-9));
        assertThat(test.interval(0.95).low()).isCloseTo(0.019128428807128867, within(1e-12));
        assertThat(test.interval(0.95).high()).isCloseTo(0.176523745105914592, within(1e-12));
    }

    @Test
    public void shouldMatchTheWorkedExampleOfProcsDocumentationWithHeavilyTiedScores() {
        double[][] asah = ReferenceData.asah();
        byte[] labels = new byte[asah[0].length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (byte) asah[0][i];
        }

        DeLongTest test = DeLongTest.of(labels, asah[1], asah[2]);

        assertThat(test.aucChallenger()).isCloseTo(0.73136856368563685, within(1e-12));
        assertThat(test.aucChampion()).isCloseTo(0.82367886178861793, within(1e-12));
        assertThat(test.z(0)).isCloseTo(-2.2089835914409077, within(1e-10));
        assertThat(test.pValue(0)).isCloseTo(0.02717578222918815, within(0.02717578222918815 * 1e-9));
        assertThat(test.interval(0.95).low()).isCloseTo(-0.174214419249477559, within(1e-12));
        assertThat(test.interval(0.95).high()).isCloseTo(-0.010406176956484617, within(1e-12));
    }

    @Test
    public void shouldWeighTheChampionByTheRulesFactorUsingProcsVarianceAndCovariance() {
        // pROC: var challenger 0.00054577756773910074, var champion 0.0010566230854483138, cov 0.00043231265670243919
        double varianceChallenger = 0.00054577756773910074;
        double varianceChampion = 0.0010566230854483138;
        double covariance = 0.00043231265670243919;
        PairedPredictions rows = ReferenceData.models();

        DeLongTest scaled = DeLongTest.of(rows.labels(), rows.challenger().probabilities(), rows.champion().probabilities(), 1.02);

        assertThat(scaled.variance()).isCloseTo(varianceChallenger + 1.02 * 1.02 * varianceChampion - 2 * 1.02 * covariance,
                within(1e-15));
        assertThat(test(rows).variance()).isCloseTo(varianceChallenger + varianceChampion - 2 * covariance, within(1e-15));
        assertThat(scaled.difference()).isCloseTo(0.88223439437784212 - 1.02 * 0.79118437370814387, within(1e-12));
    }

    @Test
    public void shouldTestAgainstAMargin() {
        DeLongTest test = test(ReferenceData.models());

        assertThat(test.z(0.05)).isCloseTo((test.difference() - 0.05) / test.standardError(), within(1e-15));
        assertThat(test.pValue(test.difference())).isEqualTo(1.0);
    }

    @Test
    public void shouldFindNoDifferenceBetweenAModelAndItself() {
        PairedPredictions rows = ReferenceData.models();

        DeLongTest test = DeLongTest.of(rows.labels(), rows.challenger().probabilities(), rows.challenger().probabilities());

        assertThat(test.difference()).isZero();
        assertThat(test.pValue(0)).isEqualTo(1.0);
    }

    @Test
    public void shouldRefuseLabelsOfOneClass() {
        assertThatThrownBy(() -> DeLongTest.of(new byte[] {1, 1}, new double[] {0.2, 0.3}, new double[] {0.1, 0.4}))
                .hasMessage("ROC AUC needs rows of both classes, found 2 positive and 0 negative");
    }
}

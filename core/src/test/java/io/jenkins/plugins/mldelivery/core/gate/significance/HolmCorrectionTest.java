package io.jenkins.plugins.mldelivery.core.gate.significance;

import org.junit.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Reference values: statsmodels 0.15.0, {@code multipletests(p, method="holm")[1]}, printed by
 * {@code python_reference.py} in this package's test resources. Tolerance 1e-15.
 */
public class HolmCorrectionTest {
    @Test
    public void shouldMatchStatsmodelsHolm() {
        // holm [0.01, 0.04, 0.03, 0.005] -> [0.03, 0.06, 0.06, 0.02]
        assertThat(HolmCorrection.adjust(new double[] {0.01, 0.04, 0.03, 0.005}))
                .containsExactly(new double[] {0.03, 0.06, 0.06, 0.02}, within(1e-15));
    }

    @Test
    public void shouldKeepTiesAndCapAtOneAsStatsmodels() {
        // holm [0.2, 0.01, 0.04, 0.04, 0.5] -> [0.4, 0.05, 0.16, 0.16, 0.5]
        assertThat(HolmCorrection.adjust(new double[] {0.2, 0.01, 0.04, 0.04, 0.5}))
                .containsExactly(new double[] {0.4, 0.05, 0.16, 0.16, 0.5}, within(1e-15));
        assertThat(HolmCorrection.adjust(new double[] {0.6, 0.7})).containsExactly(1.0, 1.0);
    }

    @Test
    public void shouldLeaveASingleTestAlone() {
        // holm [0.03] -> [0.03]
        assertThat(HolmCorrection.adjust(new double[] {0.03})).containsExactly(0.03);
        assertThat(HolmCorrection.adjust(new double[0])).isEmpty();
    }
}

package io.jenkins.plugins.mldelivery.core.gate.significance;

import org.junit.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Reference values: SciPy 1.17.1 {@code scipy.stats.bootstrap((index,), statistic, method="percentile",
 * confidence_level=0.95, rng=np.random.default_rng(7))} over the row indices of the two reference models, printed
 * by {@code python_reference.py} in this package's test resources. A bootstrap cannot match another generator's
 * draws, so the intervals must agree within the Monte Carlo error of the endpoints: with bootstrap standard
 * errors of 0.031–0.037, 20,000 resamples give each endpoint a standard error of about 0.0007 on our side and
 * 0.0003–0.0007 on SciPy's; the tolerance is 0.004 (four combined standard errors), and one 0.005 step of the
 * lattice the accuracy difference of 200 rows lives on for accuracy.
 */
public class PairedBootstrapTest {
    private static final BootstrapSettings SETTINGS = new BootstrapSettings(20_000, 11);

    private static PairedBootstrap bootstrap(final PredictionMetric metric, final double slope, final BootstrapSettings settings) {
        PairedPredictions rows = ReferenceData.models();
        return PairedBootstrap.run(rows.size(), metric.pairedDifference(rows.labels(), rows.challenger(), rows.champion(), slope),
                settings);
    }

    @Test
    public void shouldMatchScipysPercentileIntervalOfTheAccuracyDifference() {
        // bootstrap accuracy (100000 resamples): ci95=(0.03500000000000003, 0.16500000000000004)
        Interval interval = bootstrap(PredictionMetric.ACCURACY, 1, SETTINGS).interval(0.95);

        assertThat(interval.low()).isCloseTo(0.035, within(0.005));
        assertThat(interval.high()).isCloseTo(0.165, within(0.005));
    }

    @Test
    public void shouldMatchScipysPercentileIntervalOfTheF1Difference() {
        // bootstrap f1 (20000 resamples): ci95=(0.03550508, 0.18024872) standard_error=0.03669435
        Interval interval = bootstrap(PredictionMetric.F1, 1, SETTINGS).interval(0.95);

        assertThat(interval.low()).isCloseTo(0.03550508, within(0.004));
        assertThat(interval.high()).isCloseTo(0.18024872, within(0.004));
    }

    @Test
    public void shouldMatchScipysPercentileIntervalOfARelativeLoglossMargin() {
        // bootstrap logloss - 1.02 champion (20000 resamples): ci95=(-0.17962222, -0.05862946) standard_error=0.03070681
        Interval interval = bootstrap(PredictionMetric.LOGLOSS, 1.02, SETTINGS).interval(0.95);

        assertThat(interval.low()).isCloseTo(-0.17962222, within(0.004));
        assertThat(interval.high()).isCloseTo(-0.05862946, within(0.004));
    }

    @Test
    public void shouldGiveTheSameIntervalBitForBitFromTheSameSeed() {
        BootstrapSettings settings = new BootstrapSettings(500, 42);

        Interval first = bootstrap(PredictionMetric.F1, 1, settings).interval(0.95);
        Interval second = bootstrap(PredictionMetric.F1, 1, settings).interval(0.95);
        Interval otherSeed = bootstrap(PredictionMetric.F1, 1, new BootstrapSettings(500, 43)).interval(0.95);

        assertThat(Double.doubleToRawLongBits(second.low())).isEqualTo(Double.doubleToRawLongBits(first.low()));
        assertThat(Double.doubleToRawLongBits(second.high())).isEqualTo(Double.doubleToRawLongBits(first.high()));
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    public void shouldPutTheIntervalsLowerBoundAtAPValueOfAlpha() {
        PairedBootstrap bootstrap = bootstrap(PredictionMetric.F1, 1, SETTINGS);

        assertThat(bootstrap.resamples()).isEqualTo(20_000);
        assertThat(bootstrap.pValue(bootstrap.interval(0.95).low())).isCloseTo(0.05, within(0.002));
        assertThat(bootstrap.pValue(bootstrap.interval(0.90).high())).isCloseTo(0.10, within(0.002));
        assertThat(bootstrap.pValue(0)).as("the interval excludes 0 by a wide margin").isLessThan(0.01);
        assertThat(bootstrap.pValue(1)).as("never 0").isEqualTo(2.0 / 20_001);
    }

    @Test
    public void shouldLeaveOutResamplesWhereTheStatisticIsUndefined() {
        PairedBootstrap bootstrap = PairedBootstrap.run(2, drawn -> drawn[0] == drawn[1] ? Double.NaN : 1, new BootstrapSettings(1000, 1));

        assertThat(bootstrap.resamples()).isBetween(400, 600);
        assertThat(bootstrap.interval(0.95)).isEqualTo(new Interval(1, 1));
    }
}

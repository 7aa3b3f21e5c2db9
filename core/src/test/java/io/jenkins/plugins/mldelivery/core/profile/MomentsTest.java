package io.jenkins.plugins.mldelivery.core.profile;

import nl.jqno.equalsverifier.EqualsVerifier;
import org.junit.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

public class MomentsTest {
    /*
     * Reference values computed outside the project with NumPy 2 (.venv):
     *   python -c "import numpy as np; rng=np.random.default_rng(20240601); v=np.round(rng.lognormal(3,1,25),3);
     *              print(list(v)); print(repr(v.mean()), repr(v.var(ddof=1)))"
     */
    private static final double[] LOGNORMAL = {38.394, 32.115, 10.559, 6.183, 17.38, 66.917, 76.217, 49.814, 28.405,
            99.488, 68.913, 16.114, 6.945, 13.949, 13.197, 39.945, 3.007, 16.587, 106.828, 8.002, 9.408, 18.462, 4.866,
            17.644, 19.774};
    private static final double NUMPY_MEAN = 31.56452;
    private static final double NUMPY_VARIANCE = 894.1398504266667;

    @Test
    public void shouldMatchNumpyOnASmallSample() {
        Moments moments = Moments.of(LOGNORMAL);

        assertThat(moments.count()).isEqualTo(25);
        assertThat(moments.mean()).isCloseTo(NUMPY_MEAN, within(1e-12));
        assertThat(moments.variance()).isCloseTo(NUMPY_VARIANCE, within(1e-9));
        assertThat(moments.min()).isEqualTo(3.007);
        assertThat(moments.max()).isEqualTo(106.828);
    }

    @Test
    public void shouldNotCancelCatastrophicallyOnALargeOffset() {
        // the textbook example: 1e9 + {4, 7, 13, 16} has variance 30 (NumPy: x.var(ddof=1) == 30.0)
        Moments moments = Moments.of(1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16);

        assertThat(moments.variance()).isEqualTo(30.0);
        assertThat(moments.mean()).isEqualTo(1e9 + 10);
    }

    @Test
    public void shouldMergeDisjointPartsIntoTheMomentsOfTheWhole() {
        SplittableRandom random = new SplittableRandom(3);
        double[] values = new double[10_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = 1e6 + random.nextGaussian() * 0.01;
        }
        Moments whole = Moments.of(values);

        Moments merged = Moments.of(Arrays.copyOfRange(values, 0, 3_333))
                .merge(Moments.of(Arrays.copyOfRange(values, 3_333, 7_000)))
                .merge(Moments.of(Arrays.copyOfRange(values, 7_000, 10_000)));

        assertThat(merged.count()).isEqualTo(whole.count());
        assertThat(merged.mean()).isCloseTo(whole.mean(), within(whole.mean() * 1e-14));
        assertThat(merged.variance()).isCloseTo(whole.variance(), within(whole.variance() * 1e-9));
        assertThat(merged.min()).isEqualTo(whole.min());
        assertThat(merged.max()).isEqualTo(whole.max());
    }

    @Test
    public void shouldHaveNoVarianceBelowTwoValues() {
        assertThat(Moments.EMPTY.variance()).isNaN();
        assertThat(Moments.of(5).variance()).isNaN();
        assertThat(Moments.EMPTY.merge(Moments.of(5))).isEqualTo(Moments.of(5));
    }

    @Test
    public void shouldBeEqualByValue() {
        EqualsVerifier.forClass(Moments.class).verify();
    }
}

package io.jenkins.plugins.mldelivery.core.history.chart;

import org.junit.Test;

import static org.assertj.core.api.Assertions.assertThat;

public class ShortNumberTest {
    @Test
    public void shouldShowFourSignificantDigitsWithoutNeedlessZeros() {
        assertThat(ShortNumber.format(0.87123)).isEqualTo("0.8712");
        assertThat(ShortNumber.format(0.85)).isEqualTo("0.85");
        assertThat(ShortNumber.format(35.1234)).isEqualTo("35.12");
        assertThat(ShortNumber.format(-0.0062)).isEqualTo("-0.0062");
    }

    @Test
    public void shouldShowWholeNumbersWholeAndLargeNumbersWithOneDecimal() {
        assertThat(ShortNumber.format(5000.0)).isEqualTo("5000");
        assertThat(ShortNumber.format(40.0)).isEqualTo("40");
        assertThat(ShortNumber.format(12345.67)).isEqualTo("12345.7");
    }

    @Test
    public void shouldShowTinyValuesSuchAsPValuesInScientificNotation() {
        assertThat(ShortNumber.format(1.9e-33)).isEqualTo("1.90e-33");
        assertThat(ShortNumber.format(0.000123)).isEqualTo("1.23e-04");
    }

    @Test
    public void shouldShowAbsentAndSpecialValuesAsSuch() {
        assertThat(ShortNumber.format((Double) null)).isEqualTo("–");
        assertThat(ShortNumber.format(Double.NaN)).isEqualTo("n/a");
        assertThat(ShortNumber.format(0.0)).isEqualTo("0");
        assertThat(ShortNumber.percent(0.2)).isEqualTo("20%");
        assertThat(ShortNumber.percent(0.025)).isEqualTo("2.5%");
    }
}

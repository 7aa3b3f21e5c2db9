package io.jenkins.plugins.mldelivery.core.gate;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Writes numbers for people: four significant digits, no trailing zeros, scientific notation only
 * for very small magnitudes (p-values), so that a reason reads {@code 0.8712 >= 0.85}.
 */
final class Decimals {
    private static final MathContext FOUR_DIGITS = new MathContext(4);

    private Decimals() {
        // static formatting only
    }

    static String format(final double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return "0";
        }
        if (Math.abs(value) < 1e-4) {
            return String.format(java.util.Locale.ROOT, "%.2e", value);
        }
        return new BigDecimal(value).round(FOUR_DIGITS).stripTrailingZeros().toPlainString();
    }

    static String signed(final double value) {
        return value > 0 ? "+" + format(value) : format(value);
    }
}

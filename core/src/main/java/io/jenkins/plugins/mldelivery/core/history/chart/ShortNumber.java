package io.jenkins.plugins.mldelivery.core.history.chart;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Formats numbers for people, the same way in every chart label, table and summary: four
 * significant digits, no needless zeros, whole numbers as whole numbers, tiny values (p-values) in
 * scientific notation; independent of the machine's locale so reports are identical everywhere.
 */
public final class ShortNumber {
    private static final MathContext FOUR_DIGITS = new MathContext(4, RoundingMode.HALF_EVEN);

    private ShortNumber() {
        // static formatting only
    }

    /**
     * Formats a number.
     *
     * @param value the number
     * @return e.g. {@code 0.8712}, {@code 35.12}, {@code 12345.7}, {@code 10000}, {@code 1.23e-08}
     */
    public static String format(final double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "-∞";
        }
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        if (value == Math.rint(value) && magnitude < 1e15) {
            return Long.toString((long) value);
        }
        if (magnitude < 1e-3) {
            return String.format(Locale.ROOT, "%.2e", value);
        }
        BigDecimal decimal = new BigDecimal(value);
        BigDecimal rounded = magnitude >= 1000
                ? decimal.setScale(1, RoundingMode.HALF_EVEN)
                : decimal.round(FOUR_DIGITS);
        return rounded.stripTrailingZeros().toPlainString();
    }

    /**
     * Formats a number that may be absent.
     *
     * @param value the number, or null
     * @return the formatted number, or an en dash for null
     */
    public static String format(final Double value) {
        return value == null ? "–" : format(value.doubleValue());
    }

    /**
     * Formats a share as a percentage.
     *
     * @param share a share, 0..1
     * @return e.g. {@code 25%} or {@code 2.5%}
     */
    public static String percent(final double share) {
        return format(share * 100) + "%";
    }
}

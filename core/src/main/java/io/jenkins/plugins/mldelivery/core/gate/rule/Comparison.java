package io.jenkins.plugins.mldelivery.core.gate.rule;

/**
 * The comparisons a rule can make between its two sides.
 */
public enum Comparison {
    /** The left side is at least the right side. */
    AT_LEAST(">="),
    /** The left side is at most the right side. */
    AT_MOST("<="),
    /** The left side is greater than the right side. */
    GREATER(">"),
    /** The left side is less than the right side. */
    LESS("<");

    /** The relative difference below which two values are the same for a comparison. */
    public static final double TOLERANCE = 1e-12;

    private final String symbol;

    Comparison(final String symbol) {
        this.symbol = symbol;
    }

    /**
     * Returns how the comparison is written.
     *
     * @return the symbol
     */
    public String symbol() {
        return symbol;
    }

    /**
     * Says whether the comparison holds. Values within a relative {@value #TOLERANCE} of each other
     * count as equal, so that the rounding of {@code champion.f1 - 0.01} (0.805 - 0.01 is
     * 0.7950000000000000_4 in binary) cannot fail {@code f1 >= champion.f1 - 0.01} for an f1 of 0.795.
     *
     * @param left  the left side's value
     * @param right the right side's value
     * @return whether {@code left <op> right}; false when either is NaN
     */
    public boolean holds(final double left, final double right) {
        double slack = TOLERANCE * Math.max(1, Math.max(Math.abs(left), Math.abs(right)));
        return switch (this) {
            case AT_LEAST -> left >= right - slack;
            case AT_MOST -> left <= right + slack;
            case GREATER -> left > right + slack;
            case LESS -> left < right - slack;
        };
    }

    /**
     * Says whether the rule asks the left side to be high (for {@code >=} and {@code >}) rather than low.
     *
     * @return whether higher passes
     */
    public boolean wantsHigher() {
        return this == AT_LEAST || this == GREATER;
    }
}

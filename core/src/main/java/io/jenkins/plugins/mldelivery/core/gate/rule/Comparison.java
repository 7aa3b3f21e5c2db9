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
     * Says whether the comparison holds.
     *
     * @param left  the left side's value
     * @param right the right side's value
     * @return whether {@code left <op> right}; false when either is NaN
     */
    public boolean holds(final double left, final double right) {
        return switch (this) {
            case AT_LEAST -> left >= right;
            case AT_MOST -> left <= right;
            case GREATER -> left > right;
            case LESS -> left < right;
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

package io.jenkins.plugins.mldelivery.core.canary.plan;

/**
 * How far the canary may drift from the stable version in the bad direction before a
 * significant difference counts as a regression: a ratio ({@code 1.1}: up to 10% worse), an
 * absolute amount ({@code 5}: up to 5 units worse), or none (any significant change counts).
 *
 * @param type   whether the amount is a ratio, an absolute amount, or absent
 * @param amount the ratio (at least 1) or the absolute amount (at least 0); 0 for none
 */
public record AllowedChange(Type type, double amount) {
    /** The kind of allowance. */
    public enum Type {
        /** Any significant change in the bad direction is a regression. */
        NONE,
        /** The canary may be up to {@code amount} times worse than the stable version. */
        RATIO,
        /** The canary may be up to {@code amount} units worse than the stable version. */
        ABSOLUTE
    }

    /** The allowance that tolerates nothing. */
    public static final AllowedChange NONE = new AllowedChange(Type.NONE, 0);

    /** Validates the amount for its type. */
    public AllowedChange {
        if (type == Type.RATIO && !(amount >= 1 && Double.isFinite(amount))) {
            throw new IllegalArgumentException("a ratio must be at least 1, found " + amount);
        }
        if (type == Type.ABSOLUTE && !(amount >= 0 && Double.isFinite(amount))) {
            throw new IllegalArgumentException("an absolute change must be at least 0, found " + amount);
        }
        if (type == Type.NONE && amount != 0) {
            throw new IllegalArgumentException("no allowance has no amount, found " + amount);
        }
    }

    /**
     * Creates a ratio allowance.
     *
     * @param ratio at least 1
     * @return the allowance
     */
    public static AllowedChange ratio(final double ratio) {
        return new AllowedChange(Type.RATIO, ratio);
    }

    /**
     * Creates an absolute allowance.
     *
     * @param amount at least 0
     * @return the allowance
     */
    public static AllowedChange absolute(final double amount) {
        return new AllowedChange(Type.ABSOLUTE, amount);
    }

    /**
     * Says whether the canary's value is worse than the stable value by more than this allowance.
     *
     * @param stable the stable version's value (a rate or a median)
     * @param canary the canary's value
     * @param upward true to judge a rise, false to judge a fall
     * @return whether the change in that direction exceeds the allowance
     */
    public boolean exceededBy(final double stable, final double canary, final boolean upward) {
        double worse = upward ? canary - stable : stable - canary;
        if (!(worse > 0)) {
            return false;
        }
        return switch (type) {
            case NONE -> true;
            case ABSOLUTE -> worse > amount;
            case RATIO -> upward ? canary > stable * amount : canary * amount < stable;
        };
    }

    @Override
    public String toString() {
        return switch (type) {
            case NONE -> "none";
            case RATIO -> "ratio " + amount;
            case ABSOLUTE -> "absolute " + amount;
        };
    }
}

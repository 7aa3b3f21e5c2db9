package io.jenkins.plugins.mldelivery.core.gate.rule;

import java.util.Optional;

/**
 * The arithmetic operators of the rule language, with the usual precedence ({@code *} and {@code /}
 * before {@code +} and {@code -}, left to right).
 */
public enum Operator {
    /** Addition. */
    PLUS("+"),
    /** Subtraction. */
    MINUS("-"),
    /** Multiplication. */
    TIMES("*"),
    /** Division. */
    DIVIDE("/");

    private final String symbol;

    Operator(final String symbol) {
        this.symbol = symbol;
    }

    /**
     * Returns how the operator is written.
     *
     * @return the symbol
     */
    public String symbol() {
        return symbol;
    }

    /**
     * Applies the operator.
     *
     * @param a the left operand
     * @param b the right operand
     * @return the result; division by zero gives an infinity or NaN, which the gate reports
     */
    public double apply(final double a, final double b) {
        return switch (this) {
            case PLUS -> a + b;
            case MINUS -> a - b;
            case TIMES -> a * b;
            case DIVIDE -> a / b;
        };
    }

    /**
     * Combines two linear forms, when the result is still linear.
     *
     * @param a the left operand's form
     * @param b the right operand's form
     * @return the combined form, or empty for a product of two metrics or a division by a metric or by zero
     */
    Optional<LinearForm> combine(final LinearForm a, final LinearForm b) {
        return switch (this) {
            case PLUS -> Optional.of(new LinearForm(a.slope() + b.slope(), a.intercept() + b.intercept()));
            case MINUS -> Optional.of(new LinearForm(a.slope() - b.slope(), a.intercept() - b.intercept()));
            case TIMES -> a.slope() == 0
                    ? Optional.of(new LinearForm(a.intercept() * b.slope(), a.intercept() * b.intercept()))
                    : b.slope() == 0
                            ? Optional.of(new LinearForm(a.slope() * b.intercept(), a.intercept() * b.intercept()))
                            : Optional.empty();
            case DIVIDE -> b.slope() == 0 && b.intercept() != 0
                    ? Optional.of(new LinearForm(a.slope() / b.intercept(), a.intercept() / b.intercept()))
                    : Optional.empty();
        };
    }
}

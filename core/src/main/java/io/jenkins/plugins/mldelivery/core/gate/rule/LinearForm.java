package io.jenkins.plugins.mldelivery.core.gate.rule;

/**
 * A threshold of the form {@code slope * champion.metric + intercept}, which is what a significance
 * rule compares the challenger's metric with: {@code champion.f1 - 0.01} is slope 1, intercept
 * -0.01; {@code champion.logloss * 1.02} is slope 1.02, intercept 0.
 *
 * @param slope     the factor on the champion's metric
 * @param intercept the constant added
 */
public record LinearForm(double slope, double intercept) {
    /**
     * Returns the threshold for a given champion value.
     *
     * @param championValue the champion's metric
     * @return {@code slope * championValue + intercept}
     */
    public double at(final double championValue) {
        return slope * championValue + intercept;
    }
}

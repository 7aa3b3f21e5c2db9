package io.jenkins.plugins.mldelivery.core.gate.rule;

import java.util.Objects;

/**
 * What a rule written with {@code significantly} or {@code with N% confidence} asks of the
 * evidence: that the {@code confidence} interval of {@code metric - threshold(champion.metric)},
 * computed from both models' predictions on the same rows, lies entirely on the side the
 * comparison asks for.
 *
 * @param metric     the metric compared, the same on both sides (slice included)
 * @param threshold  the right side as {@code slope * champion.metric + intercept}
 * @param confidence the confidence level, strictly between 0.5 and 1 (0.95 for {@code significantly})
 */
public record SignificanceRequirement(String metric, LinearForm threshold, double confidence) {
    /** The level {@code significantly} means when no level is written. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    /** Validates the fields. */
    public SignificanceRequirement {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(threshold, "threshold");
        if (!(confidence >= 0.5 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in [0.5, 1): " + confidence);
        }
    }

    /**
     * Returns the significance level of the two-sided test that matches the interval.
     *
     * @return {@code 1 - confidence}
     */
    public double alpha() {
        return 1 - confidence;
    }
}

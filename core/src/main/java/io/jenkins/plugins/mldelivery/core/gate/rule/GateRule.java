package io.jenkins.plugins.mldelivery.core.gate.rule;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A parsed gate rule: two expressions, a comparison and, for rules about evidence, a significance
 * requirement. Created by {@link RuleParser#parse(RuleSource)}.
 *
 * @param source       the rule as the user wrote it
 * @param left         the left side
 * @param comparison   the comparison
 * @param right        the right side
 * @param significance what the rule asks of the predictions, for {@code significantly} and
 *                     {@code with N% confidence}; empty for a plain comparison of metrics
 */
public record GateRule(RuleSource source, Expression left, Comparison comparison, Expression right,
        Optional<SignificanceRequirement> significance) {
    /** Validates the fields. */
    public GateRule {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(right, "right");
        Objects.requireNonNull(significance, "significance");
    }

    /**
     * Returns every metric and slice aggregate the rule reads, left side first.
     *
     * @return the references
     */
    public List<Expression.Reference> references() {
        return Stream.concat(left.references().stream(), right.references().stream()).toList();
    }

    /**
     * Says whether the rule reads any metric of the champion, so that it cannot be decided without one.
     *
     * @return whether the rule mentions the champion
     */
    public boolean mentionsChampion() {
        return references().stream().anyMatch(reference -> reference.side() == Side.CHAMPION);
    }

    /**
     * Returns the rule as it was understood, fully parenthesised.
     *
     * @return for example {@code f1 >= (champion.f1 - 0.01)}
     */
    @Override
    public String toString() {
        String text = left + " " + comparison.symbol() + " " + right;
        return significance.map(requirement -> text + " with " + percent(requirement.confidence()) + "% confidence")
                .orElse(text);
    }

    private static String percent(final double confidence) {
        double percent = Math.round(confidence * 1e6) / 1e4;
        return percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent);
    }
}

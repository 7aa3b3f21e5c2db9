package io.jenkins.plugins.mldelivery.core.gate;

import io.jenkins.plugins.mldelivery.core.gate.rule.Expression;
import io.jenkins.plugins.mldelivery.core.gate.rule.GateRule;
import io.jenkins.plugins.mldelivery.core.gate.rule.MetricValues;
import io.jenkins.plugins.mldelivery.core.gate.rule.Side;
import io.jenkins.plugins.mldelivery.core.gate.rule.SignificanceRequirement;
import io.jenkins.plugins.mldelivery.core.gate.significance.ComparisonEvidence;
import io.jenkins.plugins.mldelivery.core.result.Status;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Decides one rule and says why in one sentence: a plain comparison of metric values, a rule that
 * cannot be decided without the champion, or a significance rule from its evidence.
 */
final class RuleDecision {
    private RuleDecision() {
        // static decisions only
    }

    /** Decides a plain comparison from the metrics of both models. */
    static RuleOutcome comparison(final GateRule rule, final Severity severity, final MetricValues challenger,
            final MetricValues champion) {
        double left = rule.left().evaluate(challenger, champion);
        double right = rule.right().evaluate(challenger, champion);
        Map<String, Double> values = GateEngine.values(rule, challenger, champion);
        String symbol = rule.comparison().symbol();
        if (!Double.isFinite(left) || !Double.isFinite(right)) {
            return new RuleOutcome(rule.source().number(), rule.source().text(), severity, severity.status(), finite(left),
                    finite(right), false, false, null, null, values,
                    "a side of the rule is not a number (" + Decimals.format(left) + " " + symbol + " " + Decimals.format(right)
                            + "; is something divided by zero?)" + warningNote(severity), null);
        }
        boolean passed = rule.comparison().holds(left, right);
        String reason = Decimals.format(left) + (passed ? " " : " is not ") + symbol + " " + Decimals.format(right)
                + valuesNote(rule, values) + (passed ? "" : warningNote(severity));
        return new RuleOutcome(rule.source().number(), rule.source().text(), severity, passed ? Status.PASSED : severity.status(),
                left, right, passed, false, null, null, values, reason, null);
    }

    /** Reports a rule that needs a champion that is missing or lacks the metric. */
    static RuleOutcome skipped(final GateRule rule, final Severity severity, final WithoutChampion policy, final String why,
            final MetricValues challenger) {
        boolean leftKnown = rule.left().references().stream().allMatch(reference -> reference.side() == Side.CHALLENGER)
                && rule.significance().isEmpty();
        Double left = leftKnown ? finite(rule.left().evaluate(challenger, MetricValues.none())) : null;
        Map<String, Double> values = GateEngine.values(rule, challenger, MetricValues.none());
        String effect = switch (policy) {
            case PASS -> "counts as passed";
            case WARN -> "the gate warns";
            case FAIL -> "the gate fails";
        };
        return new RuleOutcome(rule.source().number(), rule.source().text(), severity, policy.status(), left, null, false, true,
                null, null, values, "skipped: " + why + " (" + effect + ")", null);
    }

    /** Decides a significance rule: the difference must lie beyond the margin, with a corrected p-value below alpha. */
    static RuleOutcome significance(final GateRule rule, final Severity severity, final ComparisonEvidence evidence,
            final double adjusted) {
        SignificanceRequirement requirement = rule.significance().orElseThrow();
        boolean higher = rule.comparison().wantsHigher();
        boolean rightSide = higher ? evidence.difference() > evidence.margin() : evidence.difference() < evidence.margin();
        boolean significant = adjusted < requirement.alpha();
        boolean passed = rightSide && significant;
        double threshold = evidence.slope() * evidence.champion() + evidence.margin();
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(evidence.metric(), evidence.challenger());
        values.put(Side.CHAMPION.qualify(evidence.metric()), evidence.champion());

        String difference = evidence.slope() == 1 ? "difference" : "difference to " + Decimals.format(evidence.slope()) + " × champion";
        StringJoiner reason = new StringJoiner("; ");
        reason.add(evidence.metric() + " " + Decimals.format(evidence.challenger()) + " vs champion "
                + Decimals.format(evidence.champion()) + " on " + evidence.rows() + " rows, " + difference + " "
                + Decimals.signed(evidence.difference()) + interval(evidence));
        String side = (higher ? "above " : "below ") + Decimals.format(evidence.margin());
        String test = evidence.method() + " p = " + Decimals.format(evidence.pValue())
                + (adjusted != evidence.pValue() ? " (Holm-adjusted " + Decimals.format(adjusted) + ")" : "");
        if (passed) {
            reason.add("significantly " + side + ": " + test + " < " + Decimals.format(requirement.alpha()));
        }
        else if (!rightSide) {
            reason.add("not " + side + warningNote(severity));
        }
        else {
            reason.add("not significantly " + side + ": " + test + " >= " + Decimals.format(requirement.alpha()) + warningNote(severity));
        }
        return new RuleOutcome(rule.source().number(), rule.source().text(), severity, passed ? Status.PASSED : severity.status(),
                evidence.challenger(), threshold, passed, false, evidence.pValue(), adjusted, values, reason.toString(), evidence);
    }

    private static String interval(final ComparisonEvidence evidence) {
        if (evidence.interval() == null) {
            return "";
        }
        return " (" + Decimals.format(evidence.confidence() * 100) + "% CI " + Decimals.format(evidence.interval().low())
                + " to " + Decimals.format(evidence.interval().high()) + ")";
    }

    /** Names the values behind the sides when a side is more than one bare metric. */
    private static String valuesNote(final GateRule rule, final Map<String, Double> values) {
        boolean bare = rule.references().size() <= 1 && rule.references().stream().allMatch(Expression.Metric.class::isInstance);
        if (bare || values.isEmpty()) {
            return "";
        }
        StringJoiner note = new StringJoiner(", ", " (", ")");
        values.forEach((name, value) -> note.add(name + " = " + Decimals.format(value)));
        return note.toString();
    }

    private static String warningNote(final Severity severity) {
        return severity == Severity.WARN ? " (a warning rule)" : "";
    }

    private static Double finite(final double value) {
        return Double.isFinite(value) ? value : null;
    }
}

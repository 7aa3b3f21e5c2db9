package io.jenkins.plugins.mldelivery.core.gate;

import io.jenkins.plugins.mldelivery.core.result.Status;

import java.util.StringJoiner;

/**
 * Writes a gate result for people: the verdict and the counts on the first line, then one line per
 * rule with its mark ({@code PASS}, {@code FAIL}, {@code WARN}, {@code SKIP}) and its reason.
 */
final class GateSummary {
    private GateSummary() {
        // static formatting only
    }

    static String of(final GateResult result) {
        long passed = result.rules().stream().filter(RuleOutcome::passed).count();
        long skipped = result.rules().stream().filter(RuleOutcome::skipped).count();
        long broken = result.rules().size() - passed - skipped;
        StringJoiner lines = new StringJoiner("\n");
        String against = result.champion() == null ? "no champion" : "against " + result.champion().describe();
        lines.add("Gate " + result.verdict() + " (" + against + "): " + passed + " of " + result.rules().size()
                + " rules passed" + (broken > 0 ? ", " + broken + " broken" : "") + (skipped > 0 ? ", " + skipped + " skipped" : ""));
        for (RuleOutcome rule : result.rules()) {
            lines.add("  " + mark(rule) + "  " + rule.rule() + ": " + rule.reason());
        }
        return lines.toString();
    }

    private static String mark(final RuleOutcome rule) {
        if (rule.skipped()) {
            return "SKIP";
        }
        if (rule.passed()) {
            return "PASS";
        }
        return rule.status() == Status.FAILED ? "FAIL" : "WARN";
    }
}

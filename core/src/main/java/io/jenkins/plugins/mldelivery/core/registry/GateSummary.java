package io.jenkins.plugins.mldelivery.core.registry;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.result.GateRecord;
import io.jenkins.plugins.mldelivery.core.result.StepRecords;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The gate's verdict on a version, as its result file states it, kept in the model card and
 * checked before a promotion.
 *
 * @param verdict the verdict ({@code PASSED}, {@code WARNING} or {@code FAILED})
 * @param rules   each rule with its outcome
 * @param file    the gate result it was read from, or {@code null}
 */
public record GateSummary(String verdict, List<Rule> rules, String file) {
    /** Requires a verdict and copies the rules. */
    public GateSummary {
        Objects.requireNonNull(verdict, "verdict");
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /**
     * Says whether the gate failed the version.
     *
     * @return whether the verdict is {@code FAILED}
     */
    public boolean failed() {
        String upper = verdict.toUpperCase(Locale.ROOT);
        return "FAILED".equals(upper) || "FAIL".equals(upper);
    }

    /**
     * Reads a gate result file ({@code ml-delivery gate --json}) through its typed record, failing closed:
     * only a gate result whose verdict and status agree ({@code PASSED}, {@code WARNING}, or a
     * {@code FAILED} that refuses the promotion) is accepted.
     *
     * @param file the gate result
     * @return the summary
     * @throws BadInputException naming the file and what was found when it is missing, malformed, not a
     *                           gate result, or its verdict is unknown or contradicts its status
     */
    public static GateSummary read(final Path file) {
        GateRecord gate = StepRecords.read(file, GateRecord.class);
        if (!gate.letsThrough() && !gate.failed()) {
            throw new BadInputException(file + ": not a gate verdict a promotion can rely on: verdict '" + gate.verdict()
                    + "' with status '" + gate.status() + "' (a promotion needs both to be PASSED or both WARNING)");
        }
        List<Rule> rules = new ArrayList<>();
        for (GateRecord.Rule rule : gate.rules()) {
            rules.add(new Rule(rule.rule(), rule.passed(), rule.skipped(), text(rule.left()), text(rule.right())));
        }
        return new GateSummary(gate.verdict(), rules, file.toString());
    }

    private static String text(final Double value) {
        return value == null ? null : String.valueOf(value);
    }

    /**
     * One gate rule and its outcome.
     *
     * @param rule    the rule as written, e.g. {@code f1 >= champion.f1 - 0.01}
     * @param passed  whether it held
     * @param skipped whether it could not be evaluated (e.g. no champion yet)
     * @param left    the left side's value, or {@code null}
     * @param right   the right side's value, or {@code null}
     */
    public record Rule(String rule, boolean passed, boolean skipped, String left, String right) {
    }
}

package io.jenkins.plugins.mldelivery.core.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One gate rule and how it came out: both sides as evaluated, passed, failed or skipped.
 *
 * @param rule    the rule as written, e.g. {@code accuracy >= 0.85}
 * @param metric  the metric its left side names (e.g. {@code accuracy}), or null when the left side is an expression
 * @param left    the left side's value, or null
 * @param right   the right side's value (the threshold this build was held to), or null
 * @param passed  whether the rule held
 * @param skipped whether the rule could not be evaluated (for example, no champion yet)
 * @param pValue  the p-value of the rule's significance test, or null
 * @param status  what the rule contributes to the verdict ({@code PASSED}, {@code WARNING}, {@code FAILED}), or null
 * @param reason  one sentence saying why the rule passed, failed or was skipped, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleOutcome(String rule, String metric, Double left, Double right, boolean passed, boolean skipped,
        Double pValue, String status, String reason) {
    // a metric name, optionally with a slice, e.g. accuracy[gender=F], then a comparison
    private static final Pattern LEFT_METRIC = Pattern.compile(
            "^\\s*([A-Za-z_][A-Za-z0-9_.\\-]*(?:\\[[^\\]]*\\])?)\\s*(?:>=|<=|==|!=|>|<)");

    /** Validates the fields. */
    public RuleOutcome {
        Objects.requireNonNull(rule, "rule");
    }

    /**
     * Reads one entry of the contract's {@code rules[]}.
     *
     * @param json the JSON object
     * @return the outcome, or null if it has no rule text
     */
    static RuleOutcome from(final JsonNode json) {
        String rule = JsonFields.text(json, "rule");
        if (rule == null) {
            return null;
        }
        String metric = JsonFields.text(json, "metric");
        return new RuleOutcome(rule, metric != null ? metric : metricOf(rule), JsonFields.number(json, "left"),
                JsonFields.number(json, "right"), JsonFields.isTrue(json, "passed"), JsonFields.isTrue(json, "skipped"),
                JsonFields.number(json, "pValue"), JsonFields.text(json, "status"), JsonFields.text(json, "reason"));
    }

    /**
     * Returns the metric a rule's left side names.
     *
     * @param rule the rule text
     * @return the metric name, or null if the left side is not a plain metric
     */
    static String metricOf(final String rule) {
        Matcher matcher = LEFT_METRIC.matcher(rule);
        return matcher.find() ? matcher.group(1) : null;
    }

    /**
     * Says whether the rule failed the gate: it was decided, did not hold, and is not a warn-only rule.
     *
     * @return whether the rule failed
     */
    public boolean failed() {
        return broken() && !"WARNING".equals(status);
    }

    /**
     * Says whether the rule only warned: it was decided and did not hold, but breaking it only warns.
     *
     * @return whether the rule warned
     */
    public boolean warned() {
        return broken() && "WARNING".equals(status);
    }

    private boolean broken() {
        return !passed && !skipped;
    }

    /**
     * Says whether a larger value of the metric is what the rule asks for.
     *
     * @return true for {@code >}/{@code >=}, false for {@code <}/{@code <=}, null otherwise
     */
    public Boolean higherIsBetter() {
        String afterMetric = metric == null ? rule : rule.substring(Math.max(0, rule.indexOf(metric) + metric.length()));
        String trimmed = afterMetric.stripLeading();
        if (trimmed.startsWith(">")) {
            return true;
        }
        if (trimmed.startsWith("<")) {
            return false;
        }
        return null;
    }
}

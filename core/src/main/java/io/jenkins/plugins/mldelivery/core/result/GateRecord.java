package io.jenkins.plugins.mldelivery.core.result;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A gate result ({@code ml-delivery gate --json}) as every reader sees it: the verdict, each rule's
 * outcome, the metrics judged and the champion they were judged against.
 *
 * @param formatVersion the result format's version (1 when the file does not say)
 * @param step          {@code gate}
 * @param status        the step's status
 * @param verdict       the gate's verdict
 * @param timing        when it ran, or null
 * @param inputs        the files it read
 * @param rules         each rule's outcome, in the order the gate evaluated them
 * @param metrics       the metrics judged, by name
 * @param champion      the champion compared with, or null when there was none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GateRecord(Integer formatVersion, String step, Status status, String verdict, Timing timing,
        List<InputIdentity> inputs, List<Rule> rules,
        Map<String, Double> metrics, Champion champion) implements RecordedStep {
    /** Requires the step, status and verdict; absent lists are empty. */
    public GateRecord {
        formatVersion = formatVersion == null ? 1 : formatVersion;
        Required.field(step, "step");
        Required.field(status, "status");
        Required.field(verdict, "verdict");
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        rules = rules == null ? List.of() : List.copyOf(rules);
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    /**
     * Says whether the gate lets a model through: its verdict and its status agree on {@code PASSED}
     * or on {@code WARNING}. A verdict this version does not know, or one its status contradicts, is not a pass.
     *
     * @return whether a promotion may rely on this gate
     */
    @JsonIgnore
    public boolean letsThrough() {
        return (Status.PASSED.name().equals(verdict) || Status.WARNING.name().equals(verdict)) && verdict.equals(status.name());
    }

    /**
     * Says whether the gate failed the model: verdict and status agree on {@code FAILED}.
     *
     * @return whether the gate failed
     */
    @JsonIgnore
    public boolean failed() {
        return Status.FAILED.name().equals(verdict) && status == Status.FAILED;
    }

    /**
     * Returns the rules that were evaluated and did not hold.
     *
     * @return the failed rules
     */
    @JsonIgnore
    public List<Rule> failedRules() {
        return rules.stream().filter(Rule::failed).toList();
    }

    /**
     * Returns the value the gate judged for a metric, from the rule whose left side names it.
     *
     * @param metric the metric name
     * @return the judged value, if a rule judged it
     */
    public Optional<Double> judged(final String metric) {
        return rules.stream().filter(rule -> metric.equals(rule.metric()) && rule.left() != null)
                .map(Rule::left).findFirst();
    }

    /**
     * The champion a gate compared with.
     *
     * @param model   the registered model
     * @param version its version
     * @param alias   the alias it was found by, or null
     * @param metrics its metrics, by name
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Champion(String model, String version, String alias, Map<String, Double> metrics) {
        /** Copies the map. */
        public Champion {
            metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        }
    }

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
    public record Rule(String rule, String metric, Double left, Double right, boolean passed, boolean skipped,
            Double pValue, String status, String reason) {
        // a metric name, optionally with a slice, e.g. accuracy[gender=F], then a comparison
        private static final Pattern LEFT_METRIC = Pattern.compile(
                "^\\s*([A-Za-z_][A-Za-z0-9_.\\-]*(?:\\[[^\\]]*\\])?)\\s*(?:>=|<=|==|!=|>|<)");

        /** Requires the rule's text; names the metric from it when the result does not. */
        public Rule {
            Required.field(rule, "rule");
            metric = metric != null ? metric : metricOf(rule);
        }

        /**
         * Returns the metric a rule's left side names.
         *
         * @param rule the rule text
         * @return the metric name, or null if the left side is not a plain metric
         */
        public static String metricOf(final String rule) {
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
            String trimmed = afterMetric.stripLeading().toLowerCase(Locale.ROOT);
            if (trimmed.startsWith(">")) {
                return true;
            }
            if (trimmed.startsWith("<")) {
                return false;
            }
            return null;
        }
    }
}

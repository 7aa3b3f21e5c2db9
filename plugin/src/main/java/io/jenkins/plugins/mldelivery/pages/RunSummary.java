package io.jenkins.plugins.mldelivery.pages;

import com.fasterxml.jackson.databind.JsonNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The view model of a build's ML Delivery results, read from the result JSON of its steps (the
 * fields of DESIGN.md's contract only): the gate's verdict with the rules that failed, the metrics
 * with their change since the previous trained build, the drifted features, the promoted version
 * and the canary's decision. Jelly reads it through its getters; every text it shows is escaped.
 */
public final class RunSummary {
    private static final MathContext DIGITS = new MathContext(4);

    private final MlDeliveryRunAction action;
    private final Map<String, Double> previousMetrics;

    RunSummary(final MlDeliveryRunAction action, final Map<String, Double> previousMetrics) {
        this.action = action;
        this.previousMetrics = previousMetrics;
    }

    public List<RecordedStep> getSteps() {
        return action.getSteps();
    }

    /**
     * Returns the gate's verdict, if the build ran a gate.
     *
     * @return the verdict, or {@code null}
     */
    @CheckForNull
    public Verdict getGate() {
        return action.latest("gate").map(Verdict::new).orElse(null);
    }

    /**
     * Returns the metrics of the build's last training, with their change since the previous build
     * that trained.
     *
     * @return the metrics, empty if the build did not train
     */
    public List<Metric> getMetrics() {
        List<Metric> metrics = new ArrayList<>();
        action.latest("train").ifPresent(train -> TrainHistory.metrics(train)
                .forEach((name, value) -> metrics.add(new Metric(name, value, previousMetrics.get(name)))));
        return metrics;
    }

    /**
     * Returns the features whose drift the last validation declared.
     *
     * @return the drifted features, empty if none drifted or the build did not validate data
     */
    public List<Feature> getDriftedFeatures() {
        List<Feature> drifted = new ArrayList<>();
        action.latest("validate").ifPresent(validation -> {
            for (JsonNode column : validation.path("drift").path("columns")) {
                if (column.path("drifted").asBoolean()) {
                    drifted.add(new Feature(column));
                }
            }
        });
        return drifted;
    }

    /**
     * Returns the last validation's outcome in numbers.
     *
     * @return the validation, or {@code null} if the build did not validate data
     */
    @CheckForNull
    public Validation getValidation() {
        return action.latest("validate").map(Validation::new).orElse(null);
    }

    /**
     * Returns the last promotion.
     *
     * @return the promotion, or {@code null} if the build promoted nothing
     */
    @CheckForNull
    public Promotion getPromotion() {
        return action.latest("promote").map(Promotion::new).orElse(null);
    }

    /**
     * Returns the last canary's decision and steps.
     *
     * @return the canary, or {@code null} if the build ran no canary
     */
    @CheckForNull
    public Canary getCanary() {
        return action.latest("canary").map(Canary::new).orElse(null);
    }

    /**
     * Formats a number with four significant digits, as the page shows metrics.
     *
     * @param value the number
     * @return its text, e.g. {@code 0.8734} or {@code 1.235E+5}
     */
    static String format(final double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).round(DIGITS).stripTrailingZeros().toString();
    }

    private static String text(final JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return "";
        }
        return node.isNumber() ? format(node.doubleValue()) : node.asText();
    }

    /** The gate's verdict and the rules that did not pass. */
    public static final class Verdict {
        private final String verdict;
        private final List<Rule> failedRules = new ArrayList<>();
        private int passed;
        private int skipped;

        Verdict(final JsonNode gate) {
            verdict = gate.path("verdict").asText(gate.path("status").asText());
            for (JsonNode rule : gate.path("rules")) {
                if (rule.path("skipped").asBoolean()) {
                    skipped++;
                }
                else if (rule.path("passed").asBoolean()) {
                    passed++;
                }
                else {
                    failedRules.add(new Rule(rule));
                }
            }
        }

        public String getVerdict() {
            return verdict;
        }

        public List<Rule> getFailedRules() {
            return failedRules;
        }

        public int getPassed() {
            return passed;
        }

        public int getSkipped() {
            return skipped;
        }
    }

    /** One gate rule with its two sides as evaluated. */
    public static final class Rule {
        private final String rule;
        private final String left;
        private final String right;

        Rule(final JsonNode node) {
            rule = node.path("rule").asText();
            left = text(node.path("left"));
            right = text(node.path("right"));
        }

        public String getRule() {
            return rule;
        }

        public String getLeft() {
            return left;
        }

        public String getRight() {
            return right;
        }
    }

    /** One metric and its change since the previous build that trained. */
    public static final class Metric {
        private final String name;
        private final String value;
        @CheckForNull
        private final String delta;

        Metric(final String name, final double value, @CheckForNull final Double previous) {
            this.name = name;
            this.value = format(value);
            if (previous == null) {
                delta = null;
            }
            else {
                double change = value - previous;
                delta = (change >= 0 ? "+" : "") + format(change);
            }
        }

        public String getName() {
            return name;
        }

        public String getValue() {
            return value;
        }

        @CheckForNull
        public String getDelta() {
            return delta;
        }
    }

    /** A drifted feature with the test that declared it. */
    public static final class Feature {
        private final String name;
        private final String method;
        private final String adjustedPValue;
        private final String effectSize;

        Feature(final JsonNode column) {
            name = column.path("name").asText();
            method = column.path("method").asText();
            adjustedPValue = text(column.path("pValueAdjusted"));
            effectSize = text(column.path("effectSize"));
        }

        public String getName() {
            return name;
        }

        public String getMethod() {
            return method;
        }

        public String getAdjustedPValue() {
            return adjustedPValue;
        }

        public String getEffectSize() {
            return effectSize;
        }
    }

    /** A validation in numbers. */
    public static final class Validation {
        private final String status;
        private final String rows;
        private final int violations;
        private final String driftedShare;

        Validation(final JsonNode validation) {
            status = validation.path("status").asText();
            rows = text(validation.path("rows"));
            violations = validation.path("violations").size();
            driftedShare = text(validation.path("drift").path("driftedShare"));
        }

        public String getStatus() {
            return status;
        }

        public String getRows() {
            return rows;
        }

        public int getViolations() {
            return violations;
        }

        public String getDriftedShare() {
            return driftedShare;
        }
    }

    /** A promotion: which version of which model the alias now points to. */
    public static final class Promotion {
        private final String model;
        private final String version;
        private final String alias;
        private final String previousVersion;

        Promotion(final JsonNode promotion) {
            model = promotion.path("model").asText();
            version = text(promotion.path("version"));
            alias = promotion.path("alias").asText();
            previousVersion = text(promotion.path("previousVersion"));
        }

        public String getModel() {
            return model;
        }

        public String getVersion() {
            return version;
        }

        public String getAlias() {
            return alias;
        }

        public String getPreviousVersion() {
            return previousVersion;
        }
    }

    /** A canary's decision and the number of traffic steps it went through. */
    public static final class Canary {
        private final String decision;
        private final int steps;

        Canary(final JsonNode canary) {
            decision = canary.path("decision").asText();
            steps = canary.path("steps").size();
        }

        public String getDecision() {
            return decision;
        }

        public int getSteps() {
            return steps;
        }
    }
}

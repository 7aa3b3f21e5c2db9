package io.jenkins.plugins.mldelivery.core.report;

import io.jenkins.plugins.mldelivery.core.result.GateRecord;
import io.jenkins.plugins.mldelivery.core.history.chart.MetricTrendChart;
import io.jenkins.plugins.mldelivery.core.history.chart.ShortNumber;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A metric of this run beside the champion's value: the change, its direction as an arrow, and
 * whether that is better or worse, in words, so the meaning never rests on colour.
 *
 * @param name            the metric name
 * @param current         this run's value, or null if this run lacks the metric
 * @param champion        the champion's value, or null if the champion lacks it
 * @param higherIsBetter  whether larger values are better, or null if unknown
 */
public record MetricChange(String name, Double current, Double champion, Boolean higherIsBetter) {
    // names whose smaller values are better: losses, errors, latencies, sizes
    private static final Pattern LOWER_IS_BETTER = Pattern.compile(
            "(?i).*(loss|error|err$|latency|_ms$|_seconds$|duration|time$|mae|mse|rmse|mape|bytes|size$|brier|fpr|fnr).*");
    private static final Pattern HIGHER_IS_BETTER = Pattern.compile(
            "(?i).*(accuracy|f1|auc|precision|recall|r2|sensitivity|specificity|throughput|ndcg|map$|score).*");

    /** Validates the fields. */
    public MetricChange {
        Objects.requireNonNull(name, "name");
    }

    /**
     * Compares every metric of this run (and every metric only the champion has) with the champion.
     *
     * @param current  this run's metrics
     * @param champion the champion's metrics (empty when there is no champion)
     * @param rules    the gate's rules, which say which direction each metric should move
     * @return one change per metric, sorted by name
     */
    public static List<MetricChange> compare(final Map<String, Double> current, final Map<String, Double> champion,
            final List<GateRecord.Rule> rules) {
        java.util.SortedSet<String> names = new java.util.TreeSet<>(current.keySet());
        names.addAll(champion.keySet());
        List<MetricChange> changes = new ArrayList<>();
        for (String name : names) {
            changes.add(new MetricChange(name, current.get(name), champion.get(name), direction(name, rules)));
        }
        return changes;
    }

    /**
     * Returns which direction is better for a metric: as a gate rule on it says, else as its name says.
     *
     * @param name  the metric name
     * @param rules the gate's rules
     * @return true if higher is better, false if lower is, null if unknown
     */
    static Boolean direction(final String name, final List<GateRecord.Rule> rules) {
        String group = MetricTrendChart.groupOf(name);
        for (GateRecord.Rule rule : rules) {
            if (rule.metric() != null && (rule.metric().equals(name) || MetricTrendChart.groupOf(rule.metric()).equals(group))
                    && rule.higherIsBetter() != null) {
                return rule.higherIsBetter();
            }
        }
        String lower = group.toLowerCase(Locale.ROOT);
        if (LOWER_IS_BETTER.matcher(lower).matches()) {
            return false;
        }
        if (HIGHER_IS_BETTER.matcher(lower).matches()) {
            return true;
        }
        return null;
    }

    /**
     * Returns the difference to the champion.
     *
     * @return current - champion, or null if either is missing
     */
    public Double delta() {
        return current == null || champion == null ? null : current - champion;
    }

    /**
     * Describes the change for people: arrow, signed difference, and better or worse when known.
     *
     * @return e.g. {@code ▲ +0.0062 better}, {@code ▼ -2.9 better}, {@code = no change}, {@code new}, {@code dropped}
     */
    public String describe() {
        if (champion == null) {
            return current == null ? "" : "new";
        }
        if (current == null) {
            return "dropped";
        }
        double delta = current - champion;
        if (delta == 0 || ShortNumber.format(Math.abs(delta)).equals("0")) {
            return "= no change";
        }
        String arrow = delta > 0 ? "▲ +" : "▼ -";
        String text = arrow + ShortNumber.format(Math.abs(delta));
        Boolean better = better();
        return better == null ? text : text + (better ? " better" : " worse");
    }

    /**
     * Says whether this run is better than the champion on this metric.
     *
     * @return true if better, false if worse, null if equal, missing or of unknown direction
     */
    public Boolean better() {
        Double delta = delta();
        if (delta == null || delta == 0 || higherIsBetter == null) {
            return null;
        }
        return higherIsBetter == delta > 0;
    }
}

package io.jenkins.plugins.mldelivery.core.canary.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code metrics} list of a plan and checks each metric against what the source can measure.
 */
final class MetricSpecReader {
    private MetricSpecReader() {
        // static entry point only
    }

    static List<MetricSpec> read(final PlanNode root, final SourceSpec source) {
        List<PlanNode> items = root.objects("metrics");
        List<MetricSpec> metrics = new ArrayList<>();
        for (PlanNode item : items) {
            if (!item.isObject()) {
                throw item.error("expected a mapping with at least a name");
            }
            metrics.add(metric(item.allowOnly("name", "kind", "direction", "allowedChange", "critical", "mustHaveData",
                    "weight", "query", "events", "trials"), source));
        }
        PlanReader.requireUnique(items, metrics.stream().map(MetricSpec::name).toList());
        return metrics;
    }

    private static MetricSpec metric(final PlanNode node, final SourceSpec source) {
        String name = node.text("name");
        Map<String, String> queries = new LinkedHashMap<>();
        for (String key : List.of("query", "events", "trials")) {
            if (node.has(key)) {
                queries.put(key, node.text(key));
            }
        }
        MetricKind inferred = queries.containsKey("events") || queries.containsKey("trials") ? MetricKind.RATE : MetricKind.CONTINUOUS;
        if (source instanceof SourceSpec.Replay) {
            MetricKind measured = SourceSpec.Replay.METRICS.get(name);
            if (measured == null) {
                throw node.error("name", "a replay measures " + String.join(", ", SourceSpec.Replay.METRICS.keySet())
                        + ", not '" + name + "'");
            }
            inferred = measured;
        }
        MetricKind kind = node.choice("kind", MetricKind.class, inferred);
        checkQueries(node, source, name, kind, queries);
        Direction direction = node.choice("direction", Direction.class, Direction.INCREASE);
        return new MetricSpec(name, kind, direction, allowedChange(node), node.bool("critical", false),
                node.bool("mustHaveData", false), node.number("weight", 1, 1e-9, 1e9), queries);
    }

    private static void checkQueries(final PlanNode node, final SourceSpec source, final String name, final MetricKind kind,
            final Map<String, String> queries) {
        if (source instanceof SourceSpec.Replay && SourceSpec.Replay.METRICS.get(name) != kind) {
            throw node.error("kind", "a replay measures '" + name + "' as " + SourceSpec.Replay.METRICS.get(name).name().toLowerCase()
                    + ", not " + kind.name().toLowerCase());
        }
        if (!(source instanceof SourceSpec.Prometheus)) {
            if (!queries.isEmpty()) {
                throw node.error(queries.keySet().iterator().next(), "only a prometheus source takes queries");
            }
            return;
        }
        if (kind == MetricKind.CONTINUOUS) {
            if (!queries.containsKey("query")) {
                throw node.error("query", "missing (a continuous metric from Prometheus needs a range query, e.g. "
                        + "'histogram_quantile(0.95, sum by (le) (rate(latency_bucket{version=\"{version}\"}[1m])))')");
            }
            if (queries.size() > 1) {
                throw node.error("events", "a continuous metric takes one query; events and trials are for kind rate");
            }
        }
        else {
            for (String key : List.of("events", "trials")) {
                if (!queries.containsKey(key)) {
                    throw node.error(key, "missing (a rate from Prometheus needs an events and a trials query, e.g. "
                            + "'sum(increase(requests_total{version=\"{version}\",code=~\"5..\"}[{window}]))')");
                }
            }
            if (queries.containsKey("query")) {
                throw node.error("query", "a rate takes events and trials queries, not query");
            }
        }
    }

    private static AllowedChange allowedChange(final PlanNode node) {
        if (!node.has("allowedChange")) {
            return AllowedChange.NONE;
        }
        PlanNode change = node.object("allowedChange").allowOnly("ratio", "absolute");
        if (change.has("ratio") == change.has("absolute")) {
            throw change.error("expected exactly one of ratio (e.g. 1.1) or absolute (e.g. 5)");
        }
        return change.has("ratio") ? AllowedChange.ratio(change.number("ratio", 1, 1, 1e9))
                : AllowedChange.absolute(change.number("absolute", 0, 0, Double.MAX_VALUE));
    }
}

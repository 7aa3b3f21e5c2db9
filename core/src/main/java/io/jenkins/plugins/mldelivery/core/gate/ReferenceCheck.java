package io.jenkins.plugins.mldelivery.core.gate;

import io.jenkins.plugins.mldelivery.core.gate.rule.Expression;
import io.jenkins.plugins.mldelivery.core.gate.rule.GateRule;
import io.jenkins.plugins.mldelivery.core.gate.rule.MetricValues;
import io.jenkins.plugins.mldelivery.core.gate.rule.Side;

import java.util.Optional;
import java.util.SortedMap;

/**
 * Checks that the metrics a rule reads exist before it is evaluated: a missing metric of the model
 * under test is the user's mistake (a typo, a metric the run did not write) and stops the gate with
 * a message listing the metrics that exist; a missing metric of the champion only means the rule
 * cannot be decided.
 */
final class ReferenceCheck {
    private ReferenceCheck() {
        // static checks only
    }

    /**
     * Fails on the first metric of the challenger that the rule reads and the run did not produce.
     *
     * @throws io.jenkins.plugins.mldelivery.core.io.BadInputException naming the rule, the metric and the metrics that exist
     */
    static void requireChallengerMetrics(final GateRule rule, final MetricValues metrics) {
        for (Expression.Reference reference : rule.references()) {
            if (reference.side() == Side.CHALLENGER) {
                missing(reference, metrics).ifPresent(problem -> {
                    throw rule.source().error(problem + "; the metrics are " + listing(metrics));
                });
            }
        }
    }

    /**
     * Returns why the champion's metrics cannot decide the rule, if they cannot.
     *
     * @return the first champion metric the rule reads that the champion lacks, described for people
     */
    static Optional<String> missingChampionMetric(final GateRule rule, final Champion champion) {
        for (Expression.Reference reference : rule.references()) {
            if (reference.side() == Side.CHAMPION) {
                Optional<String> problem = missing(reference, champion.metrics());
                if (problem.isPresent()) {
                    return Optional.of("the champion, " + champion.describe() + ", has " + problem.get().replaceFirst("^unknown ", "no ")
                            + "; it has " + listing(champion.metrics()));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> missing(final Expression.Reference reference, final MetricValues metrics) {
        if (reference instanceof Expression.Metric metric) {
            if (metrics.find(metric.name()).isPresent()) {
                return Optional.empty();
            }
            return Optional.of("unknown metric '" + metric.name() + "'" + suggestion(metric.name(), metrics));
        }
        Expression.SliceAggregate aggregate = (Expression.SliceAggregate) reference;
        SortedMap<String, Double> slices = aggregate.slices(metrics);
        if (slices.size() >= aggregate.aggregate().minimumSlices()) {
            return Optional.empty();
        }
        return Optional.of("unknown metric '" + aggregate.metric() + "[" + aggregate.attribute() + "=…]': "
                + aggregate.aggregate().functionName() + " needs at least " + aggregate.aggregate().minimumSlices()
                + " slice metrics such as " + aggregate.metric() + "[" + aggregate.attribute() + "=A], found " + slices.size());
    }

    private static String listing(final MetricValues metrics) {
        return metrics.isEmpty() ? "(none)" : String.join(", ", metrics.names());
    }

    /** Suggests the nearest existing name within two edits, the usual size of a typo. */
    private static String suggestion(final String name, final MetricValues metrics) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : metrics.names()) {
            int distance = editDistance(name, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    /** Levenshtein distance by the two-row dynamic programme. */
    private static int editDistance(final String a, final String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

package io.jenkins.plugins.mldelivery.pages;

import com.fasterxml.jackson.databind.JsonNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import io.jenkins.plugins.mldelivery.core.seams.TrendPoint;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The metrics that {@code mlTrain} recorded in the builds of a job, read newest first and capped:
 * a trend looks at most {@link #TREND_BUILDS} builds with results and walks at most
 * {@link #SCAN_LIMIT} builds, so that a job with a long history costs a bounded number of loads.
 */
final class TrainHistory {
    /** How many builds with metrics the trend shows. */
    static final int TREND_BUILDS = 50;
    /** How many builds a walk through the history loads at most. */
    static final int SCAN_LIMIT = 200;
    /** How many earlier builds the summary looks at for the previous metrics (it renders with every build page). */
    static final int PREVIOUS_SCAN_LIMIT = 20;
    private static final String TRAIN = "train";
    /** The steps whose last result in a build the trend reads. */
    private static final List<String> STEPS = List.of("validate", TRAIN, "gate", "promote", "canary");

    private TrainHistory() {
        // static functions only
    }

    /**
     * Returns the metrics of the closest earlier build that trained, for the deltas of the summary.
     *
     * @param run the build
     * @return the metrics, empty if no earlier build within the scan limit trained
     */
    static Map<String, Double> previousMetrics(@CheckForNull final Run<?, ?> run) {
        if (run == null) {
            return Map.of();
        }
        Iterator<TrendPoint> points = points(run.getPreviousBuild(), PREVIOUS_SCAN_LIMIT);
        return points.hasNext() ? metrics(points.next().results().get(TRAIN)) : Map.of();
    }

    /**
     * Returns the trend points from a build backwards, newest first.
     *
     * @param newest    the newest build to look at
     * @param limit     the number of points wanted
     * @param scanLimit the number of builds to load at most
     * @return at most {@code limit} points
     */
    static List<TrendPoint> trend(@CheckForNull final Run<?, ?> newest, final int limit, final int scanLimit) {
        List<TrendPoint> trend = new ArrayList<>();
        Iterator<TrendPoint> points = points(newest, scanLimit);
        while (points.hasNext() && trend.size() < limit) {
            trend.add(points.next());
        }
        return trend;
    }

    /**
     * Reads the numeric metrics of a {@code train} result.
     *
     * @param train the result JSON
     * @return the metrics in the result's order
     */
    static Map<String, Double> metrics(@CheckForNull final JsonNode train) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (train == null) {
            return metrics;
        }
        for (Map.Entry<String, JsonNode> field : train.path("metrics").properties()) {
            if (field.getValue().isNumber()) {
                metrics.put(field.getKey(), field.getValue().doubleValue());
            }
        }
        return metrics;
    }

    private static Iterator<TrendPoint> points(@CheckForNull final Run<?, ?> start, final int scanLimit) {
        return new Iterator<>() {
            private Run<?, ?> next = start;
            private int scanned;
            private TrendPoint point = advance();

            private TrendPoint advance() {
                while (next != null && scanned < scanLimit) {
                    Run<?, ?> run = next;
                    next = run.getPreviousBuild();
                    scanned++;
                    Optional<TrendPoint> found = pointOf(run);
                    if (found.isPresent()) {
                        return found.get();
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return point != null;
            }

            @Override
            public TrendPoint next() {
                if (point == null) {
                    throw new NoSuchElementException();
                }
                TrendPoint current = point;
                point = advance();
                return current;
            }
        };
    }

    /** A build counts when it trained; its other results (the gate's thresholds, the drift) come along. */
    private static Optional<TrendPoint> pointOf(final Run<?, ?> run) {
        MlDeliveryRunAction action = run.getAction(MlDeliveryRunAction.class);
        if (action == null || action.latest(TRAIN).isEmpty()) {
            return Optional.empty();
        }
        Map<String, JsonNode> results = new LinkedHashMap<>();
        for (String step : STEPS) {
            action.latest(step).ifPresent(result -> results.put(step, result));
        }
        return Optional.of(new TrendPoint(run.getNumber(), run.getDisplayName(), results));
    }
}

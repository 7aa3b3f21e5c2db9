package io.jenkins.plugins.mldelivery.core.gate.significance;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The metrics the gate can recompute from a predictions file, row by row, so that they can be
 * compared with significance tests and resampled by the bootstrap. The definitions are
 * scikit-learn's ({@code accuracy_score}, {@code precision_score}, {@code recall_score},
 * {@code f1_score} with {@code zero_division=0}, {@code roc_auc_score}, {@code log_loss},
 * {@code brier_score_loss}) and NumPy's default linear-interpolation percentile for latencies.
 */
public enum PredictionMetric {
    /** The share of rows predicted right. */
    ACCURACY("accuracy", Needs.PREDICTION),
    /** Of the rows predicted positive, the share that are positive. */
    PRECISION("precision", Needs.PREDICTION),
    /** Of the positive rows, the share predicted positive. */
    RECALL("recall", Needs.PREDICTION),
    /** The harmonic mean of precision and recall. */
    F1("f1", Needs.PREDICTION),
    /** The area under the ROC curve of the probabilities (Mann-Whitney U over positives and negatives). */
    ROC_AUC("roc_auc", Needs.PROBABILITY),
    /** The mean negative log-likelihood of the labels under the probabilities, clipped at machine epsilon. */
    LOGLOSS("logloss", Needs.PROBABILITY),
    /** The mean squared difference between the probability and the label. */
    BRIER("brier", Needs.PROBABILITY),
    /** The mean scoring latency in milliseconds. */
    LATENCY_MEAN_MS("latency_mean_ms", Needs.LATENCY),
    /** The median scoring latency in milliseconds. */
    LATENCY_P50_MS("latency_p50_ms", Needs.LATENCY),
    /** The 95th percentile of scoring latency in milliseconds. */
    LATENCY_P95_MS("latency_p95_ms", Needs.LATENCY),
    /** The 99th percentile of scoring latency in milliseconds. */
    LATENCY_P99_MS("latency_p99_ms", Needs.LATENCY);

    /** What a metric needs from the predictions file. */
    public enum Needs {
        /** The {@code prediction} column. */
        PREDICTION("prediction"),
        /** The {@code probability} column. */
        PROBABILITY("probability"),
        /** The {@code latency_ms} column. */
        LATENCY("latency_ms");

        private final String column;

        Needs(final String column) {
            this.column = column;
        }

        /**
         * Returns the column of the predictions file this needs.
         *
         * @return the column name
         */
        public String column() {
            return column;
        }
    }

    private static final double EPSILON = Math.ulp(1.0);

    private final String metricName;
    private final Needs needs;

    PredictionMetric(final String metricName, final Needs needs) {
        this.metricName = metricName;
        this.needs = needs;
    }

    /**
     * Returns the metric's name as in metrics files and rules.
     *
     * @return for example {@code f1}
     */
    public String metricName() {
        return metricName;
    }

    /**
     * Returns what the metric needs from the predictions file.
     *
     * @return the needed column
     */
    public Needs needs() {
        return needs;
    }

    /**
     * Finds the metric of a name.
     *
     * @param name the metric's name, without slice
     * @return the metric, or empty when the gate cannot compute it from predictions
     */
    public static Optional<PredictionMetric> byName(final String name) {
        return Arrays.stream(values()).filter(metric -> metric.metricName.equals(name)).findFirst();
    }

    /**
     * Returns the names of all metrics the gate can compute from predictions.
     *
     * @return the names, comma-separated
     */
    public static String names() {
        return Arrays.stream(values()).map(PredictionMetric::metricName).collect(Collectors.joining(", "));
    }

    /**
     * Computes the metric over all rows.
     *
     * @param labels the true classes
     * @param model  the model's predictions
     * @return the metric's value
     */
    public double value(final byte[] labels, final ModelPredictions model) {
        return value(labels, model, null);
    }

    /**
     * Computes the metric over some rows, as drawn by a bootstrap resample (a row may repeat).
     *
     * @param labels the true classes
     * @param model  the model's predictions
     * @param rows   the rows to use, or {@code null} for all
     * @return the metric's value
     */
    public double value(final byte[] labels, final ModelPredictions model, final int[] rows) {
        int n = rows == null ? labels.length : rows.length;
        switch (this) {
            case ROC_AUC:
                return auc(labels, model.probabilities(), rows, n);
            case LOGLOSS:
            case BRIER:
            case LATENCY_MEAN_MS:
                return mean(labels, model, rows, n);
            case LATENCY_P50_MS:
                return percentile(model.latencies(), rows, n, 50);
            case LATENCY_P95_MS:
                return percentile(model.latencies(), rows, n, 95);
            case LATENCY_P99_MS:
                return percentile(model.latencies(), rows, n, 99);
            default:
                return fromConfusion(labels, model.predictions(), rows, n);
        }
    }

    /**
     * Returns the paired difference {@code challenger - slope * champion} on the rows a bootstrap
     * resample draws. It is computed from per-row values prepared once: for the classification
     * metrics each row's cell of the joint confusion table (label and both predictions, 8 cells),
     * for the mean metrics each row's difference, so that a resample costs one pass over the rows
     * drawn without a logarithm or a branch; the percentiles sort the rows drawn.
     *
     * @param labels     the true classes
     * @param challenger the challenger's predictions
     * @param champion   the champion's predictions, same rows
     * @param slope      the factor on the champion's metric
     * @return the statistic of a resample's row indices
     */
    public ToDoubleFunction<int[]> pairedDifference(final byte[] labels, final ModelPredictions challenger,
            final ModelPredictions champion, final double slope) {
        int n = labels.length;
        switch (this) {
            case ACCURACY:
            case PRECISION:
            case RECALL:
            case F1: {
                byte[] cells = new byte[n];
                for (int i = 0; i < n; i++) {
                    cells[i] = (byte) (labels[i] << 2 | challenger.predictions()[i] << 1 | champion.predictions()[i]);
                }
                return drawn -> {
                    long[] counts = new long[8];
                    for (int row : drawn) {
                        counts[cells[row]]++;
                    }
                    return fromCells(counts, 1, drawn.length) - slope * fromCells(counts, 0, drawn.length);
                };
            }
            case LOGLOSS:
            case BRIER:
            case LATENCY_MEAN_MS: {
                double[] differences = new double[n];
                for (int i = 0; i < n; i++) {
                    differences[i] = rowValue(labels, challenger, i) - slope * rowValue(labels, champion, i);
                }
                return drawn -> {
                    double sum = 0;
                    for (int row : drawn) {
                        sum += differences[row];
                    }
                    return sum / drawn.length;
                };
            }
            default:
                return drawn -> value(labels, challenger, drawn) - slope * value(labels, champion, drawn);
        }
    }

    /** A classification metric of one model from the joint cells (label bit 2, challenger bit 1, champion bit 0). */
    private double fromCells(final long[] cells, final int bit, final int n) {
        long truePositive = 0;
        long falsePositive = 0;
        long falseNegative = 0;
        long right = 0;
        for (int cell = 0; cell < 8; cell++) {
            int label = cell >> 2;
            int predicted = cell >> bit & 1;
            right += label == predicted ? cells[cell] : 0;
            truePositive += label == 1 && predicted == 1 ? cells[cell] : 0;
            falsePositive += label == 0 && predicted == 1 ? cells[cell] : 0;
            falseNegative += label == 1 && predicted == 0 ? cells[cell] : 0;
        }
        return switch (this) {
            case ACCURACY -> (double) right / n;
            case PRECISION -> ratio(truePositive, truePositive + falsePositive);
            case RECALL -> ratio(truePositive, truePositive + falseNegative);
            case F1 -> ratio(2 * truePositive, 2 * truePositive + falsePositive + falseNegative);
            default -> throw new IllegalStateException(name());
        };
    }

    private double fromConfusion(final byte[] labels, final byte[] predictions, final int[] rows, final int n) {
        long truePositive = 0;
        long falsePositive = 0;
        long falseNegative = 0;
        long right = 0;
        for (int i = 0; i < n; i++) {
            int row = rows == null ? i : rows[i];
            int label = labels[row];
            int predicted = predictions[row];
            right += label == predicted ? 1 : 0;
            truePositive += label & predicted;
            falsePositive += (1 - label) & predicted;
            falseNegative += label & (1 - predicted);
        }
        return switch (this) {
            case ACCURACY -> n == 0 ? Double.NaN : (double) right / n;
            case PRECISION -> ratio(truePositive, truePositive + falsePositive);
            case RECALL -> ratio(truePositive, truePositive + falseNegative);
            case F1 -> ratio(2 * truePositive, 2 * truePositive + falsePositive + falseNegative);
            default -> throw new IllegalStateException(name());
        };
    }

    /** scikit-learn's {@code zero_division=0}: a ratio of nothing is 0. */
    private static double ratio(final long numerator, final long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    private double mean(final byte[] labels, final ModelPredictions model, final int[] rows, final int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += rowValue(labels, model, rows == null ? i : rows[i]);
        }
        return sum / n;
    }

    /** One row's contribution to a mean metric: its log-loss, squared error or latency. */
    private double rowValue(final byte[] labels, final ModelPredictions model, final int row) {
        return switch (this) {
            case LOGLOSS -> {
                double p = Math.min(Math.max(model.probabilities()[row], EPSILON), 1 - EPSILON);
                yield labels[row] == 1 ? -Math.log(p) : -Math.log1p(-p);
            }
            case BRIER -> {
                double d = model.probabilities()[row] - labels[row];
                yield d * d;
            }
            case LATENCY_MEAN_MS -> model.latencies()[row];
            default -> throw new IllegalStateException(name());
        };
    }

    private static double percentile(final double[] values, final int[] rows, final int n, final double percent) {
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = values[rows == null ? i : rows[i]];
        }
        Arrays.sort(sorted);
        return Quantiles.linear(sorted, percent / 100);
    }

    private static double auc(final byte[] labels, final double[] scores, final int[] rows, final int n) {
        byte[] l = new byte[n];
        double[] s = new double[n];
        int positives = 0;
        for (int i = 0; i < n; i++) {
            int row = rows == null ? i : rows[i];
            l[i] = labels[row];
            s[i] = scores[row];
            positives += l[i];
        }
        if (positives == 0 || positives == n) {
            return Double.NaN;
        }
        double[] ranks = DeLongTest.Midranks.of(s);
        double rankSum = 0;
        for (int i = 0; i < n; i++) {
            rankSum += l[i] == 1 ? ranks[i] : 0;
        }
        return (rankSum - positives * (positives + 1.0) / 2) / ((double) positives * (n - positives));
    }
}

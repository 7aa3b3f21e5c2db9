package io.jenkins.plugins.mldelivery.core.gate.significance;

import java.util.Objects;

/**
 * One model's predictions on an evaluation set, column by column in primitive arrays so that the
 * bootstrap can draw rows at random (about 17 bytes a row, 25 with latencies).
 */
public final class ModelPredictions {
    private final byte[] predictions;
    private final double[] probabilities;
    private final double[] latencies;

    /**
     * Creates the predictions of one model.
     *
     * @param predictions   the predicted classes, 0 or 1
     * @param probabilities the scores of the positive class, or {@code null} when the file had none
     * @param latencies     the per-row scoring latencies in milliseconds, or {@code null} when the file had none
     */
    public ModelPredictions(final byte[] predictions, final double[] probabilities, final double[] latencies) {
        this.predictions = Objects.requireNonNull(predictions, "predictions");
        this.probabilities = probabilities;
        this.latencies = latencies;
        if (probabilities != null && probabilities.length != predictions.length
                || latencies != null && latencies.length != predictions.length) {
            throw new IllegalArgumentException("every column must have one value per row");
        }
    }

    /**
     * Returns the number of rows.
     *
     * @return the row count
     */
    public int size() {
        return predictions.length;
    }

    byte[] predictions() {
        return predictions;
    }

    double[] probabilities() {
        return probabilities;
    }

    double[] latencies() {
        return latencies;
    }

    /**
     * Returns the predictions of the given rows only.
     *
     * @param rows the row indices to keep, in order
     * @return the subset
     */
    ModelPredictions select(final int[] rows) {
        byte[] p = new byte[rows.length];
        double[] s = probabilities == null ? null : new double[rows.length];
        double[] l = latencies == null ? null : new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            p[i] = predictions[rows[i]];
            if (s != null) {
                s[i] = probabilities[rows[i]];
            }
            if (l != null) {
                l[i] = latencies[rows[i]];
            }
        }
        return new ModelPredictions(p, s, l);
    }
}

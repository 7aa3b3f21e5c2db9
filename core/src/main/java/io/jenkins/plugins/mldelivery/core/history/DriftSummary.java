package io.jenkins.plugins.mldelivery.core.history;

import io.jenkins.plugins.mldelivery.core.result.ValidateRecord;


import java.util.List;
import java.util.Objects;

/**
 * The dataset-level drift verdict of a run and its most drifted features, small enough to keep
 * per build.
 *
 * @param datasetDrift   whether the step declared drift of the dataset as a whole
 * @param driftedShare   the share of features declared drifted, 0..1
 * @param columns        how many features were compared (columns the policy ignores are not)
 * @param driftedColumns how many features were declared drifted
 * @param mostDrifted    the most drifted features first, at most {@link #KEPT} of them
 */
public record DriftSummary(boolean datasetDrift, double driftedShare, int columns, int driftedColumns,
        List<FeatureDrift> mostDrifted) {
    /** How many features a build record keeps. */
    public static final int KEPT = 10;

    /** Copies the list. */
    public DriftSummary {
        mostDrifted = List.copyOf(Objects.requireNonNull(mostDrifted, "mostDrifted"));
    }

    /**
     * Reads the contract's {@code drift} object of a validate result.
     *
     * @param drift the drift, or null
     * @return the summary, or null if there is no drift
     */
    static DriftSummary from(final ValidateRecord.Drift drift) {
        if (drift == null) {
            return null;
        }
        List<FeatureDrift> all = features(drift);
        int compared = drift.compared();
        int drifted = drift.drifted();
        double share = drift.driftedShare() != null ? drift.driftedShare() : compared == 0 ? 0 : (double) drifted / compared;
        return new DriftSummary(drift.datasetDrift(), share, compared, drifted, all.stream().limit(KEPT).toList());
    }

    /**
     * Reads every feature of the contract's {@code drift.columns[]}, most drifted first.
     *
     * @param drift the drift of a validate result
     * @return the features
     */
    public static List<FeatureDrift> features(final ValidateRecord.Drift drift) {
        return drift.columns().stream()
                .map(FeatureDrift::from)
                .sorted(FeatureDrift.MOST_DRIFTED_FIRST)
                .toList();
    }
}

package io.jenkins.plugins.mldelivery.core.history;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Objects;

/**
 * The dataset-level drift verdict of a run and its most drifted features, small enough to keep
 * per build.
 *
 * @param datasetDrift   whether the step declared drift of the dataset as a whole
 * @param driftedShare   the share of features declared drifted, 0..1
 * @param columns        how many features were tested
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
     * @param drift the JSON object, or null
     * @return the summary, or null if there is no drift object
     */
    static DriftSummary from(final JsonNode drift) {
        if (drift == null || !drift.isObject()) {
            return null;
        }
        List<FeatureDrift> all = features(drift);
        int drifted = (int) all.stream().filter(FeatureDrift::drifted).count();
        Double share = JsonFields.number(drift, "driftedShare");
        return new DriftSummary(JsonFields.isTrue(drift, "datasetDrift"),
                share != null ? share : all.isEmpty() ? 0 : (double) drifted / all.size(),
                all.size(), drifted, all.stream().limit(KEPT).toList());
    }

    /**
     * Reads every feature of the contract's {@code drift.columns[]}, most drifted first.
     *
     * @param drift the drift object of a validate result
     * @return the features
     */
    public static List<FeatureDrift> features(final JsonNode drift) {
        return JsonFields.array(drift, "columns").stream()
                .map(FeatureDrift::from)
                .filter(Objects::nonNull)
                .sorted(FeatureDrift.MOST_DRIFTED_FIRST)
                .toList();
    }
}

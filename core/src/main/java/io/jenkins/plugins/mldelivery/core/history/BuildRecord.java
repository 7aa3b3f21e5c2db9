package io.jenkins.plugins.mldelivery.core.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.result.Status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one build leaves for trends: its metrics, data quality, drift summary, gate outcome, alias
 * moves, canary outcome and lineage, made from that run's step results. A few kilobytes, so a
 * history stores one per build and a trend reads only the builds it shows.
 *
 * @param build        the build number; trends order records by it
 * @param label        the label on a chart's axis, e.g. {@code #12}
 * @param recordedAt   when the run's last step finished, or null if no result had a timing
 * @param status       the worst status of the run's results
 * @param runDigest    a digest of the run's results, so recording the same run twice is recognised
 * @param metrics      the trained model's metrics by name
 * @param dataQuality  the validated batch's figures, or null if the run did not validate data
 * @param drift        the drift summary, or null if the run did not test drift
 * @param gate         the gate's outcome, or null if the run had no gate
 * @param aliasMoves   the registry aliases the run moved
 * @param canary       the canary's outcome, or null if the run had no canary
 * @param lineage      what the model was trained from, or null if the run did not train
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BuildRecord(int build, String label, Instant recordedAt, Status status, String runDigest,
        SortedMap<String, Double> metrics, DataQuality dataQuality, DriftSummary drift, GateSummary gate,
        List<AliasMove> aliasMoves, CanarySummary canary, Lineage lineage) {
    /** Validates and copies the fields. */
    public BuildRecord {
        if (build < 0) {
            throw new IllegalArgumentException("build must not be negative: " + build);
        }
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(status, "status");
        metrics = Collections.unmodifiableSortedMap(new TreeMap<>(metrics == null ? Collections.emptySortedMap() : metrics));
        aliasMoves = aliasMoves == null ? List.of() : List.copyOf(aliasMoves);
    }

    /**
     * Makes the record of a run.
     *
     * @param run   the run's step results
     * @param build the build number
     * @param label the label for charts, e.g. {@code #12}
     * @return the record
     */
    public static BuildRecord of(final RunResults run, final int build, final String label) {
        Optional<JsonNode> validate = run.step("validate");
        Optional<JsonNode> train = run.step("train");
        JsonNode drift = validate.map(v -> JsonFields.object(v, "drift"))
                .orElseGet(() -> run.step("drift").orElse(null));
        List<AliasMove> moves = new ArrayList<>();
        run.step("promote").map(AliasMove::from).ifPresent(moves::add);
        return new BuildRecord(build, label, finishedAt(run), status(run), run.digest(), metrics(run),
                validate.map(DataQuality::from).orElse(null), DriftSummary.from(drift),
                run.step("gate").map(GateSummary::from).orElse(null), moves,
                run.step("canary").map(CanarySummary::from).orElse(null),
                train.map(t -> Lineage.from(JsonFields.object(t, "lineage"))).orElse(null));
    }

    /**
     * Says whether this build moved an alias, e.g. made its model the {@code champion}.
     *
     * @param alias the alias
     * @return the move, if any
     */
    public Optional<AliasMove> moved(final String alias) {
        return aliasMoves.stream().filter(move -> alias.equals(move.alias())).findFirst();
    }

    /** Metrics come from training; a run that only gates a given metrics file has them in its gate result. */
    private static SortedMap<String, Double> metrics(final RunResults run) {
        SortedMap<String, Double> metrics = run.step("train").map(t -> JsonFields.numbers(t, "metrics")).orElseGet(TreeMap::new);
        if (metrics.isEmpty()) {
            metrics = run.step("gate").map(g -> JsonFields.numbers(g, "metrics")).orElseGet(TreeMap::new);
        }
        return metrics;
    }

    private static Status status(final RunResults run) {
        Status worst = Status.PASSED;
        for (RunResults.StepDocument document : run.steps().values()) {
            String status = JsonFields.text(document.json(), "status");
            if (status != null) {
                try {
                    worst = worst.and(Status.valueOf(status));
                }
                catch (IllegalArgumentException e) {
                    worst = worst.and(Status.WARNING); // a status this version does not know deserves a look
                }
            }
        }
        return worst;
    }

    private static Instant finishedAt(final RunResults run) {
        Instant latest = null;
        for (RunResults.StepDocument document : run.steps().values()) {
            String finished = JsonFields.text(JsonFields.object(document.json(), "timing"), "finishedAt");
            if (finished != null) {
                try {
                    Instant instant = Instant.parse(finished);
                    latest = latest == null || instant.isAfter(latest) ? instant : latest;
                }
                catch (java.time.format.DateTimeParseException e) {
                    // a timing we cannot read does not change what the record says
                }
            }
        }
        return latest;
    }
}

package io.jenkins.plugins.mldelivery.core.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.jenkins.plugins.mldelivery.core.result.CanaryRecord;
import io.jenkins.plugins.mldelivery.core.result.GateRecord;
import io.jenkins.plugins.mldelivery.core.result.PromoteRecord;
import io.jenkins.plugins.mldelivery.core.result.PromoteRecord.AliasMove;
import io.jenkins.plugins.mldelivery.core.result.RecordedStep;
import io.jenkins.plugins.mldelivery.core.result.Status;
import io.jenkins.plugins.mldelivery.core.result.TrainRecord;
import io.jenkins.plugins.mldelivery.core.result.ValidateRecord;

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
 * moves, canary outcome and lineage, made from that run's typed step results. A few kilobytes, so a
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
 * @param aliasMoves   the registry aliases the run moved (none when a promotion was refused)
 * @param promotion    a promotion the run attempted that moved nothing, or null
 * @param canary       the canary's outcome, or null if the run had no canary
 * @param lineage      what the model was trained from, or null if the run did not train
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BuildRecord(int build, String label, Instant recordedAt, Status status, String runDigest,
        SortedMap<String, Double> metrics, DataQuality dataQuality, DriftSummary drift, GateSummary gate,
        List<AliasMove> aliasMoves, RefusedPromotion promotion, CanarySummary canary, TrainRecord.Lineage lineage) {
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
     * A promotion that was attempted and moved nothing: the alias still points where it did.
     *
     * @param model  the model
     * @param alias  the alias it would have moved
     * @param reason why it was refused, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RefusedPromotion(String model, String alias, String reason) {
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
        Optional<ValidateRecord> validate = run.record(ValidateRecord.class);
        Optional<TrainRecord> train = run.record(TrainRecord.class);
        Optional<GateRecord> gate = run.record(GateRecord.class);
        Optional<PromoteRecord> promote = run.record(PromoteRecord.class);
        List<AliasMove> moves = new ArrayList<>();
        promote.flatMap(PromoteRecord::aliasMove).ifPresent(moves::add);
        RefusedPromotion refused = promote.filter(p -> !p.moved())
                .map(p -> new RefusedPromotion(p.model(), p.alias(), p.refusal())).orElse(null);
        return new BuildRecord(build, label, finishedAt(run), status(run), run.digest(), metrics(train, gate),
                validate.map(DataQuality::from).orElse(null), validate.map(ValidateRecord::drift).map(DriftSummary::from).orElse(null),
                gate.map(GateSummary::from).orElse(null), moves, refused,
                run.record(CanaryRecord.class).map(CanarySummary::from).orElse(null),
                train.map(TrainRecord::lineage).orElse(null));
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
    private static SortedMap<String, Double> metrics(final Optional<TrainRecord> train, final Optional<GateRecord> gate) {
        SortedMap<String, Double> metrics = new TreeMap<>(train.map(TrainRecord::metrics).orElse(java.util.Map.of()));
        if (metrics.isEmpty()) {
            metrics.putAll(gate.map(GateRecord::metrics).orElse(java.util.Map.of()));
        }
        metrics.values().removeIf(value -> value == null || !Double.isFinite(value));
        return metrics;
    }

    private static Status status(final RunResults run) {
        return run.records().stream().map(RecordedStep::status).reduce(Status.PASSED, Status::and);
    }

    private static Instant finishedAt(final RunResults run) {
        return run.records().stream().map(RecordedStep::timing).filter(Objects::nonNull)
                .map(io.jenkins.plugins.mldelivery.core.result.Timing::finishedAt).max(Instant::compareTo).orElse(null);
    }
}

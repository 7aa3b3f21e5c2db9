package io.jenkins.plugins.mldelivery.core.canary.plan;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A progressive rollout: which versions, through which traffic steps, judged on which metrics,
 * with which router and metrics source. Read from YAML by {@link PlanReader}.
 *
 * @param file         the plan file (relative paths in the plan are resolved against its directory)
 * @param sha256       the SHA-256 of the plan file's content; a state file remembers it
 * @param model        the model's name
 * @param stable       the version now serving
 * @param canary       the version being rolled out
 * @param steps        the traffic steps, increasing
 * @param maxDuration  the longest the rollout may take before it is rolled back
 * @param inconclusive what an inconclusive analysis does
 * @param onRestart    what a restarted controller does with an unfinished rollout
 * @param alpha        the false-alarm rate of the whole rollout, over all metrics and all looks
 * @param spending     how the judge spends alpha over the steps
 * @param thresholds   the step score's pass and marginal thresholds
 * @param stateFile    where the controller persists its state
 * @param metrics      the metrics the judge compares
 * @param router       how traffic is moved
 * @param source       where samples come from
 * @param registry     the model registry that resolves aliases ({@code file:DIR} or {@code mlflow:URL}), or {@code null}
 */
public record RolloutPlan(Path file, String sha256, String model, ModelIdentity stable, ModelIdentity canary,
        List<TrafficStep> steps, Duration maxDuration, InconclusivePolicy inconclusive, RestartPolicy onRestart,
        double alpha, SpendingFunction spending, Thresholds thresholds, Path stateFile, List<MetricSpec> metrics, RouterSpec router,
        SourceSpec source, String registry) {
    /** Validates and copies the fields. */
    public RolloutPlan {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(stable, "stable");
        Objects.requireNonNull(canary, "canary");
        Objects.requireNonNull(maxDuration, "maxDuration");
        Objects.requireNonNull(inconclusive, "inconclusive");
        Objects.requireNonNull(onRestart, "onRestart");
        Objects.requireNonNull(spending, "spending");
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(stateFile, "stateFile");
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(source, "source");
        steps = List.copyOf(steps);
        metrics = List.copyOf(metrics);
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("alpha must be in (0, 0.5), found " + alpha);
        }
    }

    /**
     * Returns this plan with other identities, e.g. those a registry resolved.
     *
     * @param stableIdentity the stable version
     * @param canaryIdentity the canary version
     * @return the plan
     */
    public RolloutPlan withIdentities(final ModelIdentity stableIdentity, final ModelIdentity canaryIdentity) {
        return new RolloutPlan(file, sha256, model, stableIdentity, canaryIdentity, steps, maxDuration, inconclusive, onRestart,
                alpha, spending, thresholds, stateFile, metrics, router, source, registry);
    }

    /**
     * Returns the steps that are analysed (weight below 100), in order.
     *
     * @return the analysed steps
     */
    public List<TrafficStep> analysedSteps() {
        return steps.stream().filter(TrafficStep::analysed).toList();
    }

    /**
     * Returns the directory that relative paths of the plan are resolved against.
     *
     * @return the plan file's directory
     */
    public Path directory() {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? file.toAbsolutePath() : parent;
    }
}

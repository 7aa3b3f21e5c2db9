package io.jenkins.plugins.mldelivery.steps;

import hudson.model.Run;
import io.jenkins.plugins.mldelivery.core.seams.CanaryRequest;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The arguments of {@code mlCanary}, shared by the Pipeline step and the freestyle build step.
 *
 * @param model       the registered model's name (replaces the plan's {@code model})
 * @param analysis    the rollout plan (router, metric sources, judge), relative to the workspace
 * @param weights     the traffic weights of the steps, in percent, replacing the plan's; empty for the plan's
 * @param buildResult the build result when the canary rolls back: FAILURE, UNSTABLE or SUCCESS
 */
public record CanarySettings(String model, String analysis, List<Integer> weights, String buildResult)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 2L;

    /** Validates the fields and copies the list. */
    public CanarySettings {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(analysis, "analysis");
        weights = List.copyOf(weights);
        buildResult = StepOutcome.checkBuildResult(buildResult);
    }

    /**
     * Returns the engine's request for this build's rollout: its state lives in the workspace under a
     * name no other build uses, so a build never resumes another build's rollout.
     *
     * @param run  the build
     * @param stem the stem reserved for this canary, e.g. {@code 05-canary}
     * @return the request
     */
    CanaryRequest request(final Run<?, ?> run, final String stem) {
        String stateFile = String.format(Locale.ROOT, "%s/canary/%d-%s.state.json", Artifacts.WORK_DIRECTORY,
                run.getNumber(), stem);
        return new CanaryRequest(model, weights, analysis, stateFile, run.getFullDisplayName());
    }

    /**
     * Says how the rollout proceeds, for the build log.
     *
     * @return e.g. {@code in steps of [5, 25, 50, 100]%}, or {@code in the plan's steps}
     */
    String describeSteps() {
        return weights.isEmpty() ? "in the steps of " + analysis : "in steps of " + weights + "%";
    }
}

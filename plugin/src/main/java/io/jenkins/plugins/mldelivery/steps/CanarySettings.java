package io.jenkins.plugins.mldelivery.steps;

import io.jenkins.plugins.mldelivery.engine.CanaryRequest;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The arguments of {@code mlCanary}, shared by the Pipeline step and the freestyle build step.
 *
 * @param model       the registered model's name
 * @param analysis    the analysis file (router, metric sources, judge), relative to the workspace
 * @param weights     the traffic weights of the steps, in percent
 * @param buildResult the build result when the canary rolls back: FAILURE, UNSTABLE or SUCCESS
 */
public record CanarySettings(String model, String analysis, List<Integer> weights, String buildResult)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the fields and copies the list. */
    public CanarySettings {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(analysis, "analysis");
        weights = StepForms.parseWeights(weights.stream().map(String::valueOf).toList());
        buildResult = StepOutcome.checkBuildResult(buildResult);
    }

    /**
     * Returns the engine's request.
     *
     * @return the request
     */
    CanaryRequest request() {
        return new CanaryRequest(model, weights, analysis);
    }
}

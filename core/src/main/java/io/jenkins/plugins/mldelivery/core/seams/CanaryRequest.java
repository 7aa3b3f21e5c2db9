package io.jenkins.plugins.mldelivery.core.seams;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The arguments of {@code mlCanary}: the model, the traffic weights in percent, the plan (router,
 * metric sources, judge) in the workspace, and where this build's rollout keeps its state.
 *
 * @param model     the registered model's name (replaces the plan's {@code model})
 * @param weights   the traffic weights of the steps, in percent, increasing (replace the plan's {@code steps})
 * @param analysis  the rollout plan, relative to the workspace ({@code --plan})
 * @param stateFile the state file of this build's rollout, relative to the workspace ({@code --state})
 * @param owner     who runs the rollout, recorded in the state ({@code --owner}), e.g. {@code credit-risk #42}
 */
public record CanaryRequest(String model, List<Integer> weights, String analysis, String stateFile, String owner)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 2L;

    /** Validates the fields and copies the list. */
    public CanaryRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(stateFile, "stateFile");
        Objects.requireNonNull(owner, "owner");
        weights = List.copyOf(weights);
    }
}

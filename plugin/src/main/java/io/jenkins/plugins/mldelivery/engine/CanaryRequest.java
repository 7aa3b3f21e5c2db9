package io.jenkins.plugins.mldelivery.engine;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The arguments of {@code mlCanary}: the model, the traffic weights in percent, and the analysis
 * file (traffic router, metric sources, judge) in the workspace.
 *
 * @param model    the registered model's name
 * @param weights  the traffic weights of the steps, in percent, increasing, ending at 100
 * @param analysis the analysis file, relative to the workspace
 */
public record CanaryRequest(String model, List<Integer> weights, String analysis) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the fields and copies the list. */
    public CanaryRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(analysis, "analysis");
        weights = List.copyOf(weights);
    }
}

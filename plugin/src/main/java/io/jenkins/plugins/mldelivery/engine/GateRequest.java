package io.jenkins.plugins.mldelivery.engine;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/**
 * The arguments of {@code mlGate}; exactly one of {@code metricsFile} and {@code metricsJson} is set.
 *
 * @param rules                the rules, in the engine's rule grammar ({@code --rule})
 * @param metricsFile          the candidate's metrics file in the workspace ({@code --metrics})
 * @param metricsJson          the candidate's metrics as a JSON object {name: number}, taken from
 *                             the {@code mlTrain} result of the same build
 * @param championJson         the champion's registry version as JSON (with its {@code metrics}),
 *                             resolved on the controller; {@code null} when there is no champion
 * @param predictions          the candidate's predictions CSV ({@code --predictions}), if any
 * @param championPredictions  the champion's predictions CSV ({@code --champion-predictions}), if any
 */
public record GateRequest(List<String> rules, @CheckForNull String metricsFile, @CheckForNull String metricsJson,
        @CheckForNull String championJson, @CheckForNull String predictions,
        @CheckForNull String championPredictions) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the fields and copies the list. */
    public GateRequest {
        rules = List.copyOf(rules);
        if ((metricsFile == null) == (metricsJson == null)) {
            throw new IllegalArgumentException("Exactly one of metricsFile and metricsJson must be given");
        }
    }
}

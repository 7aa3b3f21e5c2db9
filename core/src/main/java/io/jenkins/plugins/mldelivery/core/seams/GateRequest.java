package io.jenkins.plugins.mldelivery.core.seams;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The arguments of {@code mlGate}; exactly one of {@code metricsFile} and {@code metricsJson} is set.
 *
 * @param rules                the rules, in the engine's rule grammar ({@code --rule})
 * @param warnRules            rules that only warn when broken ({@code --warn-rule})
 * @param metricsFile          the candidate's metrics file in the workspace ({@code --metrics})
 * @param metricsJson          the candidate's metrics as a JSON object {name: number}, taken from
 *                             the {@code mlTrain} result of the same build
 * @param championLookup       the champion found in the registry on the controller, as the engine's
 *                             JSON ({@link EngineSeams#findChampion}); {@code null} when the step names no model
 * @param predictions          the candidate's predictions CSV ({@code --predictions}), if any
 * @param championPredictions  the champion's predictions CSV ({@code --champion-predictions}), if any
 * @param withoutChampion      what an undecidable champion rule does: {@code pass}, {@code warn} or
 *                             {@code fail} ({@code --without-champion})
 */
public record GateRequest(List<String> rules, List<String> warnRules, String metricsFile,
        String metricsJson, String championLookup, String predictions,
        String championPredictions, String withoutChampion) implements Serializable {
    @Serial
    private static final long serialVersionUID = 2L;

    /** Validates the fields and copies the list. */
    public GateRequest {
        rules = List.copyOf(rules);
        warnRules = List.copyOf(warnRules);
        Objects.requireNonNull(withoutChampion, "withoutChampion");
        if ((metricsFile == null) == (metricsJson == null)) {
            throw new IllegalArgumentException("Exactly one of metricsFile and metricsJson must be given");
        }
        if ((predictions == null) != (championPredictions == null)) {
            throw new IllegalArgumentException("predictions and championPredictions go together");
        }
    }
}

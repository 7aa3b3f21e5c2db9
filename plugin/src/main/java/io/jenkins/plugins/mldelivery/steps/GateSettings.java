package io.jenkins.plugins.mldelivery.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The arguments of {@code mlGate}, shared by the Pipeline step and the freestyle build step.
 *
 * @param rules               the rules, e.g. {@code f1 >= champion.f1 - 0.01}
 * @param metrics             the candidate's metrics file; {@code null} for this build's {@code mlTrain} metrics
 * @param model               the registered model whose champion the rules compare with, if any
 * @param alias               the champion's alias
 * @param predictions         the candidate's predictions CSV, for significance tests, if any
 * @param championPredictions the champion's predictions CSV, if any
 * @param buildResult         the build result when the gate fails: FAILURE, UNSTABLE or SUCCESS
 */
public record GateSettings(List<String> rules, @CheckForNull String metrics, @CheckForNull String model, String alias,
        @CheckForNull String predictions, @CheckForNull String championPredictions, String buildResult)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the fields and copies the list. */
    public GateSettings {
        rules = List.copyOf(rules);
        if (rules.isEmpty()) {
            throw new IllegalArgumentException(GateOperation.FUNCTION + " needs at least one rule");
        }
        Objects.requireNonNull(alias, "alias");
        buildResult = StepOutcome.checkBuildResult(buildResult);
    }
}

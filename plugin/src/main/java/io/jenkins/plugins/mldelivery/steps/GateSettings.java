package io.jenkins.plugins.mldelivery.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The arguments of {@code mlGate}, shared by the Pipeline step and the freestyle build step.
 *
 * @param rules               the rules, e.g. {@code f1 >= champion.f1 - 0.01}
 * @param warnRules           rules that only warn when broken
 * @param metrics             the candidate's metrics file; {@code null} for this build's {@code mlTrain} metrics
 * @param model               the registered model whose champion the rules compare with, if any
 * @param alias               the champion's alias
 * @param predictions         the candidate's predictions CSV, for significance tests, if any
 * @param championPredictions the champion's predictions CSV, if any
 * @param withoutChampion     what an undecidable champion rule does: pass, warn or fail
 * @param buildResult         the build result when the gate fails: FAILURE, UNSTABLE or SUCCESS
 */
public record GateSettings(List<String> rules, List<String> warnRules, @CheckForNull String metrics,
        @CheckForNull String model, String alias, @CheckForNull String predictions,
        @CheckForNull String championPredictions, String withoutChampion, String buildResult) implements Serializable {
    /** The choices of {@code withoutChampion}, as the command line's {@code --without-champion} takes them. */
    public static final List<String> WITHOUT_CHAMPION = List.of("warn", "pass", "fail");
    /** What an undecidable champion rule does unless told: the gate warns. */
    public static final String DEFAULT_WITHOUT_CHAMPION = "warn";

    @Serial
    private static final long serialVersionUID = 2L;

    /** Validates the fields and copies the list. */
    public GateSettings {
        rules = List.copyOf(rules);
        warnRules = List.copyOf(warnRules);
        withoutChampion = checkWithoutChampion(withoutChampion);
        if (rules.isEmpty()) {
            throw new IllegalArgumentException(GateOperation.FUNCTION + " needs at least one rule");
        }
        Objects.requireNonNull(alias, "alias");
        if ((predictions == null) != (championPredictions == null)) {
            throw new IllegalArgumentException(GateOperation.FUNCTION
                    + ": predictions and championPredictions go together (both models on the same evaluation set)");
        }
        buildResult = StepOutcome.checkBuildResult(buildResult);
    }

    /**
     * Checks and normalises a {@code withoutChampion} argument.
     *
     * @param value e.g. {@code Fail}
     * @return e.g. {@code fail}
     * @throws IllegalArgumentException if the value is not one of {@link #WITHOUT_CHAMPION}
     */
    public static String checkWithoutChampion(final String value) {
        String normalised = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (!WITHOUT_CHAMPION.contains(normalised)) {
            throw new IllegalArgumentException(GateOperation.FUNCTION + ": withoutChampion must be one of "
                    + WITHOUT_CHAMPION + ", not '" + value + "'");
        }
        return normalised;
    }
}

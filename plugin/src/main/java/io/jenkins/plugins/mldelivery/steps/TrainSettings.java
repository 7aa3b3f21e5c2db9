package io.jenkins.plugins.mldelivery.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The arguments of {@code mlTrain}, shared by the Pipeline step and the freestyle build step.
 *
 * @param command     the training command, run by the shell of the agent (or container)
 * @param metrics     the metrics file the command writes
 * @param params      the parameters file, if any
 * @param model       the glob of the model files to record and archive, if any
 * @param data        the data files the training reads, for the lineage
 * @param buildResult the build result when the training fails: FAILURE, UNSTABLE or SUCCESS
 */
public record TrainSettings(String command, String metrics, @CheckForNull String params, @CheckForNull String model,
        List<String> data, String buildResult) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the fields and copies the list. */
    public TrainSettings {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(metrics, "metrics");
        data = List.copyOf(data);
        buildResult = StepOutcome.checkBuildResult(buildResult);
    }
}

package io.jenkins.plugins.mldelivery.engine;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The arguments of {@code mlTrain} that the engine records once the training command has run
 * (the plugin runs the command itself through the build's launcher).
 *
 * @param command the training command as the user wrote it ({@code --command})
 * @param metrics the metrics file the command writes ({@code --metrics})
 * @param params  the parameters file ({@code --params}), if any
 * @param model   the glob of the model files to record and archive ({@code --model}), if any
 * @param data    the data files the training read ({@code --data}), for the lineage
 */
public record TrainRequest(String command, String metrics, @CheckForNull String params,
        @CheckForNull String model, List<String> data) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the fields and copies the list. */
    public TrainRequest {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(metrics, "metrics");
        data = List.copyOf(data);
    }
}

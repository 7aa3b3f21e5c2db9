package io.jenkins.plugins.mldelivery.core.seams;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The arguments of {@code mlTrain} as the engine's training takes them; the plugin runs the command
 * itself through the build's launcher, between the engine's preparation and its recording. Paths are
 * relative to the workspace.
 *
 * @param command            the training command as the user wrote it ({@code --command})
 * @param metrics            the metrics file the command writes ({@code --metrics})
 * @param params             the parameters file ({@code --params}), if any
 * @param overrides          overrides of the parameters ({@code --param}), e.g. {@code model.max_depth=4}
 * @param model              the glob of the model files to record and archive ({@code --model}), if any
 * @param data               the data files the training read ({@code --data}), hashed and profiled
 * @param environment        variables for the command ({@code --env}), over the build's environment
 * @param timeoutMillis      how long the command may run ({@code --timeout}), or {@code null} for no limit
 * @param artifactsDirectory where the engine copies the model files and data profiles to archive them
 *                           ({@code --artifacts}), relative to the workspace
 * @param tracking           where to log the run in MLflow, or {@code null} not to
 */
public record TrainRequest(String command, String metrics, String params, List<String> overrides,
        String model, List<String> data, Map<String, String> environment,
        Long timeoutMillis, String artifactsDirectory, TrackingRequest tracking) implements Serializable {
    @Serial
    private static final long serialVersionUID = 2L;

    /** Validates the fields and copies the collections. */
    public TrainRequest {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(artifactsDirectory, "artifactsDirectory");
        overrides = List.copyOf(overrides);
        data = List.copyOf(data);
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        if (timeoutMillis != null && timeoutMillis <= 0) {
            throw new IllegalArgumentException("timeoutMillis must be positive: " + timeoutMillis);
        }
    }
}

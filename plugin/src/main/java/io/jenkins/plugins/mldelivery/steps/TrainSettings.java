package io.jenkins.plugins.mldelivery.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.mldelivery.core.canary.plan.DurationText;
import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The arguments of {@code mlTrain}, shared by the Pipeline step and the freestyle build step.
 *
 * @param command          the training command, run by the shell of the agent (or container)
 * @param metrics          the metrics file the command writes
 * @param params           the parameters file, if any
 * @param overrides        overrides of the parameters, e.g. {@code model.max_depth=4}
 * @param model            the glob of the model files to record and archive, if any
 * @param data             the data files the training reads, for the lineage and the data profiles
 * @param env              variables for the command, {@code NAME=VALUE}
 * @param timeout          how long the command may run, e.g. {@code 30m}; {@code null} for no limit
 * @param mlflowExperiment the MLflow experiment to log the run to, or {@code null} not to log it
 * @param buildResult      the build result when the training fails: FAILURE, UNSTABLE or SUCCESS
 */
public record TrainSettings(String command, String metrics, @CheckForNull String params, List<String> overrides,
        @CheckForNull String model, List<String> data, List<String> env, @CheckForNull String timeout,
        @CheckForNull String mlflowExperiment, String buildResult) implements Serializable {
    @Serial
    private static final long serialVersionUID = 2L;

    /** Validates the fields and copies the lists. */
    public TrainSettings {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(metrics, "metrics");
        overrides = List.copyOf(overrides);
        data = List.copyOf(data);
        env = List.copyOf(env);
        environment(env);
        if (timeout != null) {
            timeoutMillis(timeout);
        }
        buildResult = StepOutcome.checkBuildResult(buildResult);
    }

    /**
     * Returns the command's variables.
     *
     * @return the name of each variable to its value, in the order given
     */
    public Map<String, String> environment() {
        return environment(env);
    }

    /**
     * Returns the timeout.
     *
     * @return the timeout in milliseconds, or {@code null} for no limit
     */
    @CheckForNull
    public Long timeoutMillis() {
        return timeout == null ? null : timeoutMillis(timeout);
    }

    /**
     * Reads {@code NAME=VALUE} items, as {@code withEnv} takes them.
     *
     * @param items the items
     * @return the variables
     * @throws IllegalArgumentException naming the first item without a name
     */
    static Map<String, String> environment(final List<String> items) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String item : items) {
            int equals = item.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException(TrainOperation.FUNCTION + ": env item '" + item
                        + "' is not NAME=VALUE");
            }
            variables.put(item.substring(0, equals), item.substring(equals + 1));
        }
        return variables;
    }

    /**
     * Reads a timeout as the command line does: {@code 90s}, {@code 30m}, {@code 2h}, {@code 1h30m}.
     *
     * @param text the timeout
     * @return the timeout in milliseconds
     * @throws IllegalArgumentException if the text is not a positive duration
     */
    static long timeoutMillis(final String text) {
        long millis;
        try {
            millis = DurationText.parse(text).toMillis();
        }
        catch (IllegalArgumentException e) {
            millis = 0;
        }
        if (millis <= 0) {
            throw new IllegalArgumentException(TrainOperation.FUNCTION + ": timeout '" + text
                    + "' is not a positive duration such as 90s, 30m or 2h");
        }
        return millis;
    }
}

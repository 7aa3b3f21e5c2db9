package io.jenkins.plugins.mldelivery.steps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import hudson.AbortException;
import hudson.model.Result;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import io.jenkins.plugins.mldelivery.core.result.Status;
import io.jenkins.plugins.mldelivery.core.seams.EngineResult;
import io.jenkins.plugins.util.PipelineResultHandler;
import io.jenkins.plugins.util.ResultHandler;
import io.jenkins.plugins.util.RunResultHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a step's result into what the build and the script see: the build result the user asked for
 * when the step failed on its own terms (with the reason on the step's node), and the result JSON as
 * a map the script can read ({@code def g = mlGate(...); if (g.status == 'FAILED') ...}).
 */
public final class StepOutcome {
    /** The build results a user may ask for when a step's status is {@code FAILED}. */
    public static final List<String> BUILD_RESULTS = List.of(Result.FAILURE.toString(),
            Result.UNSTABLE.toString(), Result.SUCCESS.toString());

    private StepOutcome() {
        // static functions only
    }

    /**
     * Checks and normalises a {@code buildResult} argument.
     *
     * @param buildResult the argument, e.g. {@code unstable}
     * @return the normalised value, e.g. {@code UNSTABLE}
     * @throws IllegalArgumentException if the value is not one of {@link #BUILD_RESULTS}
     */
    public static String checkBuildResult(final String buildResult) {
        String normalised = buildResult == null ? "" : buildResult.trim().toUpperCase(Locale.ROOT);
        if (!BUILD_RESULTS.contains(normalised)) {
            throw new IllegalArgumentException("buildResult must be one of " + BUILD_RESULTS + ", not '"
                    + buildResult + "'");
        }
        return normalised;
    }

    /**
     * Applies a result to the build. {@code PASSED} changes nothing; {@code WARNING} is logged;
     * {@code FAILED} with {@code FAILURE} stops the step with the reason as its error (the build
     * fails unless the script catches it), with {@code UNSTABLE} marks the build and the step's node
     * unstable with the reason and lets the script go on, with {@code SUCCESS} is only logged.
     *
     * @param context     the build
     * @param function    the step's function name
     * @param result      the engine's result
     * @param buildResult the build result asked for on failure, one of {@link #BUILD_RESULTS}
     * @throws AbortException when the step failed and {@code FAILURE} was asked for
     */
    public static void apply(final BuildContext context, final String function, final EngineResult result,
            final String buildResult) throws AbortException {
        Status status = result.status();
        String reason = function + " " + status + ": " + result.headline();
        if (status == Status.PASSED) {
            return;
        }
        if (status == Status.WARNING) {
            context.listener().getLogger().println(reason);
            return;
        }
        Result asked = Result.fromString(buildResult);
        if (Result.FAILURE.equals(asked)) {
            throw new AbortException(reason);
        }
        if (Result.UNSTABLE.equals(asked)) {
            handler(context).publishResult(Result.UNSTABLE, reason);
            context.listener().getLogger().println(reason + " (build marked UNSTABLE)");
            return;
        }
        context.listener().getLogger().println(reason + " (build result left unchanged, as asked)");
    }

    private static ResultHandler handler(final BuildContext context) {
        if (context.node() != null) {
            return new PipelineResultHandler(context.run(), context.node());
        }
        return new RunResultHandler(context.run());
    }

    /**
     * Converts the result JSON to the map returned to the script: nested objects become maps,
     * arrays lists, numbers and strings stay themselves. Every value is serializable, so the map
     * survives in the Pipeline's saved program state.
     *
     * @param result the engine's result
     * @return the result as a map, in the JSON's field order
     */
    public static Map<String, Object> toMap(final EngineResult result) {
        try {
            return ResultJson.mapper().readValue(result.json(), new TypeReference<LinkedHashMap<String, Object>>() { });
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("The engine returned malformed JSON: " + e.getOriginalMessage(), e);
        }
    }
}

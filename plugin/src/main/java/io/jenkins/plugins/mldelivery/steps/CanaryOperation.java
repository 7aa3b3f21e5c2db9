package io.jenkins.plugins.mldelivery.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.FilePath;
import hudson.Util;
import io.jenkins.plugins.mldelivery.agent.AgentTask;
import io.jenkins.plugins.mldelivery.agent.OnAgent;
import io.jenkins.plugins.mldelivery.core.seams.CanaryProgress;
import io.jenkins.plugins.mldelivery.core.seams.CanaryRequest;
import io.jenkins.plugins.mldelivery.core.seams.EngineResult;
import io.jenkins.plugins.mldelivery.core.seams.EngineSeams;
import io.jenkins.plugins.mldelivery.pages.MlDeliveryRunAction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * What {@code mlCanary} and its freestyle build step share: the moves of the engine's resumable
 * rollout, run on the agent (where the cluster and the metric sources are reachable), and the
 * recording of the decision. The Pipeline step spaces the moves with timers and keeps the rollout's
 * state between them so that it survives a controller restart; the freestyle build step simply waits
 * in its thread.
 */
public final class CanaryOperation {
    /** The Pipeline function. */
    public static final String FUNCTION = "mlCanary";
    static final String STEP = "canary";

    private CanaryOperation() {
        // static functions only
    }

    /**
     * Makes the rollout's next move: starts it, or goes on from the state of the previous move.
     *
     * @param workspace the workspace
     * @param request   the rollout
     * @param state     the state after the previous move, or {@code null} for the first
     * @return where the rollout stands
     * @throws IOException          if the engine failed
     * @throws InterruptedException if interrupted
     */
    static CanaryProgress move(final FilePath workspace, final CanaryRequest request, @CheckForNull final String state)
            throws IOException, InterruptedException {
        workspace.mkdirs(); // after a restart, or on a new agent, the workspace may not exist (yet)
        return CanaryProgress.decode(OnAgent.call(workspace, new MoveTask(request, state)));
    }

    /**
     * Rolls the candidate back because the build was stopped.
     *
     * @param workspace the workspace
     * @param request   the rollout
     * @param state     the last state kept
     * @param reason    why
     * @return the {@code canary} result
     * @throws IOException          if the engine failed
     * @throws InterruptedException if interrupted
     */
    static EngineResult abort(final FilePath workspace, final CanaryRequest request, @CheckForNull final String state,
            final String reason) throws IOException, InterruptedException {
        CanaryProgress progress = CanaryProgress.decode(OnAgent.call(workspace, new AbortTask(request, state, reason)));
        EngineResult result = progress.result();
        if (result == null) {
            throw new IllegalStateException("The engine did not settle the rollout it was asked to roll back");
        }
        return result;
    }

    /**
     * Writes the transitions of a move to the build log, one line each.
     *
     * @param context  the build
     * @param progress the move
     */
    static void log(final BuildContext context, final CanaryProgress progress) {
        progress.message().lines().filter(line -> !line.isBlank()).forEach(line -> context.log(FUNCTION, line));
    }

    /**
     * Records the decision on the build and applies the build result asked for.
     *
     * @param context     the build
     * @param stem        the stem reserved for this canary
     * @param result      the {@code canary} result
     * @param buildResult the build result asked for on a rollback
     * @return the result as a map
     * @throws IOException if the build cannot be saved, or the canary rolled back with FAILURE
     */
    static Map<String, Object> finish(final BuildContext context, final String stem, final EngineResult result,
            final String buildResult) throws IOException {
        MlDeliveryRunAction.of(context.run()).record(stem, STEP, result);
        context.listener().getLogger().println(result.summary());
        StepOutcome.apply(context, FUNCTION, result, buildResult);
        return StepOutcome.toMap(result);
    }

    /**
     * Runs a whole rollout in the calling thread, for the freestyle build step. If the build is
     * stopped, the candidate is rolled back before the interruption is passed on.
     *
     * @param context  the build
     * @param settings the step's arguments
     * @return the {@code canary} result as a map
     * @throws IOException          if the engine failed, or the canary rolled back with FAILURE
     * @throws InterruptedException if the build was stopped
     */
    public static Map<String, Object> runBlocking(final BuildContext context, final CanarySettings settings)
            throws IOException, InterruptedException {
        FilePath workspace = context.requireWorkspace(FUNCTION);
        String stem = MlDeliveryRunAction.of(context.run()).nextStem(STEP);
        CanaryRequest request = settings.request(context.run(), stem);
        context.log(FUNCTION, "rolling out " + settings.model() + " " + settings.describeSteps());
        CanaryProgress progress = move(workspace, request, null);
        while (true) {
            log(context, progress);
            EngineResult result = progress.result();
            if (result != null) { // the rollout is finished
                return finish(context, stem, result, settings.buildResult());
            }
            try {
                context.log(FUNCTION, "next analysis in " + Util.getTimeSpanString(progress.waitMillis()));
                Thread.sleep(progress.waitMillis());
            }
            catch (InterruptedException e) {
                EngineResult rolledBack = abort(workspace, request, progress.stateJson(), "the build was stopped");
                MlDeliveryRunAction.of(context.run()).record(stem, STEP, rolledBack);
                context.listener().getLogger().println(rolledBack.summary());
                throw e;
            }
            progress = move(workspace, request, progress.stateJson());
        }
    }

    /**
     * A move of the rollout, run on the agent.
     *
     * @param request the rollout
     * @param state   the state after the previous move, or {@code null}
     */
    record MoveTask(CanaryRequest request, @CheckForNull String state) implements AgentTask {
        @Override
        public String run(final Path workspace) {
            return EngineSeams.canaryMove(workspace, request, state).encode();
        }
    }

    /**
     * The rollback of a stopped rollout, run on the agent.
     *
     * @param request the rollout
     * @param state   the last state kept
     * @param reason  why
     */
    record AbortTask(CanaryRequest request, @CheckForNull String state, String reason) implements AgentTask {
        @Override
        public String run(final Path workspace) {
            return EngineSeams.canaryAbort(workspace, request, state, reason).encode();
        }
    }
}

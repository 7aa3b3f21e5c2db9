package io.jenkins.plugins.mldelivery.steps;

import com.fasterxml.jackson.databind.JsonNode;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import io.jenkins.plugins.mldelivery.MlDeliveryConfiguration;
import io.jenkins.plugins.mldelivery.agent.AgentTask;
import io.jenkins.plugins.mldelivery.agent.OnAgent;
import io.jenkins.plugins.mldelivery.agent.OnController;
import io.jenkins.plugins.mldelivery.core.seams.EngineResult;
import io.jenkins.plugins.mldelivery.core.seams.EngineSeams;
import io.jenkins.plugins.mldelivery.core.seams.GateRequest;
import io.jenkins.plugins.mldelivery.core.seams.RegistryAccess;
import io.jenkins.plugins.mldelivery.pages.MlDeliveryRunAction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * What {@code mlGate} and its freestyle build step do: take the candidate's metrics (a file, or the
 * {@code mlTrain} result of the same build), look the champion up in the registry on the controller,
 * evaluate the rules on the agent (where the predictions files are), record the verdict and apply
 * the build result asked for.
 */
public final class GateOperation {
    /** The Pipeline function. */
    public static final String FUNCTION = "mlGate";
    private static final String STEP = "gate";

    private GateOperation() {
        // static entry point only
    }

    /**
     * Runs the gate.
     *
     * @param context  the build
     * @param settings the step's arguments
     * @return the {@code gate} result as a map
     * @throws IOException          if the gate could not run, or failed with {@code buildResult: 'FAILURE'}
     * @throws InterruptedException if the build was interrupted
     */
    public static Map<String, Object> run(final BuildContext context, final GateSettings settings)
            throws IOException, InterruptedException {
        FilePath workspace = context.requireWorkspace(FUNCTION);
        Run<?, ?> run = context.run();
        MlDeliveryRunAction action = MlDeliveryRunAction.of(run);

        String metricsJson = null;
        if (settings.metrics() == null) {
            JsonNode train = action.latest("train").orElseThrow(() -> new AbortException(FUNCTION
                    + " has no metrics to judge: give metrics: 'metrics.json' or call mlTrain earlier in this build"));
            metricsJson = train.path("metrics").toString();
            context.log(FUNCTION, "judging the metrics of this build's " + TrainOperation.FUNCTION);
        }
        else {
            context.log(FUNCTION, "judging the metrics in " + settings.metrics());
        }

        String champion = null;
        if (settings.model() != null) {
            RegistryAccess registry = MlDeliveryConfiguration.get().registryAccess(run);
            champion = OnController.call(() -> EngineSeams.findChampion(registry, settings.model(), settings.alias()));
            context.log(FUNCTION, EngineSeams.describeChampion(champion));
        }

        String stem = action.nextStem(STEP);
        GateRequest request = new GateRequest(settings.rules(), settings.warnRules(), settings.metrics(), metricsJson,
                champion, settings.predictions(), settings.championPredictions(), settings.withoutChampion());
        EngineResult result = EngineResult.decode(OnAgent.call(workspace, new GateTask(request)));
        action.record(stem, STEP, result);
        context.listener().getLogger().println(result.summary());
        StepOutcome.apply(context, FUNCTION, result, settings.buildResult());
        return StepOutcome.toMap(result);
    }

    /**
     * The gate's evaluation, run on the agent.
     *
     * @param request the rules, the metrics and the champion
     */
    record GateTask(GateRequest request) implements AgentTask {
        @Override
        public String run(final Path workspace) {
            return EngineSeams.gate(workspace, request).encode();
        }
    }
}

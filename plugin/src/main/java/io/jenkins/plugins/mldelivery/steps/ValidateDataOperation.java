package io.jenkins.plugins.mldelivery.steps;

import hudson.FilePath;
import hudson.Launcher;
import io.jenkins.plugins.mldelivery.agent.AgentTask;
import io.jenkins.plugins.mldelivery.agent.OnAgent;
import io.jenkins.plugins.mldelivery.core.seams.EngineResult;
import io.jenkins.plugins.mldelivery.core.seams.EngineSeams;
import io.jenkins.plugins.mldelivery.core.seams.ValidateRequest;
import io.jenkins.plugins.mldelivery.pages.MlDeliveryRunAction;
import io.jenkins.plugins.mldelivery.pages.RecordedStep;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * What {@code mlValidateData} and its freestyle build step do: validate the batch on the agent,
 * archive its profile (the reference of later validations), record the result on the build, apply the build result asked for, and give
 * the result back as a map.
 */
public final class ValidateDataOperation {
    /** The Pipeline function. */
    public static final String FUNCTION = "mlValidateData";
    private static final String STEP = "validate";

    private ValidateDataOperation() {
        // static entry point only
    }

    /**
     * Runs the validation.
     *
     * @param context  the build
     * @param settings the step's arguments
     * @return the {@code validate} result as a map
     * @throws IOException          if the validation could not run, or failed with {@code buildResult: 'FAILURE'}
     * @throws InterruptedException if the build was interrupted
     */
    public static Map<String, Object> run(final BuildContext context, final ValidateSettings settings)
            throws IOException, InterruptedException {
        FilePath workspace = context.requireWorkspace(FUNCTION);
        Launcher launcher = context.requireLauncher(FUNCTION);
        MlDeliveryRunAction action = MlDeliveryRunAction.of(context.run());
        String stem = action.nextStem(STEP);

        String batchProfile = Artifacts.WORK_DIRECTORY + "/" + stem + "." + RecordedStep.BATCH_PROFILE;
        ValidateRequest request = new ValidateRequest(settings.data(), settings.reference(), settings.schema(),
                settings.driftPolicy(), batchProfile);

        context.log(FUNCTION, "validating " + settings.data()
                + (settings.schema() == null ? "" : " with schema " + settings.schema())
                + (settings.reference() == null ? "" : " against " + settings.reference()));
        EngineResult result = EngineResult.decode(OnAgent.call(workspace, new ValidateTask(request)));
        Artifacts.archive(context, workspace, launcher,
                Map.of(MlDeliveryRunAction.DIRECTORY + "/" + stem + "." + RecordedStep.BATCH_PROFILE, batchProfile));
        action.record(stem, STEP, result);
        context.listener().getLogger().println(result.summary());
        StepOutcome.apply(context, FUNCTION, result, settings.buildResult());
        return StepOutcome.toMap(result);
    }

    /**
     * The validation, run on the agent.
     *
     * @param request the step's arguments
     */
    record ValidateTask(ValidateRequest request) implements AgentTask {
        @Override
        public String run(final Path workspace) {
            return EngineSeams.validate(workspace, request).encode();
        }
    }
}

package io.jenkins.plugins.mldelivery.steps;

import com.fasterxml.jackson.databind.JsonNode;
import hudson.AbortException;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.mldelivery.MlDeliveryConfiguration;
import io.jenkins.plugins.mldelivery.MlDeliveryPermissions;
import io.jenkins.plugins.mldelivery.agent.OnController;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import io.jenkins.plugins.mldelivery.core.seams.EngineResult;
import io.jenkins.plugins.mldelivery.core.seams.EngineSeams;
import io.jenkins.plugins.mldelivery.core.seams.PromoteRequest;
import io.jenkins.plugins.mldelivery.core.seams.RegistryAccess;
import io.jenkins.plugins.mldelivery.pages.MlDeliveryRunAction;
import io.jenkins.plugins.mldelivery.pages.RecordedStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jenkins.model.Jenkins;

/**
 * What {@code mlPromote} and its freestyle build step do: check the promotion permission of the
 * build's user, then let the engine, on the controller where the registry is, refuse when this build's
 * gate failed (unless forced), register this build's trained model by its archived location (or take
 * an existing version) and move the alias.
 */
public final class PromoteOperation {
    /** The Pipeline function. */
    public static final String FUNCTION = "mlPromote";
    private static final String STEP = "promote";

    private PromoteOperation() {
        // static entry point only
    }

    /**
     * Runs the promotion.
     *
     * @param context  the build
     * @param settings the step's arguments
     * @return the {@code promote} result as a map
     * @throws IOException          if the promotion is not allowed or could not run
     * @throws InterruptedException if the build was interrupted
     */
    public static Map<String, Object> run(final BuildContext context, final PromoteSettings settings)
            throws IOException, InterruptedException {
        Run<?, ?> run = context.run();
        Job<?, ?> job = run.getParent();
        if (!job.hasPermission(MlDeliveryPermissions.PROMOTE)) {
            throw new AbortException(FUNCTION + ": " + Jenkins.getAuthentication2().getName()
                    + " lacks the permission ML Delivery/Promote on " + job.getFullName());
        }
        MlDeliveryRunAction action = MlDeliveryRunAction.of(run);
        Optional<RecordedStep> gate = action.latestEntry("gate");
        Optional<RecordedStep> train = action.latestEntry("train");
        String trainResult = null;
        if (settings.version() == null) {
            trainResult = train.map(action::read).map(JsonNode::toString).orElseThrow(() -> new AbortException(
                    FUNCTION + " has nothing to promote: give version: N or call " + TrainOperation.FUNCTION
                            + " earlier in this build"));
        }
        String buildUrl = context.env().get("BUILD_URL");
        RegistryAccess registry = MlDeliveryConfiguration.get().registryAccess(run);
        Path staging = null;
        try {
            String trainResultFile = null;
            if (trainResult != null && registry.uri().startsWith(RegistryAccess.MLFLOW_PREFIX)
                    && !"FAILED".equals(ResultJson.mapper().readTree(trainResult).path("status").asText())) {
                // MLflow keeps a version's files in its own artifact store: hand the engine a copy of them
                staging = Files.createTempDirectory("ml-delivery-promote");
                Artifacts.copyArchived(run, artifactPaths(trainResult), staging);
                trainResultFile = Files.writeString(staging.resolve("train.json"), trainResult).toString();
                trainResult = null;
            }
            PromoteRequest request = new PromoteRequest(settings.model(), settings.alias(), settings.version(),
                    trainResult, trainResultFile, "jenkins:" + run.getExternalizableId() + "/artifact/",
                    Map.of("jenkins.job", job.getFullName(), "jenkins.build", String.valueOf(run.getNumber()),
                            "jenkins.url", run.getUrl()),
                    gate.map(action::resultFile).map(Path::toString).orElse(null), settings.force(),
                    Jenkins.getAuthentication2().getName(), buildUrl == null ? run.getUrl() : buildUrl,
                    run.getExternalizableId() + "/" + train.map(RecordedStep::getStem).orElse("version"));
            context.log(FUNCTION, "moving " + settings.model() + "@" + settings.alias() + " to "
                    + (settings.version() == null ? "the model trained in this build" : "version " + settings.version())
                    + " in " + registry.uri());

            String stem = action.nextStem(STEP);
            EngineResult result = OnController.call(() -> EngineSeams.promote(registry, request));
            action.record(stem, STEP, result);
            context.listener().getLogger().println(result.summary());
            if (result.tree().hasNonNull("refusal")) {
                context.log(FUNCTION, "this build's gate failed; give force: true to promote anyway");
            }
            StepOutcome.apply(context, FUNCTION, result, StepOutcome.BUILD_RESULTS.get(0));
            return StepOutcome.toMap(result);
        }
        finally {
            if (staging != null) {
                Artifacts.deleteQuietly(staging);
            }
        }
    }

    private static List<String> artifactPaths(final String trainResult) throws IOException {
        List<String> paths = new ArrayList<>();
        for (JsonNode artifact : ResultJson.mapper().readTree(trainResult).path("artifacts")) {
            paths.add(artifact.path("path").asText().replace('\\', '/'));
        }
        return paths;
    }
}

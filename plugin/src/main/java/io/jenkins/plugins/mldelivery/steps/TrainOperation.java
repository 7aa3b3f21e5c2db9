package io.jenkins.plugins.mldelivery.steps;

import com.fasterxml.jackson.databind.JsonNode;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Proc;
import hudson.model.Run;
import io.jenkins.plugins.mldelivery.MlDeliveryConfiguration;
import io.jenkins.plugins.mldelivery.agent.AgentTask;
import io.jenkins.plugins.mldelivery.agent.OnAgent;
import io.jenkins.plugins.mldelivery.core.seams.CommandOutcome;
import io.jenkins.plugins.mldelivery.core.seams.EngineResult;
import io.jenkins.plugins.mldelivery.core.seams.EngineSeams;
import io.jenkins.plugins.mldelivery.core.seams.RegistryAccess;
import io.jenkins.plugins.mldelivery.core.seams.TrackingRequest;
import io.jenkins.plugins.mldelivery.core.seams.TrainRequest;
import io.jenkins.plugins.mldelivery.core.training.OutputTail;
import io.jenkins.plugins.mldelivery.pages.MlDeliveryRunAction;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What {@code mlTrain} and its freestyle build step do: let the engine check the request and prepare
 * the workspace on the agent, run the training command through the build's launcher (so it runs
 * inside {@code docker.image(...).inside} or {@code container(...)} unchanged, with MLflow's
 * environment when MLflow is configured and its secrets masked in the log), let the engine record
 * metrics, parameters, lineage, model files and data profiles on the agent, archive those files,
 * record the result on the build and apply the build result asked for.
 */
public final class TrainOperation {
    /** The Pipeline function. */
    public static final String FUNCTION = "mlTrain";
    /** Where the engine copies the model files and data profiles before they are archived. */
    static final String ARTIFACTS = Artifacts.WORK_DIRECTORY + "/train";
    private static final String STEP = "train";

    private TrainOperation() {
        // static entry point only
    }

    /**
     * Runs the training.
     *
     * @param context  the build
     * @param settings the step's arguments
     * @return the {@code train} result as a map
     * @throws IOException          if the training could not run, or failed with {@code buildResult: 'FAILURE'}
     * @throws InterruptedException if the build was interrupted (the command is killed)
     */
    public static Map<String, Object> run(final BuildContext context, final TrainSettings settings)
            throws IOException, InterruptedException {
        FilePath workspace = context.requireWorkspace(FUNCTION);
        Launcher launcher = context.requireLauncher(FUNCTION);
        Run<?, ?> run = context.run();
        RegistryAccess registry = MlDeliveryConfiguration.get().registryAccess(run);
        TrainRequest request = request(context, settings, registry);
        MlDeliveryRunAction action = MlDeliveryRunAction.of(run);
        String stem = action.nextStem(STEP);

        String prepared = OnAgent.call(workspace, new PrepareTask(request));
        EnvVars environment = new EnvVars(context.env());
        environment.putAll(MlDeliveryConfiguration.mlflowEnvironment(registry));
        environment.putAll(EngineSeams.trainingEnvironment(prepared));
        context.log(FUNCTION, "running " + settings.command()
                + (settings.overrides().isEmpty() ? "" : " with " + String.join(", ", settings.overrides())));
        CommandOutcome outcome;
        try {
            outcome = launch(context, launcher, workspace, settings, environment, registry.secrets());
        }
        catch (IOException | InterruptedException | RuntimeException e) {
            abandon(context, workspace, request, prepared);
            throw e;
        }
        context.log(FUNCTION, outcome.timedOut() ? "the command was killed at the timeout of " + settings.timeout()
                : "the command exited with code " + outcome.exitCode());

        EngineResult result = EngineResult.decode(OnAgent.call(workspace, new RecordTask(request, prepared, outcome)));
        Artifacts.archive(context, workspace, launcher, published(result));
        action.record(stem, STEP, result);
        context.listener().getLogger().println(result.summary());
        StepOutcome.apply(context, FUNCTION, result, settings.buildResult());
        return StepOutcome.toMap(result);
    }

    private static TrainRequest request(final BuildContext context, final TrainSettings settings,
            final RegistryAccess registry) throws AbortException {
        TrackingRequest tracking = null;
        String experiment = settings.mlflowExperiment();
        if (experiment != null) {
            if (!registry.uri().startsWith(RegistryAccess.MLFLOW_PREFIX)) {
                throw new AbortException(FUNCTION + ": mlflowExperiment needs an MLflow server; set its URL in"
                        + " Manage Jenkins, System, ML Delivery");
            }
            String buildUrl = context.env().get("BUILD_URL");
            tracking = new TrackingRequest(registry, experiment, context.run().getFullDisplayName(),
                    buildUrl, buildUrl == null ? null : buildUrl + "artifact/");
        }
        return new TrainRequest(settings.command(), settings.metrics(), settings.params(), settings.overrides(),
                settings.model(), settings.data(), settings.environment(), settings.timeoutMillis(), ARTIFACTS,
                tracking);
    }

    /**
     * Runs the command through the build's launcher, its output masked into the build log, and kills it
     * at the timeout. The command counts as timed out when it was still running when the timeout came:
     * {@code Proc.joinWithTimeout} kills it then.
     */
    private static CommandOutcome launch(final BuildContext context, final Launcher launcher, final FilePath workspace,
            final TrainSettings settings, final EnvVars environment, final List<String> secrets)
            throws IOException, InterruptedException {
        OutputTail tail = new OutputTail(CommandOutcome.TAIL_LINES);
        SecretMaskingOutputStream log = new SecretMaskingOutputStream(context.listener().getLogger(), secrets,
                context.run().getCharset(), tail);
        Instant started = Instant.now();
        Long timeout = settings.timeoutMillis();
        int exitCode;
        try {
            Launcher.ProcStarter starter = launcher.launch().cmds(shell(launcher, settings.command())).envs(environment)
                    .pwd(workspace).stdout(log);
            if (timeout == null) {
                exitCode = starter.join();
            }
            else {
                Proc process = starter.start();
                exitCode = process.joinWithTimeout(timeout, TimeUnit.MILLISECONDS, context.listener());
            }
        }
        finally {
            log.forceEol();
            log.flush();
        }
        Instant finished = Instant.now();
        boolean timedOut = timeout != null && Duration.between(started, finished).toMillis() >= timeout;
        return new CommandOutcome(exitCode, timedOut, tail.lines(), started, finished);
    }

    /**
     * Returns the command line that runs a command through the agent's shell.
     *
     * @param launcher the launcher, which knows the agent's platform
     * @param command  the command as the user wrote it
     * @return {@code sh -c COMMAND} on Unix, {@code cmd.exe /C COMMAND} on Windows
     */
    static List<String> shell(final Launcher launcher, final String command) {
        return launcher.isUnix() ? List.of("sh", "-c", command) : List.of("cmd.exe", "/C", command);
    }

    /** Puts the params file back when the command did not run to its end; the build's own failure is what counts. */
    private static void abandon(final BuildContext context, final FilePath workspace, final TrainRequest request,
            final String prepared) {
        if (request.overrides().isEmpty()) {
            return;
        }
        boolean interrupted = Thread.interrupted(); // the agent call must go through even when the build was aborted
        try {
            OnAgent.call(workspace, new AbandonTask(request, prepared));
        }
        catch (IOException | InterruptedException | RuntimeException e) {
            context.log(FUNCTION, "could not put " + request.params() + " back after the overrides: " + e.getMessage());
        }
        finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The files the engine published into the artifacts directory: archive path to workspace path. */
    private static Map<String, String> published(final EngineResult result) {
        Map<String, String> files = new LinkedHashMap<>();
        JsonNode tree = result.tree();
        if (tree.path("artifactsDirectory").isMissingNode() || tree.path("artifactsDirectory").isNull()) {
            return files; // the training failed: the engine published nothing
        }
        for (JsonNode artifact : tree.path("artifacts")) {
            String path = artifact.path("path").asText().replace('\\', '/');
            if (Artifacts.isInsideWorkspace(path)) {
                files.put(path, ARTIFACTS + "/" + path);
            }
        }
        return files;
    }

    /**
     * The preparation of a training, run on the agent.
     *
     * @param request the step's arguments
     */
    record PrepareTask(TrainRequest request) implements AgentTask {
        @Override
        public String run(final Path workspace) {
            return EngineSeams.prepareTraining(workspace, request);
        }
    }

    /**
     * The recording of a training, run on the agent.
     *
     * @param request  the step's arguments
     * @param prepared the engine's preparation
     * @param outcome  how the command ended
     */
    record RecordTask(TrainRequest request, String prepared, CommandOutcome outcome) implements AgentTask {
        @Override
        public String run(final Path workspace) {
            return EngineSeams.recordTraining(workspace, request, prepared, outcome).encode();
        }
    }

    /**
     * The clean-up of a training whose command did not run to its end, run on the agent.
     *
     * @param request  the step's arguments
     * @param prepared the engine's preparation
     */
    record AbandonTask(TrainRequest request, String prepared) implements AgentTask {
        @Override
        public String run(final Path workspace) {
            EngineSeams.abandonTraining(workspace, request, prepared);
            return "{}";
        }
    }
}

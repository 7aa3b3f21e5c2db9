package io.jenkins.plugins.mldelivery.steps;

import com.fasterxml.jackson.databind.JsonNode;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import io.jenkins.plugins.mldelivery.MlDeliveryConfiguration;
import io.jenkins.plugins.mldelivery.agent.AgentTask;
import io.jenkins.plugins.mldelivery.agent.OnAgent;
import io.jenkins.plugins.mldelivery.engine.CommandOutcome;
import io.jenkins.plugins.mldelivery.engine.EngineResult;
import io.jenkins.plugins.mldelivery.engine.EngineSeams;
import io.jenkins.plugins.mldelivery.engine.RegistryAccess;
import io.jenkins.plugins.mldelivery.engine.TrainRequest;
import io.jenkins.plugins.mldelivery.pages.MlDeliveryRunAction;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code mlTrain} and its freestyle build step do: run the training command through the build's
 * launcher (so it runs inside {@code docker.image(...).inside} or {@code container(...)} unchanged,
 * with MLflow's environment when MLflow is configured and its secrets masked in the log), let the
 * engine record metrics, parameters, lineage and model files on the agent, archive the model files,
 * record the result on the build and apply the build result asked for.
 */
public final class TrainOperation {
    /** The Pipeline function. */
    public static final String FUNCTION = "mlTrain";
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
        EnvVars environment = new EnvVars(context.env());
        environment.putAll(MlDeliveryConfiguration.mlflowEnvironment(registry));
        MlDeliveryRunAction action = MlDeliveryRunAction.of(run);
        String stem = action.nextStem(STEP);

        context.log(FUNCTION, "running " + settings.command());
        SecretMaskingOutputStream log = new SecretMaskingOutputStream(context.listener().getLogger(),
                registry.secrets(), run.getCharset());
        Instant started = Instant.now();
        int exitCode;
        try {
            exitCode = launcher.launch().cmds(shell(launcher, settings.command())).envs(environment)
                    .pwd(workspace).stdout(log).join();
        }
        finally {
            log.forceEol();
            log.flush();
        }
        Instant finished = Instant.now();
        context.log(FUNCTION, "the command exited with code " + exitCode);

        TrainRequest request = new TrainRequest(settings.command(), settings.metrics(), settings.params(),
                settings.model(), settings.data());
        EngineResult result = EngineResult.decode(OnAgent.call(workspace,
                new RecordTask(request, new CommandOutcome(exitCode, started, finished))));
        Artifacts.archive(context, workspace, launcher, modelFiles(context, result));
        action.record(stem, STEP, result);
        context.listener().getLogger().println(result.summary());
        StepOutcome.apply(context, FUNCTION, result, settings.buildResult());
        return StepOutcome.toMap(result);
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

    private static Map<String, String> modelFiles(final BuildContext context, final EngineResult result) {
        Map<String, String> files = new LinkedHashMap<>();
        for (JsonNode artifact : result.tree().path("artifacts")) {
            String path = artifact.path("path").asText().replace('\\', '/');
            if (Artifacts.isInsideWorkspace(path)) {
                files.put(path, path);
            }
            else {
                context.log(FUNCTION, "not archiving " + path + ": it is outside the workspace");
            }
        }
        return files;
    }

    /**
     * The recording of a training, run on the agent.
     *
     * @param request the step's arguments
     * @param outcome how the command ended
     */
    record RecordTask(TrainRequest request, CommandOutcome outcome) implements AgentTask {
        @Override
        public String run(final Path workspace) {
            return EngineSeams.recordTraining(workspace, request, outcome).encode();
        }
    }
}

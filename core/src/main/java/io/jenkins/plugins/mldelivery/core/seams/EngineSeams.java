package io.jenkins.plugins.mldelivery.core.seams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.jenkins.plugins.mldelivery.core.canary.ResumableRollout;
import io.jenkins.plugins.mldelivery.core.canary.RolloutMove;
import io.jenkins.plugins.mldelivery.core.canary.runtime.Sleeper;
import io.jenkins.plugins.mldelivery.core.gate.ChampionLookup;
import io.jenkins.plugins.mldelivery.core.gate.GateEngine;
import io.jenkins.plugins.mldelivery.core.gate.GateResult;
import io.jenkins.plugins.mldelivery.core.gate.WithoutChampion;
import io.jenkins.plugins.mldelivery.core.gate.rule.MetricValues;
import io.jenkins.plugins.mldelivery.core.gate.rule.RuleParser;
import io.jenkins.plugins.mldelivery.core.gate.rule.RuleSource;
import io.jenkins.plugins.mldelivery.core.io.AtomicFiles;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.mlflow.MlflowClient;
import io.jenkins.plugins.mldelivery.core.mlflow.MlflowCredentials;
import io.jenkins.plugins.mldelivery.core.registry.ChangeNote;
import io.jenkins.plugins.mldelivery.core.registry.ModelRegistry;
import io.jenkins.plugins.mldelivery.core.registry.PromoteResult;
import io.jenkins.plugins.mldelivery.core.registry.Promotion;
import io.jenkins.plugins.mldelivery.core.registry.RegistryUri;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import io.jenkins.plugins.mldelivery.core.training.CsvDataProfiler;
import io.jenkins.plugins.mldelivery.core.training.MlflowTracking;
import io.jenkins.plugins.mldelivery.core.training.ParamOverride;
import io.jenkins.plugins.mldelivery.core.training.PreparedTraining;
import io.jenkins.plugins.mldelivery.core.training.ProcessOutcome;
import io.jenkins.plugins.mldelivery.core.training.TrackingContext;
import io.jenkins.plugins.mldelivery.core.training.TrainResult;
import io.jenkins.plugins.mldelivery.core.training.Trainer;
import io.jenkins.plugins.mldelivery.core.training.TrainingCommand;
import io.jenkins.plugins.mldelivery.core.training.TrainingRequest;
import io.jenkins.plugins.mldelivery.core.validation.DataValidation;
import io.jenkins.plugins.mldelivery.core.validation.ProfileValidation;
import io.jenkins.plugins.mldelivery.core.validation.ValidationRequest;
import io.jenkins.plugins.mldelivery.core.validation.ValidationResult;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The seams between the Jenkins glue and the engine: every call the plugin makes into a core step
 * operation goes through one of these methods (the charts of the pages through {@link ChartSeams}),
 * and nothing else in the plugin knows a core API beyond the shared result types
 * ({@code core.result}, {@code core.io}).
 *
 * <p>Each seam takes a step's arguments as an immutable request and returns the engine's result
 * JSON (the contract of DESIGN.md, the same document the CLI writes with {@code --json}) with the
 * result's {@code summary()}. Methods marked "on the agent" run inside {@code FilePath.act} with the
 * workspace as a local path; the others run on the controller. Core exceptions pass through
 * unchanged: {@code BadInputException} and {@code ExternalSystemException} become one-line build
 * errors, anything else an internal error with its stack trace in the log.
 */
public final class EngineSeams {
    private EngineSeams() {
        // the seams are static: they hold no state
    }

    /**
     * Validates a batch in one pass (on the agent): checks the schema's rules, profiles the batch
     * (written to {@code request.batchProfileOut()}) and compares it with the reference's profile for
     * drift under the drift policy. Core: {@code DataValidation.run} (the CLI's {@code validate}).
     *
     * @param workspace the workspace on the agent
     * @param request   the step's arguments
     * @return the {@code validate} result: {@code rows}, {@code violations[]}, {@code drift}
     */
    public static EngineResult validate(final Path workspace, final ValidateRequest request) {
        Path data = workspace.resolve(request.data());
        Path profileOut = workspace.resolve(request.batchProfileOut());
        ValidationRequest validation = ValidationRequest.of(data).withProfileOut(profileOut);
        if (request.schema() != null) {
            validation = validation.withSchema(workspace.resolve(request.schema()));
        }
        if (request.reference() != null) {
            validation = validation.withReference(workspace.resolve(request.reference()));
        }
        if (request.driftPolicy() != null) {
            validation = validation.withDriftPolicy(workspace.resolve(request.driftPolicy()));
        }
        ValidationResult result;
        if (ProfileValidation.isSavedProfile(data)) {
            // a profile computed where the data lives (Spark, another job): judged without its rows, and
            // archived as this build's batch profile like one the engine computed
            result = ProfileValidation.run(validation.withProfileOut(null), Clock.systemUTC());
            AtomicFiles.write(profileOut, readAllBytes(data));
        }
        else {
            result = DataValidation.run(validation, Clock.systemUTC());
        }
        return new EngineResult(ResultJson.toJson(result), result.summary());
    }

    private static byte[] readAllBytes(final Path file) {
        try {
            return Files.readAllBytes(file);
        }
        catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage());
        }
    }

    /**
     * Prepares a training before the plugin launches its command (on the agent): checks the request,
     * hashes the data, reads the git state and writes the parameter overrides into the params file.
     * Core: {@code Trainer.prepare}.
     *
     * @param workspace the workspace on the agent
     * @param request   the step's arguments
     * @return the engine's preparation as JSON, to hand to {@link #recordTraining} or {@link #abandonTraining}
     */
    public static String prepareTraining(final Path workspace, final TrainRequest request) {
        return trainer().prepare(trainingRequest(workspace, request)).toJson();
    }

    /**
     * Returns the variables the engine adds to the training command's environment (on the controller).
     * Core: {@code PreparedTraining.environment()}.
     *
     * @param prepared the preparation from {@link #prepareTraining}
     * @return {@code PYTHONUNBUFFERED=1}, then the step's {@code env}
     */
    public static Map<String, String> trainingEnvironment(final String prepared) {
        return PreparedTraining.fromJson(prepared).environment();
    }

    /**
     * Records a training the plugin ran through the build's launcher (on the agent): puts the params
     * file back, reads the metrics, hashes and copies the model files and data profiles into the
     * artifacts directory, and logs the run to MLflow when asked. Core: {@code Trainer.record},
     * {@code MlflowTracking.log}.
     *
     * @param workspace the workspace on the agent
     * @param request   the step's arguments
     * @param prepared  the preparation from {@link #prepareTraining}
     * @param outcome   the command's exit code, timing and last lines
     * @return the {@code train} result: {@code metrics}, {@code params}, {@code lineage},
     *         {@code artifacts[]} relative to the artifacts directory, {@code mlflow} when tracked
     */
    public static EngineResult recordTraining(final Path workspace, final TrainRequest request, final String prepared,
            final CommandOutcome outcome) {
        TrainResult result = trainer().record(trainingRequest(workspace, request), PreparedTraining.fromJson(prepared),
                new ProcessOutcome(outcome.exitCode(), outcome.timedOut(), outcome.tail(), outcome.startedAt(),
                        outcome.finishedAt()));
        TrackingRequest tracking = request.tracking();
        if (tracking != null) {
            MlflowClient client = MlflowClient.at(URI.create(tracking.url()))
                    .withCredentials(credentials(tracking.access())).build();
            result = new MlflowTracking(client, tracking.experiment()).log(result, new TrackingContext(
                    tracking.runName(), tracking.buildUrl(), tracking.artifactLocation(), Map.of()));
        }
        return new EngineResult(ResultJson.toJson(result), result.summary());
    }

    /**
     * Puts the params file back when the training command could not run to its end (on the agent).
     * Core: {@code Trainer.abandon}.
     *
     * @param workspace the workspace on the agent
     * @param request   the step's arguments
     * @param prepared  the preparation from {@link #prepareTraining}
     */
    public static void abandonTraining(final Path workspace, final TrainRequest request, final String prepared) {
        trainer().abandon(trainingRequest(workspace, request), PreparedTraining.fromJson(prepared));
    }

    private static Trainer trainer() {
        // the plugin prints the command's output itself: the trainer never runs it here
        return new Trainer(line -> { }, Clock.systemUTC()).profilingDataWith(new CsvDataProfiler());
    }

    private static TrainingRequest trainingRequest(final Path workspace, final TrainRequest request) {
        TrainingRequest.Builder builder = TrainingRequest.command(TrainingCommand.ofShellLine(request.command()))
                .inDirectory(workspace)
                .readingMetrics(Path.of(request.metrics()))
                .publishingTo(workspace.resolve(request.artifactsDirectory()))
                .keepingLastLines(CommandOutcome.TAIL_LINES);
        if (request.params() != null) {
            builder.readingParams(Path.of(request.params()));
        }
        request.overrides().stream().map(ParamOverride::parse).forEach(builder::overriding);
        if (request.model() != null) {
            builder.collectingModel(request.model());
        }
        request.data().forEach(file -> builder.trainingOn(Path.of(file)));
        request.environment().forEach(builder::withEnvironment);
        Long timeoutMillis = request.timeoutMillis();
        if (timeoutMillis != null) {
            builder.timingOutAfter(Duration.ofMillis(timeoutMillis));
        }
        return builder.build();
    }

    /**
     * Evaluates the gate's rules against the candidate's metrics and the champion (on the agent).
     * Core: {@code GateEngine.evaluate} (the CLI's {@code gate}), given the champion already looked up.
     *
     * @param workspace the workspace on the agent
     * @param request   the step's arguments, the candidate's metrics and the champion
     * @return the {@code gate} result: {@code verdict}, {@code rules[]}
     */
    public static EngineResult gate(final Path workspace, final GateRequest request) {
        io.jenkins.plugins.mldelivery.core.gate.GateRequest.Builder builder =
                io.jenkins.plugins.mldelivery.core.gate.GateRequest.builder();
        request.rules().forEach(builder::rule);
        request.warnRules().forEach(builder::warningRule);
        builder.whenNoChampion(WithoutChampion.valueOf(request.withoutChampion().toUpperCase(Locale.ROOT)));
        if (request.metricsFile() != null) {
            builder.metricsFrom(workspace.resolve(request.metricsFile()));
        }
        else {
            builder.metrics(MetricValues.of(readMetrics(request.metricsJson())));
        }
        if (request.championLookup() == null) {
            builder.withoutChampionBecause("no champion to compare with (the step names no model)");
        }
        else {
            ChampionLookup.fromJson(request.championLookup()).applyTo(builder);
        }
        if (request.predictions() != null && request.championPredictions() != null) {
            builder.predictions(workspace.resolve(request.predictions()),
                    workspace.resolve(request.championPredictions()));
        }
        GateResult result = new GateEngine(Clock.systemUTC()).evaluate(builder.build());
        return new EngineResult(ResultJson.toJson(result), result.summary());
    }

    private static Map<String, Double> readMetrics(final String json) {
        try {
            return ResultJson.mapper().readValue(json, new TypeReference<LinkedHashMap<String, Double>>() { });
        }
        catch (JsonProcessingException e) {
            throw new BadInputException("the metrics of this build's training are not names and numbers: "
                    + e.getOriginalMessage());
        }
    }

    /**
     * Checks one gate rule against the engine's rule grammar (on the controller, for form validation).
     * Core: {@code RuleParser.parse}.
     *
     * @param rule a rule, e.g. {@code f1 >= champion.f1 - 0.01}
     * @return {@code null} if the rule parses, else a one-line message naming the rule and the
     *         position of the problem
     */
    public static String checkRule(final String rule) {
        try {
            RuleParser.parse(new RuleSource(1, rule));
            return null;
        }
        catch (BadInputException e) {
            return e.getMessage();
        }
    }

    /**
     * Looks up the champion a gate compares with (on the controller, where the registry is).
     * Core: {@code ChampionLookup.find}.
     *
     * @param access the registry and its credentials
     * @param model  the registered model's name
     * @param alias  the alias, e.g. {@code champion}
     * @return the lookup as the engine's JSON: the champion with its metrics, or why there is none
     *         (the first release), for {@link GateRequest#championLookup()}
     */
    public static String findChampion(final RegistryAccess access, final String model, final String alias) {
        return ChampionLookup.find(registry(access), model, alias).toJson();
    }

    /**
     * Says in one line what a champion lookup found, for the build log.
     *
     * @param lookup the lookup from {@link #findChampion}
     * @return e.g. {@code comparing with credit-risk version 3 (alias champion)}, or why there is no champion
     */
    public static String describeChampion(final String lookup) {
        ChampionLookup found = ChampionLookup.fromJson(lookup);
        return found.champion().map(champion -> "comparing with " + champion.describe()).orElse(found.reason());
    }

    /**
     * Registers the build's model as a new version, or takes an existing one, and moves the alias to
     * it, unless this build's gate failed and the promotion is not forced (on the controller). The
     * embedded registry refers to the archived model by location; MLflow gets the files themselves,
     * which it keeps in its artifact store (it refuses a source outside it).
     * Core: {@code Promotion.promote} (the CLI's {@code promote}).
     *
     * @param access  the registry and its credentials
     * @param request the step's arguments
     * @return the {@code promote} result: {@code model}, {@code version}, {@code alias},
     *         {@code previousVersion}; {@code FAILED} with a refusal when the gate failed
     */
    public static EngineResult promote(final RegistryAccess access, final PromoteRequest request) {
        io.jenkins.plugins.mldelivery.core.registry.PromoteRequest.Builder builder =
                io.jenkins.plugins.mldelivery.core.registry.PromoteRequest.of(request.model(), request.alias())
                        .by(ChangeNote.by(request.who()).fromBuild(request.buildUrl()))
                        .withTags(request.tags())
                        .forced(request.force());
        if (request.version() != null) {
            builder.version(request.version());
        }
        else if (request.trainResultFile() != null) {
            builder.fromTrainResult(Path.of(request.trainResultFile())).withIdempotencyKey(request.idempotencyKey());
        }
        else {
            builder.fromTrainResultJson(request.trainResultJson()).withSourcePrefix(request.artifactBase())
                    .withIdempotencyKey(request.idempotencyKey());
        }
        if (request.gateResultFile() != null) {
            builder.withGate(Path.of(request.gateResultFile()));
        }
        PromoteResult result = new Promotion(registry(access), Clock.systemUTC()).promote(builder.build());
        return new EngineResult(ResultJson.toJson(result), result.summary());
    }

    private static ModelRegistry registry(final RegistryAccess access) {
        return RegistryUri.parse(access.uri()).open(credentials(access));
    }

    private static MlflowCredentials credentials(final RegistryAccess access) {
        if (access.bearerToken() != null) {
            return MlflowCredentials.bearer(access.bearerToken());
        }
        if (access.username() != null && access.password() != null) {
            return MlflowCredentials.basic(access.username(), access.password());
        }
        return MlflowCredentials.none();
    }

    /**
     * Makes the next move of a canary rollout (on the agent): starts it, or resumes it from the
     * state kept by the step and makes every transition that is due (shift traffic, analyse a step,
     * promote, roll back). Never waits for an analysis: the progress says when to call again.
     * Core: {@code ResumableRollout.move} over the {@code RolloutController}.
     *
     * @param workspace the workspace on the agent
     * @param request   the step's arguments
     * @param state     the state returned by the previous move, or {@code null} for the first one
     * @return where the rollout stands
     */
    public static CanaryProgress canaryMove(final Path workspace, final CanaryRequest request,
            final String state) {
        return progress(ResumableRollout.move(workspace.resolve(request.analysis()), planArguments(request),
                workspace.resolve(request.stateFile()), state, Clock.systemUTC(), Sleeper.REAL, request.owner()));
    }

    /**
     * Rolls a canary back because the build was stopped (on the agent). Core: {@code ResumableRollout.abort}.
     *
     * @param workspace the workspace on the agent
     * @param request   the step's arguments
     * @param state     the last state the step kept
     * @param reason    why, for the result, e.g. {@code the build was stopped}
     * @return the settled rollout: the {@code canary} result with decision {@code ROLLED_BACK}, or
     *         the decision it had already reached
     */
    public static CanaryProgress canaryAbort(final Path workspace, final CanaryRequest request,
            final String state, final String reason) {
        return progress(ResumableRollout.abort(workspace.resolve(request.analysis()), planArguments(request),
                workspace.resolve(request.stateFile()), state, reason, Clock.systemUTC(), Sleeper.REAL,
                request.owner()));
    }

    private static Map<String, Object> planArguments(final CanaryRequest request) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("model", request.model());
        if (!request.weights().isEmpty()) {
            arguments.put("steps", request.weights());
        }
        return arguments;
    }

    private static CanaryProgress progress(final RolloutMove move) {
        long wait = move.settled() ? 0 : Math.max(0, Duration.between(Instant.now(), move.nextAt()).toMillis());
        String message = move.transitions().stream().map(transition -> transition.to() + ": " + transition.message())
                .collect(Collectors.joining("\n"));
        EngineResult result = move.result() == null ? null
                : new EngineResult(ResultJson.toJson(move.result()), move.result().summary());
        return new CanaryProgress(move.state(), move.settled(), wait, message, result);
    }
}

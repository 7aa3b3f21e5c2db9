package io.jenkins.plugins.mldelivery.engine;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.nio.file.Path;
import java.util.List;

/**
 * The seams between the Jenkins glue and the engine: every call the plugin makes into a core step
 * operation goes through one of these methods, and nothing else in the plugin knows a core API
 * beyond the shared result types ({@code core.result}, {@code core.io}).
 *
 * <p>Each seam takes a step's arguments as an immutable request and returns the engine's result
 * JSON (the contract of DESIGN.md, the same document the CLI writes with {@code --json}) with the
 * result's {@code summary()}. Methods marked "on the agent" run inside {@code FilePath.act} with the
 * workspace as a local path; the others run on the controller. Core exceptions pass through
 * unchanged: {@code BadInputException} and {@code ExternalSystemException} become one-line build
 * errors, anything else an internal error with its stack trace in the log.
 *
 * <p>The core operations are being written in parallel; until the lead connects a seam to its core
 * API, it throws {@link EngineNotConnectedException} naming the operation.
 */
public final class EngineSeams {
    private EngineSeams() {
        // the seams are static: they hold no state
    }

    /**
     * Validates a batch against a schema and a reference and profiles both (on the agent).
     * Core: {@code core.validation} and {@code core.profile} (the CLI's {@code validate} and
     * {@code profile --out}). Writes the batch profile to {@code request.batchProfileOut()} and,
     * when a reference is given, the reference profile to {@code request.referenceProfileOut()}.
     *
     * @param workspace the workspace on the agent
     * @param request   the step's arguments
     * @return the {@code validate} result: {@code rows}, {@code violations[]}, {@code drift}
     */
    public static EngineResult validate(final Path workspace, final ValidateRequest request) {
        throw new EngineNotConnectedException("validate");
    }

    /**
     * Records a training the plugin ran through the build's launcher (on the agent): reads the
     * parameters and metrics, hashes the data and model files, reads the lineage (git commit and
     * dirtiness of the workspace). Core: {@code core.training}, the part of the CLI's {@code train}
     * that follows the command. The status is {@code FAILED} when the command's exit code is not 0;
     * then a missing metrics file is part of that failure, not a bad-input error.
     *
     * @param workspace the workspace on the agent
     * @param request   the step's arguments
     * @param outcome   the command's exit code and timing
     * @return the {@code train} result: {@code metrics}, {@code params}, {@code lineage},
     *         {@code artifacts[]} with paths relative to the workspace
     */
    public static EngineResult recordTraining(final Path workspace, final TrainRequest request,
            final CommandOutcome outcome) {
        throw new EngineNotConnectedException("train");
    }

    /**
     * Evaluates the gate's rules against the candidate's metrics and the champion (on the agent).
     * Core: {@code core.gate} (the CLI's {@code gate}), given the champion already resolved.
     *
     * @param workspace the workspace on the agent
     * @param request   the step's arguments, the candidate's metrics and the champion
     * @return the {@code gate} result: {@code verdict}, {@code rules[]}
     */
    public static EngineResult gate(final Path workspace, final GateRequest request) {
        throw new EngineNotConnectedException("gate");
    }

    /**
     * Checks one gate rule against the engine's rule grammar (on the controller, for form validation).
     * Core: the rule parser of {@code core.gate}.
     *
     * @param rule a rule, e.g. {@code f1 >= champion.f1 - 0.01}
     * @return {@code null} if the rule parses, else a one-line message naming the rule and the
     *         position of the problem
     */
    public static @CheckForNull String checkRule(final String rule) {
        throw new EngineNotConnectedException("gate rule check");
    }

    /**
     * Resolves an alias of a registered model to its version (on the controller).
     * Core: {@code core.registry.ModelRegistry} opened from {@code access.uri()}.
     *
     * @param access the registry and its credentials
     * @param model  the registered model's name
     * @param alias  the alias, e.g. {@code champion}
     * @return the version as JSON ({@code model}, {@code version}, {@code source}, {@code metrics},
     *         {@code params}, {@code lineage}, {@code tags}, {@code createdAt}), or {@code null}
     *         when the model or the alias does not exist yet (the first release)
     */
    public static @CheckForNull String resolveAlias(final RegistryAccess access, final String model,
            final String alias) {
        throw new EngineNotConnectedException("registry alias");
    }

    /**
     * Registers the build's model as a new version, or takes an existing one, and moves the alias to
     * it (on the controller). Core: {@code core.registry} (the CLI's {@code promote}).
     *
     * @param access  the registry and its credentials
     * @param request the step's arguments
     * @return the {@code promote} result: {@code model}, {@code version}, {@code alias},
     *         {@code previousVersion}
     */
    public static EngineResult promote(final RegistryAccess access, final PromoteRequest request) {
        throw new EngineNotConnectedException("promote");
    }

    /**
     * Starts a canary rollout (on the agent): reads the analysis file, routes the first weight
     * of traffic to the candidate. Core: {@code core.canary}'s resumable controller. May be called a
     * second time for the same rollout when the controller crashed before the first state was saved.
     *
     * @param workspace the workspace on the agent
     * @param request   the step's arguments
     * @return where the rollout stands, with the state to hand to {@link #canaryContinue}
     */
    public static CanaryProgress canaryBegin(final Path workspace, final CanaryRequest request) {
        throw new EngineNotConnectedException("canary");
    }

    /**
     * Makes the next move of a canary rollout (on the agent): analyses the current step and
     * advances, holds, promotes or rolls back. Must be idempotent for a given state, because after a
     * controller crash the last persisted state may be handed back a second time.
     *
     * @param workspace the workspace on the agent
     * @param stateJson the state returned by the previous move
     * @return where the rollout stands
     */
    public static CanaryProgress canaryContinue(final Path workspace, final String stateJson) {
        throw new EngineNotConnectedException("canary");
    }

    /**
     * Rolls a canary back because the build was aborted (on the agent).
     *
     * @param workspace the workspace on the agent
     * @param stateJson the last persisted state
     * @param reason    why, for the result, e.g. {@code aborted by alice}
     * @return the {@code canary} result with decision {@code ROLLED_BACK}
     */
    public static EngineResult canaryAbort(final Path workspace, final String stateJson, final String reason) {
        throw new EngineNotConnectedException("canary rollback");
    }

    /**
     * Builds the job's metric trend (on the controller). Core: {@code core.history}.
     *
     * @param newestFirst the builds' metrics, newest first, already capped
     * @return the JSON of an echarts-build-trends {@code LinesChartModel} (one series per metric,
     *         oldest build first on the x axis, {@code buildNumbers} filled for links)
     */
    public static String metricTrendChart(final List<TrendPoint> newestFirst) {
        throw new EngineNotConnectedException("metric trend");
    }

    /**
     * Builds the drift chart of a validation (on the controller). Core: {@code core.report}.
     *
     * @param validateResultJson the {@code validate} result
     * @return an ECharts {@code option} object as JSON: effect size per feature, drifted ones marked
     */
    public static String driftChart(final String validateResultJson) {
        throw new EngineNotConnectedException("drift chart");
    }

    /**
     * Builds the histogram of one feature, batch against reference (on the controller).
     * Core: {@code core.report} from {@code core.profile}.
     *
     * @param column               the feature
     * @param batchProfileJson     the batch's profile
     * @param referenceProfileJson the reference's profile, if any
     * @return an ECharts {@code option} object as JSON
     */
    public static String histogramChart(final String column, final String batchProfileJson,
            @CheckForNull final String referenceProfileJson) {
        throw new EngineNotConnectedException("histogram chart");
    }

    /**
     * Builds the timeline of a canary rollout (on the controller). Core: {@code core.report}.
     *
     * @param canaryResultJson the {@code canary} result
     * @return an ECharts {@code option} object as JSON: weight and score per step
     */
    public static String canaryChart(final String canaryResultJson) {
        throw new EngineNotConnectedException("canary chart");
    }
}

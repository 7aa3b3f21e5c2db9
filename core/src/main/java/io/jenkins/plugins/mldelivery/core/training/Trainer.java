package io.jenkins.plugins.mldelivery.core.training;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.result.InputIdentity;
import io.jenkins.plugins.mldelivery.core.result.Status;
import io.jenkins.plugins.mldelivery.core.result.Timing;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs a team's training command and captures what is needed to trust and reproduce its model:
 * parameters, metrics, lineage and the model files, copied into an artifacts directory all at once
 * or not at all. Bad options and bad input throw {@link BadInputException} before anything runs;
 * everything that goes wrong once the command has run (a non-zero exit, a timeout, unreadable
 * metrics, no model) is a {@code FAILED} result with a one-line reason.
 */
public final class Trainer {
    private static final Duration NO_LIMIT = Duration.ofMillis(Long.MAX_VALUE);

    private final Consumer<String> output;
    private final Clock clock;
    private final TrainingDataProfiler profiler;

    /**
     * Creates a trainer that does not profile the training data.
     *
     * @param output receives every line the command prints, as it prints it
     * @param clock  the clock for timings
     */
    public Trainer(final Consumer<String> output, final Clock clock) {
        this(output, clock, null);
    }

    private Trainer(final Consumer<String> output, final Clock clock, final TrainingDataProfiler profiler) {
        this.output = output;
        this.clock = clock;
        this.profiler = profiler;
    }

    /**
     * Returns a trainer that also writes a profile of each data file the profiler handles into the
     * artifacts directory ({@code profiles/NAME.profile.json}), for later validations to use as
     * their reference.
     *
     * @param dataProfiler writes one profile
     * @return the trainer
     */
    public Trainer profilingDataWith(final TrainingDataProfiler dataProfiler) {
        return new Trainer(output, clock, dataProfiler);
    }

    /**
     * Trains once.
     *
     * @param request what to run and capture
     * @return the result
     * @throws BadInputException for bad options or input found before the command runs
     */
    public TrainResult train(final TrainingRequest request) {
        Instant started = clock.instant();
        TrainingSetup setup = TrainingSetup.of(request, output);
        RunRecord run = runIn(request, setup, setup.params(), request.overrides(), setup.workDir(), Map.of(), output);
        return assemble(request, setup, run, started, Status.PASSED, null);
    }

    /**
     * Prepares a training whose command the caller runs itself (through a CI system's launcher, so
     * that it runs inside the build's container): checks the request, takes the lineage that must be
     * known before the command runs, and writes the overrides into the params file. Call
     * {@link #record} once the command has ended, or {@link #abandon} if it could not run.
     *
     * @param request what the caller will run and what to capture; its command is only recorded
     * @return the preparation, including the environment to give the command
     * @throws BadInputException for bad options or input, before anything is written
     */
    public PreparedTraining prepare(final TrainingRequest request) {
        Instant started = clock.instant();
        TrainingSetup setup = TrainingSetup.of(request, output);
        byte[] before = null;
        if (setup.params() != null && setup.params().overridden()) {
            before = setup.params().rewrite(request.resolve(request.params()));
        }
        return new PreparedTraining(started, setup.workDir().toString(), TrainingSetup.commandEnvironment(request, Map.of()),
                setup.data(), setup.inputs(), setup.git(), setup.tools(), setup.host(), before);
    }

    /**
     * Records a training the caller ran after {@link #prepare}: puts the params file back, reads the
     * metrics and model files, and publishes them as {@link #train} does.
     *
     * @param request  the request given to {@link #prepare}
     * @param prepared what {@link #prepare} returned
     * @param outcome  how the command ended, with its last lines
     * @return the result; {@code FAILED} with a reason when the command failed, timed out or left bad metrics
     */
    public TrainResult record(final TrainingRequest request, final PreparedTraining prepared, final ProcessOutcome outcome) {
        abandon(request, prepared);
        Path workDir = Path.of(prepared.workDir());
        ParamsFile params = request.params() == null ? null
                : ParamsFile.read(workDir.resolve(request.params())).withOverrides(request.overrides());
        TrainingSetup setup = new TrainingSetup(workDir, params, prepared.data(), prepared.inputs(),
                request.models().stream().map(ArtifactGlob::of).toList(), prepared.git(), prepared.tools(), prepared.host());
        List<String> applied = request.overrides().stream().map(Trainer::describe).toList();
        RunRecord run = recordOutcome(request, setup, params, outcome, workDir, applied);
        return assemble(request, setup, run, prepared.startedAt(), Status.PASSED, null);
    }

    /**
     * Puts the params file back after {@link #prepare} when the command could not run to its end (the
     * build was aborted); {@link #record} does it itself.
     *
     * @param request  the request given to {@link #prepare}
     * @param prepared what {@link #prepare} returned
     */
    public void abandon(final TrainingRequest request, final PreparedTraining prepared) {
        byte[] before = prepared.paramsBefore();
        if (before != null && request.params() != null) {
            ParamsFile.putBack(Path.of(prepared.workDir()).resolve(request.params()), before);
        }
    }

    /**
     * Trains once per combination of a grid and keeps the best trial (see {@link SweepPlan}).
     *
     * @param request what to run and capture; its overrides apply to every trial
     * @param plan    the grid, the metric and direction that pick the best, how many at a time
     * @return the best trial's result, with every trial in {@code sweep}
     */
    public TrainResult sweep(final TrainingRequest request, final SweepPlan plan) {
        return new SweepRunner(this, request, plan).run();
    }

    /**
     * Trains twice from the same inputs and reports whether metrics agree and model files are
     * byte-identical. Metrics that differ make the step fail; model bytes that differ while the
     * metrics agree make it warn (some formats embed timestamps or thread counts).
     *
     * @param request        what to run and capture
     * @param tolerance      the largest absolute difference that still agrees
     * @param ignoredMetrics metrics not compared (timings such as {@code latency_p95_ms})
     * @return the second run's result with the verdict in {@code reproducibility}
     */
    public TrainResult checkReproducibility(final TrainingRequest request, final double tolerance,
            final Collection<String> ignoredMetrics) {
        return new ReproducibilityCheck(this, request, tolerance, ignoredMetrics).run();
    }

    Clock clock() {
        return clock;
    }

    Consumer<String> output() {
        return output;
    }

    /** Runs the command once in {@code dir} (the working directory or a trial's copy of it) and reads what it wrote. */
    RunRecord runIn(final TrainingRequest request, final TrainingSetup setup, final ParamsFile params,
            final List<ParamOverride> overrides, final Path dir, final Map<String, String> extraEnvironment,
            final Consumer<String> lines) {
        List<String> applied = overrides.stream().map(Trainer::describe).toList();
        TrainingProcess process = new TrainingProcess(clock, request.tailLines());
        Duration timeout = request.timeout() == null ? NO_LIMIT : request.timeout();
        ProcessOutcome outcome;
        try (ParamsFile.Restoration restoration = params == null
                ? () -> { } : params.writeOver(within(setup, dir, request.params()))) {
            outcome = process.run(request.command(), dir, TrainingSetup.commandEnvironment(request, extraEnvironment),
                    timeout, lines);
        }
        return recordOutcome(request, setup, params, outcome, dir, applied);
    }

    /** Reads what a command that has ended left in {@code dir}: its metrics and model files, or why it failed. */
    private RunRecord recordOutcome(final TrainingRequest request, final TrainingSetup setup, final ParamsFile params,
            final ProcessOutcome outcome, final Path dir, final List<String> applied) {
        if (outcome.timedOut()) {
            String limit = request.timeout() == null ? "" : " after " + describe(request.timeout());
            return new RunRecord(dir, params, outcome, Metrics.none(), List.of(), "timed out" + limit
                    + "; killed the command and every process it started", applied);
        }
        if (outcome.exitCode() != 0 && TerminationCleanup.stopping()) {
            return new RunRecord(dir, params, outcome, Metrics.none(), List.of(), "stopped: ml-delivery was told to stop"
                    + " (SIGTERM); killed the command and every process it started", applied);
        }
        if (outcome.exitCode() != 0) {
            String hint = outcome.exitCode() == 127 && request.command().shell() ? " (the shell could not find a program)" : "";
            return new RunRecord(dir, params, outcome, Metrics.none(), List.of(),
                    "the command exited with code " + outcome.exitCode() + hint, applied);
        }
        Metrics metrics = Metrics.none();
        String read = "";
        try {
            for (Path file : request.metrics()) {
                metrics = metrics.and(MetricsFile.read(within(setup, dir, file)), read, file.toString());
                read = read.isEmpty() ? file.toString() : read + ", " + file;
            }
        }
        catch (BadInputException e) {
            return new RunRecord(dir, params, outcome, Metrics.none(), List.of(), e.getMessage(), applied);
        }
        Set<Path> excluded = new HashSet<>();
        if (request.artifacts() != null) {
            excluded.add(request.artifacts().toAbsolutePath());
        }
        Map<String, Artifact> models = new LinkedHashMap<>();
        for (ArtifactGlob glob : setup.globs()) {
            List<Artifact> found = glob.find(dir, excluded);
            if (found.isEmpty()) {
                return new RunRecord(dir, params, outcome, metrics, List.of(),
                        "--model '" + glob.pattern() + "' matched no file in " + dir, applied);
            }
            found.forEach(file -> models.putIfAbsent(file.path(), file));
        }
        return new RunRecord(dir, params, outcome, metrics, List.copyOf(models.values()), null, applied);
    }

    /** The place of a request's path in {@code dir}: paths inside the working directory move with it into a trial's copy. */
    static Path within(final TrainingSetup setup, final Path dir, final Path path) {
        Path absolute = setup.workDir().resolve(path).normalize();
        if (dir.equals(setup.workDir()) || !absolute.startsWith(setup.workDir())) {
            return absolute;
        }
        return dir.resolve(setup.workDir().relativize(absolute));
    }

    /**
     * Turns a run into the step's result; publishes the model (and data profiles) unless the step failed.
     *
     * @param verdict the status an extra check gives a passing run ({@code PASSED} when there is none)
     * @param reason  the check's reason, or {@code null}
     */
    TrainResult assemble(final TrainingRequest request, final TrainingSetup setup, final RunRecord run,
            final Instant started, final Status verdict, final String reason) {
        Status status = run.passed() ? verdict : Status.FAILED;
        String failure = run.passed() ? reason : run.failure();
        List<Artifact> artifacts = run.models();
        String artifactsDirectory = null;
        if (status != Status.FAILED && request.artifacts() != null) {
            try {
                artifacts = publish(request, setup, run);
                artifactsDirectory = request.artifacts().toString();
            }
            catch (IllegalStateException | UncheckedIOException | BadInputException e) {
                status = Status.FAILED;
                failure = "cannot copy the model into " + request.artifacts() + ": " + e.getMessage();
            }
        }
        Map<String, Object> params = run.params() == null ? Map.of() : run.params().flat();
        ProcessOutcome outcome = run.outcome();
        Lineage lineage = new Lineage(setup.data(), request.params() == null ? null : request.params().toString(),
                run.params() == null ? null : ParamsFile.sha256(params),
                run.overrides(),
                setup.git().commit(), setup.git().dirty(), request.command().display(), setup.workDir().toString(),
                setup.tools(), setup.host(), outcome.startedAt(), outcome.finishedAt(), outcome.durationMillis());
        return new TrainResult(status, failure, run.metrics().values(), params, lineage, artifacts, artifactsDirectory,
                run.metrics().series(), outcome.exitCode(), outcome.tail(), Timing.since(started, clock), setup.inputs(),
                null, null, null);
    }

    private List<Artifact> publish(final TrainingRequest request, final TrainingSetup setup, final RunRecord run) {
        try (ArtifactStage stage = ArtifactStage.open(request.artifacts())) {
            stage.cleaned().forEach(output);
            for (Artifact model : run.models()) {
                stage.copy(run.workDir().resolve(model.path()), model);
            }
            if (profiler != null) {
                Set<String> names = new LinkedHashSet<>();
                for (InputIdentity data : setup.data()) {
                    Path file = setup.workDir().resolve(data.path());
                    if (!profiler.handles(file)) {
                        continue;
                    }
                    String name = String.valueOf(file.getFileName());
                    String unique = names.add(name) ? name : names.size() + "-" + name;
                    names.add(unique);
                    try {
                        stage.write("profiles/" + unique + ".profile.json", out -> profiler.profile(file, out));
                    }
                    catch (BadInputException e) {
                        throw new IllegalStateException("cannot profile " + data.path() + ": " + e.getMessage(), e);
                    }
                }
            }
            List<Artifact> staged = stage.staged();
            stage.commit();
            return staged;
        }
    }

    static String describe(final ParamOverride override) {
        String prefix = switch (override.mode()) {
            case CHANGE -> "";
            case ADD -> "+";
            case SET -> "++";
        };
        return prefix + override.key() + "=" + (override.value().isTextual() ? override.value().asText() : override.value());
    }

    static String describe(final Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    /** Keeps only the requested lines of a list, newest last; used for trial summaries. */
    static List<String> lastLines(final List<String> lines, final int count) {
        return new ArrayList<>(lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }
}

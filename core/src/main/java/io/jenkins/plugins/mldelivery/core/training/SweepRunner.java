package io.jenkins.plugins.mldelivery.core.training;

import io.jenkins.plugins.mldelivery.core.io.AtomicFiles;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import io.jenkins.plugins.mldelivery.core.result.Status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a sweep: each trial in its own copy of the working directory, {@code parallel} at a time;
 * the best trial's metrics files and model files are then copied back into the working directory
 * (so later steps find them where a single run would have left them) and published.
 */
final class SweepRunner {
    private final Trainer trainer;
    private final TrainingRequest request;
    private final SweepPlan plan;

    SweepRunner(final Trainer trainer, final TrainingRequest request, final SweepPlan plan) {
        this.trainer = trainer;
        this.request = request;
        this.plan = plan;
    }

    TrainResult run() {
        Instant started = trainer.clock().instant();
        TrainingSetup setup = TrainingSetup.of(request, trainer.output());
        if (setup.params() == null) {
            throw new BadInputException("a sweep needs the params file its grid overrides (--params FILE)");
        }
        requireInside(setup, request.params(), "the params file");
        request.metrics().forEach(file -> requireInside(setup, file, "the metrics file"));
        List<List<ParamOverride>> combinations = plan.combinations();
        List<ParamsFile> trialParams = combinations.stream().map(setup.params()::withOverrides).toList(); // typos fail here, before any run

        Path root = temporaryRoot();
        try {
            return judge(setup, combinations, runAll(root, setup, combinations, trialParams), started);
        }
        finally {
            ArtifactStage.deleteTree(root); // after the winner's model was published from its copy
        }
    }

    private TrainResult judge(final TrainingSetup setup, final List<List<ParamOverride>> combinations,
            final List<RunRecord> runs, final Instant started) {
        List<Trial> trials = new ArrayList<>();
        Integer best = null;
        double bestValue = Double.NaN;
        for (int i = 0; i < runs.size(); i++) {
            RunRecord run = runs.get(i);
            Double value = run.metrics().values().get(plan.metric());
            if (run.passed() && value == null) {
                run = run.failing("no metric '" + plan.metric() + "' in " + request.metrics());
                runs.set(i, run);
            }
            if (run.passed() && (best == null || plan.direction().better(value, bestValue))) {
                best = i + 1;
                bestValue = value;
            }
            trials.add(trial(i + 1, combinations.get(i), run));
        }
        SweepSummary summary = new SweepSummary(plan.metric(), plan.direction(), plan.parallel(), best, trials);
        long failed = trials.stream().filter(trial -> trial.status() == Status.FAILED).count();
        if (best == null) {
            RunRecord first = runs.get(0);
            return trainer.assemble(request, setup, first.failing("none of the " + trials.size() + " trials passed; trial 1: "
                    + first.failure()), started, Status.FAILED, null).withSweep(summary);
        }
        RunRecord winner = runs.get(best - 1);
        copyBack(setup, winner);
        Status verdict = failed == 0 ? Status.PASSED : Status.WARNING;
        String reason = failed == 0 ? null : failed + " of " + trials.size() + " trials failed";
        return trainer.assemble(request, setup, winner, started, verdict, reason).withSweep(summary);
    }

    private List<RunRecord> runAll(final Path root, final TrainingSetup setup, final List<List<ParamOverride>> combinations,
            final List<ParamsFile> trialParams) {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(plan.parallel(), task -> {
            Thread thread = new Thread(task, "sweep-trial-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            Set<Path> excluded = new HashSet<>(Set.of(root));
            if (request.artifacts() != null) {
                excluded.add(request.artifacts().toAbsolutePath());
            }
            List<Future<RunRecord>> futures = new ArrayList<>();
            for (int i = 0; i < combinations.size(); i++) {
                int index = i + 1;
                List<ParamOverride> overrides = new ArrayList<>(request.overrides());
                overrides.addAll(combinations.get(i));
                ParamsFile params = trialParams.get(i);
                futures.add(pool.submit(() -> {
                    Path copy = root.resolve("trial-" + index);
                    WorkspaceCopy.copy(setup.workDir(), copy, excluded);
                    return trainer.runIn(request, setup, params, overrides, copy,
                            Map.of("ML_DELIVERY_TRIAL", String.valueOf(index)),
                            line -> trainer.output().accept("[trial " + index + "] " + line));
                }));
            }
            List<RunRecord> runs = new ArrayList<>();
            for (Future<RunRecord> future : futures) {
                runs.add(await(future));
            }
            return runs;
        }
        finally {
            pool.shutdownNow(); // interrupts trials still running, which kills their commands
        }
    }

    private static RunRecord await(final Future<RunRecord> future) {
        try {
            return future.get();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while the sweep was running; its trials were killed");
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause; // e.g. a command that is not found: every trial would fail alike
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Path temporaryRoot() {
        try {
            return Files.createTempDirectory("ml-delivery-sweep-");
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the sweep's trials: " + e.getMessage(), e);
        }
    }

    private static void requireInside(final TrainingSetup setup, final Path path, final String what) {
        if (!setup.workDir().resolve(path).normalize().startsWith(setup.workDir())) {
            throw new BadInputException("a sweep runs each trial in its own copy of the working directory, so "
                    + what + " must be inside it: " + path + " is not inside " + setup.workDir());
        }
    }

    private Trial trial(final int index, final List<ParamOverride> combination, final RunRecord run) {
        Map<String, Object> values = new LinkedHashMap<>();
        combination.forEach(override -> values.put(override.key(), ResultJson.mapper().convertValue(override.value(), Object.class)));
        ProcessOutcome outcome = run.outcome();
        return new Trial(index, values, ParamsFile.sha256(run.params().flat()), run.passed() ? Status.PASSED : Status.FAILED,
                run.failure(), run.metrics().values(), run.models(), outcome.exitCode(), outcome.durationMillis(),
                run.passed() ? List.of() : Trainer.lastLines(outcome.tail(), 5));
    }

    /** Leaves the working directory as if the best trial had run there: its metrics files and model files. */
    private void copyBack(final TrainingSetup setup, final RunRecord winner) {
        List<Path> files = new ArrayList<>();
        request.metrics().forEach(file -> files.add(setup.workDir().relativize(setup.workDir().resolve(file).normalize())));
        winner.models().forEach(model -> files.add(Path.of(model.path())));
        for (Path relative : files) {
            Path from = winner.workDir().resolve(relative);
            AtomicFiles.write(setup.workDir().resolve(relative), out -> Files.copy(from, out));
        }
    }
}

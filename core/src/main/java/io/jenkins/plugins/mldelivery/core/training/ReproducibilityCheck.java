package io.jenkins.plugins.mldelivery.core.training;

import io.jenkins.plugins.mldelivery.core.result.Status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Trains twice in the same working directory from the same inputs and compares the two runs: every
 * metric (but the ignored ones) within an absolute tolerance, every model file byte for byte (by
 * SHA-256). The second run's model is the one published.
 */
final class ReproducibilityCheck {
    private final Trainer trainer;
    private final TrainingRequest request;
    private final double tolerance;
    private final List<String> ignored;

    ReproducibilityCheck(final Trainer trainer, final TrainingRequest request, final double tolerance,
            final Collection<String> ignored) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("the tolerance must be a non-negative number, got " + tolerance);
        }
        this.trainer = trainer;
        this.request = request;
        this.tolerance = tolerance;
        this.ignored = List.copyOf(new LinkedHashSet<>(ignored));
    }

    TrainResult run() {
        Instant started = trainer.clock().instant();
        TrainingSetup setup = TrainingSetup.of(request, trainer.output());
        RunRecord first = runNumber(setup, 1);
        if (!first.passed()) {
            return trainer.assemble(request, setup, first.failing("first run: " + first.failure()), started, Status.FAILED, null);
        }
        RunRecord second = runNumber(setup, 2);
        if (!second.passed()) {
            return trainer.assemble(request, setup, second.failing("second run: " + second.failure()), started, Status.FAILED, null);
        }
        Reproducibility check = compare(first, second);
        Status verdict = Status.PASSED;
        String reason = null;
        if (!check.metricsAgree()) {
            verdict = Status.FAILED;
            reason = "not reproducible: metrics differ between two runs (" + String.join(", ", check.differences().keySet()) + ")";
        }
        else if (!check.modelIdentical()) {
            verdict = Status.WARNING;
            reason = "model files differ between two runs although the metrics agree (" + String.join(", ", check.differingFiles()) + ")";
        }
        return trainer.assemble(request, setup, second, started, verdict, reason).withReproducibility(check);
    }

    private RunRecord runNumber(final TrainingSetup setup, final int number) {
        return trainer.runIn(request, setup, setup.params(), request.overrides(), setup.workDir(),
                Map.of("ML_DELIVERY_RUN", String.valueOf(number)),
                line -> trainer.output().accept("[run " + number + "] " + line));
    }

    private Reproducibility compare(final RunRecord first, final RunRecord second) {
        Map<String, Double> a = first.metrics().values();
        Map<String, Double> b = second.metrics().values();
        Set<String> names = new LinkedHashSet<>(a.keySet());
        names.addAll(b.keySet());
        names.removeAll(ignored);
        Map<String, List<Double>> differences = new LinkedHashMap<>();
        for (String name : names) {
            Double x = a.get(name);
            Double y = b.get(name);
            if (x == null || y == null || Math.abs(x - y) > tolerance) {
                differences.put(name, Arrays.asList(x, y));
            }
        }
        Map<String, String> firstFiles = new LinkedHashMap<>();
        first.models().forEach(model -> firstFiles.put(model.path(), model.sha256()));
        Map<String, String> secondFiles = new LinkedHashMap<>();
        second.models().forEach(model -> secondFiles.put(model.path(), model.sha256()));
        Set<String> paths = new TreeSet<>(firstFiles.keySet());
        paths.addAll(secondFiles.keySet());
        List<String> differing = new ArrayList<>();
        for (String path : paths) {
            if (!java.util.Objects.equals(firstFiles.get(path), secondFiles.get(path))) {
                differing.add(path);
            }
        }
        return new Reproducibility(tolerance, ignored, differences.isEmpty(), differing.isEmpty(), differences, differing, a);
    }
}

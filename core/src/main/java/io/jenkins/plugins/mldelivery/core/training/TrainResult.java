package io.jenkins.plugins.mldelivery.core.training;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.jenkins.plugins.mldelivery.core.result.InputIdentity;
import io.jenkins.plugins.mldelivery.core.result.Status;
import io.jenkins.plugins.mldelivery.core.result.StepResult;
import io.jenkins.plugins.mldelivery.core.result.Timing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The result of the {@code train} step: the metrics and parameters of the model, its lineage, its
 * files, and, when asked for, the sweep that chose it, the reproducibility check and the MLflow run.
 *
 * @param status             {@code PASSED}; {@code WARNING} (a sweep with failed trials, model bytes
 *                           that differ between two runs); {@code FAILED} with a reason
 * @param failure            why the step failed or warns, in one line, or {@code null}
 * @param metrics            flat metric names to numbers
 * @param params             flat dotted parameter names to values (strings, numbers, booleans, lists)
 * @param lineage            what the model was made from
 * @param artifacts          the model files (and data profiles) with size and SHA-256, relative paths
 * @param artifactsDirectory where they were copied, or {@code null} when not copied
 * @param series             per-epoch series behind some metrics (the metric is the last value)
 * @param exitCode           the command's exit code ({@code -1} when killed at the timeout)
 * @param outputTail         the command's last output lines
 * @param timing             when the step ran
 * @param inputs             the data and params files' identities
 * @param sweep              the sweep, or {@code null}
 * @param reproducibility    the reproducibility check, or {@code null}
 * @param mlflow             the MLflow run this was logged to, or {@code null}
 */
@JsonPropertyOrder({"step", "status", "failure"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainResult(Status status, String failure, Map<String, Double> metrics, Map<String, Object> params,
        Lineage lineage, List<Artifact> artifacts, String artifactsDirectory, Map<String, List<Double>> series,
        Integer exitCode, List<String> outputTail, Timing timing, List<InputIdentity> inputs, SweepSummary sweep,
        Reproducibility reproducibility, MlflowRun mlflow) implements StepResult {
    private static final int SHOWN_METRICS = 6;
    private static final int SHOWN_TAIL = 10;

    /** Validates and copies the fields, keeping the maps' order. */
    public TrainResult {
        Objects.requireNonNull(status, "status");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        Objects.requireNonNull(lineage, "lineage");
        artifacts = List.copyOf(artifacts);
        series = Collections.unmodifiableMap(new LinkedHashMap<>(series));
        outputTail = List.copyOf(outputTail);
        Objects.requireNonNull(timing, "timing");
        inputs = List.copyOf(inputs);
    }

    @Override
    @JsonProperty("step")
    public String step() {
        return "train";
    }

    /**
     * Returns this result with the sweep that produced it.
     *
     * @param summary the sweep
     * @return the result
     */
    public TrainResult withSweep(final SweepSummary summary) {
        return new TrainResult(status, failure, metrics, params, lineage, artifacts, artifactsDirectory, series, exitCode,
                outputTail, timing, inputs, summary, reproducibility, mlflow);
    }

    /**
     * Returns this result with a reproducibility verdict.
     *
     * @param check the verdict
     * @return the result
     */
    public TrainResult withReproducibility(final Reproducibility check) {
        return new TrainResult(status, failure, metrics, params, lineage, artifacts,
                artifactsDirectory, series, exitCode, outputTail, timing, inputs, sweep, check, mlflow);
    }

    /**
     * Returns this result with the MLflow run it was logged to; a run that could not be logged
     * makes the step warn (the model is trained and archived, but the tracking server lacks it).
     *
     * @param run the run
     * @return the result
     */
    public TrainResult withMlflow(final MlflowRun run) {
        Status overall = run.logged() ? status : status.and(Status.WARNING);
        String reason = run.logged() || failure != null ? failure : "MLflow tracking failed: " + run.error();
        return new TrainResult(overall, reason, metrics, params, lineage, artifacts, artifactsDirectory, series, exitCode,
                outputTail, timing, inputs, sweep, reproducibility, run);
    }

    @Override
    public String summary() {
        StringBuilder text = new StringBuilder("train ").append(status);
        text.append(String.format(Locale.ROOT, " in %.1f s: %s", timing.durationMillis() / 1000.0, lineage.command()));
        if (exitCode != null) {
            text.append(exitCode == -1 ? " (killed at the timeout)" : " (command exit code " + exitCode + ")");
        }
        if (failure != null) {
            text.append("\n  reason: ").append(failure);
        }
        if (!metrics.isEmpty()) {
            text.append("\n  metrics: ").append(metrics.entrySet().stream().limit(SHOWN_METRICS)
                    .map(m -> m.getKey() + " " + format(m.getValue())).collect(Collectors.joining(", ")));
            if (metrics.size() > SHOWN_METRICS) {
                text.append(" (+").append(metrics.size() - SHOWN_METRICS).append(" more)");
            }
        }
        text.append("\n  lineage: ").append(params.size()).append(" params");
        if (lineage.paramsSha256() != null) {
            text.append(" (sha256 ").append(shortHash(lineage.paramsSha256())).append(')');
        }
        for (InputIdentity data : lineage.data()) {
            text.append(", ").append(data.path()).append(" (sha256 ").append(shortHash(data.sha256())).append(')');
        }
        if (lineage.gitCommit() != null) {
            text.append(", git ").append(lineage.gitCommit(), 0, Math.min(12, lineage.gitCommit().length()))
                    .append(Boolean.TRUE.equals(lineage.gitDirty()) ? " (dirty)" : "");
        }
        for (Artifact artifact : artifacts) {
            text.append(artifact.path().startsWith("profiles/") ? "\n  data profile: " : "\n  model: ").append(artifact.path())
                    .append(" (").append(artifact.bytes()).append(" bytes, sha256 ")
                    .append(shortHash(artifact.sha256())).append(')');
        }
        if (artifactsDirectory != null) {
            text.append("\n  copied to ").append(artifactsDirectory);
        }
        appendSweep(text);
        appendReproducibility(text);
        if (mlflow != null) {
            text.append("\n  mlflow: ").append(mlflow.logged() ? "run " + mlflow.runId() + " at " + mlflow.runUrl()
                    : "NOT LOGGED to " + mlflow.trackingUri() + ": " + mlflow.error());
        }
        if (status == Status.FAILED && !outputTail.isEmpty()) {
            text.append("\n  last lines of output:");
            outputTail.subList(Math.max(0, outputTail.size() - SHOWN_TAIL), outputTail.size())
                    .forEach(line -> text.append("\n    | ").append(line));
        }
        return text.toString();
    }

    private void appendSweep(final StringBuilder text) {
        if (sweep == null) {
            return;
        }
        text.append("\n  sweep: ").append(sweep.trials().size()).append(" trials by ").append(sweep.metric())
                .append(" (").append(sweep.direction().name().toLowerCase(Locale.ROOT)).append(")");
        for (Trial trial : sweep.trials()) {
            text.append("\n    ").append(Objects.equals(trial.index(), sweep.bestTrial()) ? "* " : "  ")
                    .append("trial ").append(trial.index()).append(' ').append(trial.overrides()).append(": ");
            Double value = trial.metrics().get(sweep.metric());
            text.append(trial.status() == Status.FAILED ? "FAILED " + trial.failure()
                    : sweep.metric() + " " + (value == null ? "missing" : format(value)));
        }
    }

    private void appendReproducibility(final StringBuilder text) {
        if (reproducibility == null) {
            return;
        }
        text.append("\n  reproducible: metrics ").append(reproducibility.metricsAgree() ? "agree" : "DIFFER")
                .append(" (tolerance ").append(format(reproducibility.tolerance())).append("), model files ")
                .append(reproducibility.modelIdentical() ? "byte-identical" : "DIFFER");
        reproducibility.differences().forEach((name, values) -> text.append("\n    ").append(name).append(": ")
                .append(values.get(0)).append(" then ").append(values.get(1)));
        reproducibility.differingFiles().forEach(file -> text.append("\n    ").append(file).append(" differs"));
    }

    private static String format(final double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }

    private static String shortHash(final String sha256) {
        return sha256.substring(0, Math.min(12, sha256.length()));
    }
}

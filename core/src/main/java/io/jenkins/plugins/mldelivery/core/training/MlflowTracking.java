package io.jenkins.plugins.mldelivery.core.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.mldelivery.core.io.ExternalSystemException;
import io.jenkins.plugins.mldelivery.core.mlflow.MlflowApiException;
import io.jenkins.plugins.mldelivery.core.mlflow.MlflowClient;
import io.jenkins.plugins.mldelivery.core.result.InputIdentity;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import io.jenkins.plugins.mldelivery.core.result.Status;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Logs a training result to an MLflow tracking server through its REST API: the parameters, the
 * metrics (a series as the metric's history, one step per epoch), and tags for the commit
 * ({@code mlflow.source.git.commit}, which MLflow's UI shows), the data and params hashes, the
 * build link and where the model was archived. A sweep's trials become child runs of it.
 * MLflow keys allow letters, digits and {@code _ - . : / space} only, so a metric such as
 * {@code accuracy[gender=F]} is logged as {@code accuracy_gender_F}, and the tag
 * {@code mld.renamed_metrics} maps the logged names back.
 */
public final class MlflowTracking {
    private static final Pattern INVALID_KEY_CHARACTERS = Pattern.compile("[^\\w.\\- :/]+");
    private static final int MAX_KEY_LENGTH = 250;
    private static final int MAX_PARAM_LENGTH = 6000;
    private static final int MAX_TAG_LENGTH = 8000;
    private static final int PARAMS_OR_TAGS_PER_BATCH = 100;
    private static final int METRICS_PER_BATCH = 1000;

    private final MlflowClient client;
    private final String experiment;

    /**
     * Creates a tracker.
     *
     * @param client     the transport to the tracking server
     * @param experiment the experiment's name; created if the server does not have it
     */
    public MlflowTracking(final MlflowClient client, final String experiment) {
        this.client = client;
        this.experiment = experiment;
    }

    /**
     * Logs a result as a new run and returns the result with the run attached. If the server fails,
     * the run is marked failed when it exists, and the result warns with the server's one-line answer:
     * the model is trained and archived either way.
     *
     * @param result  the training's result
     * @param context the build and names to record with it
     * @return the result, with {@code mlflow} set
     */
    public TrainResult log(final TrainResult result, final TrackingContext context) {
        String trackingUri = client.baseUri().toString();
        String experimentId = null;
        String runId = null;
        try {
            experimentId = experimentId();
            JsonNode info = createRun(experimentId, result, context.runName(), tags(result, context));
            runId = info.path("run_id").asText();
            logBatches(runId, params(result.params()), result.metrics(), result.series(), result.timing().finishedAt().toEpochMilli());
            finish(runId, result.status(), result);
            if (result.sweep() != null) {
                logTrials(experimentId, runId, result);
            }
            String runUrl = trackingUri + "/#/experiments/" + experimentId + "/runs/" + runId;
            return result.withMlflow(new MlflowRun(trackingUri, experimentId, runId, runUrl, info.path("artifact_uri").asText(null), null));
        }
        catch (ExternalSystemException e) {
            if (runId != null) {
                markFailed(runId, result);
            }
            return result.withMlflow(new MlflowRun(trackingUri, experimentId, runId, null, null, e.getMessage()));
        }
    }

    private String experimentId() {
        try {
            return client.get("experiments/get-by-name", Map.of("experiment_name", experiment)).at("/experiment/experiment_id").asText();
        }
        catch (MlflowApiException e) {
            if (!e.isNotFound()) {
                throw e;
            }
        }
        try {
            return client.post("experiments/create", Map.of("name", experiment)).path("experiment_id").asText();
        }
        catch (MlflowApiException e) {
            if (!e.isAlreadyExists()) {
                throw e;
            }
            // another build created it in the meantime
            return client.get("experiments/get-by-name", Map.of("experiment_name", experiment)).at("/experiment/experiment_id").asText();
        }
    }

    private JsonNode createRun(final String experimentId, final TrainResult result, final String runName,
            final Map<String, String> tags) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("experiment_id", experimentId);
        body.put("start_time", result.timing().startedAt().toEpochMilli());
        if (runName != null) {
            body.put("run_name", runName);
        }
        List<Map<String, String>> first = keyValues(tags);
        body.put("tags", first.subList(0, Math.min(PARAMS_OR_TAGS_PER_BATCH, first.size())));
        JsonNode info = client.post("runs/create", body).at("/run/info");
        if (first.size() > PARAMS_OR_TAGS_PER_BATCH) {
            for (List<Map<String, String>> chunk : chunks(first.subList(PARAMS_OR_TAGS_PER_BATCH, first.size()), PARAMS_OR_TAGS_PER_BATCH)) {
                client.post("runs/log-batch", Map.of("run_id", info.path("run_id").asText(), "tags", chunk));
            }
        }
        return info;
    }

    private Map<String, String> tags(final TrainResult result, final TrackingContext context) {
        Lineage lineage = result.lineage();
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("mlflow.source.type", "JOB");
        tags.put("mlflow.source.name", lineage.command());
        put(tags, "mlflow.source.git.commit", lineage.gitCommit());
        put(tags, "mld.git_dirty", lineage.gitDirty() == null ? null : lineage.gitDirty().toString());
        tags.put("mld.step", "train");
        tags.put("mld.status", result.status().name());
        put(tags, "mld.failure", result.failure());
        if (!lineage.data().isEmpty()) {
            tags.put("mld.data_sha256", lineage.data().stream().map(InputIdentity::sha256).collect(Collectors.joining(",")));
            tags.put("mld.data", json(lineage.data()));
        }
        put(tags, "mld.params_sha256", lineage.paramsSha256());
        put(tags, "mld.build_url", context.buildUrl());
        String location = context.artifactLocation() != null ? context.artifactLocation()
                : result.artifactsDirectory() == null ? null : Path.of(result.artifactsDirectory()).toAbsolutePath().toUri().toString();
        put(tags, "mld.artifact_location", location);
        if (!result.artifacts().isEmpty()) {
            tags.put("mld.artifacts", json(result.artifacts()));
        }
        put(tags, "mld.host", lineage.host());
        Map<String, String> renamed = new LinkedHashMap<>();
        result.metrics().keySet().forEach(name -> {
            if (!mlflowKey(name).equals(name)) {
                renamed.put(mlflowKey(name), name);
            }
        });
        if (!renamed.isEmpty()) {
            tags.put("mld.renamed_metrics", json(renamed));
        }
        if (result.reproducibility() != null) {
            tags.put("mld.reproducible.metrics_agree", String.valueOf(result.reproducibility().metricsAgree()));
            tags.put("mld.reproducible.model_identical", String.valueOf(result.reproducibility().modelIdentical()));
        }
        context.tags().forEach(tags::put);
        return tags;
    }

    private void logBatches(final String runId, final Map<String, String> params, final Map<String, Double> metrics,
            final Map<String, List<Double>> series, final long timestamp) {
        for (List<Map<String, String>> chunk : chunks(keyValues(params), PARAMS_OR_TAGS_PER_BATCH)) {
            client.post("runs/log-batch", Map.of("run_id", runId, "params", chunk));
        }
        List<Map<String, Object>> points = new ArrayList<>();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        metrics.forEach((name, value) -> {
            String key = mlflowKey(name);
            if (seen.putIfAbsent(key, true) != null) {
                return; // two names that differ only in characters MLflow refuses: the first one stands
            }
            List<Double> history = series.getOrDefault(name, List.of(value));
            for (int step = 0; step < history.size(); step++) {
                points.add(Map.of("key", key, "value", history.get(step), "timestamp", timestamp, "step", step));
            }
        });
        for (List<Map<String, Object>> chunk : chunks(points, METRICS_PER_BATCH)) {
            client.post("runs/log-batch", Map.of("run_id", runId, "metrics", chunk));
        }
    }

    private void logTrials(final String experimentId, final String parentRunId, final TrainResult result) {
        for (Trial trial : result.sweep().trials()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("experiment_id", experimentId);
            body.put("start_time", result.timing().startedAt().toEpochMilli());
            body.put("run_name", "trial " + trial.index());
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put("mlflow.parentRunId", parentRunId);
            tags.put("mld.trial", String.valueOf(trial.index()));
            tags.put("mld.status", trial.status().name());
            put(tags, "mld.failure", trial.failure());
            put(tags, "mld.params_sha256", trial.paramsSha256());
            tags.put("mld.best", String.valueOf(Integer.valueOf(trial.index()).equals(result.sweep().bestTrial())));
            body.put("tags", keyValues(tags));
            String trialRunId = client.post("runs/create", body).at("/run/info/run_id").asText();
            logBatches(trialRunId, params(trial.overrides()), trial.metrics(), Map.of(), result.timing().finishedAt().toEpochMilli());
            finish(trialRunId, trial.status(), result);
        }
    }

    private void finish(final String runId, final Status status, final TrainResult result) {
        client.post("runs/update", Map.of("run_id", runId, "status", status == Status.FAILED ? "FAILED" : "FINISHED",
                "end_time", result.timing().finishedAt().toEpochMilli()));
    }

    private void markFailed(final String runId, final TrainResult result) {
        try {
            finish(runId, Status.FAILED, result);
        }
        catch (ExternalSystemException ignored) {
            // the server is failing; the first error is the one worth reporting
        }
    }

    /** Parameters as MLflow wants them: valid keys, text values (lists and maps as JSON), at most 6000 characters. */
    private static Map<String, String> params(final Map<String, Object> params) {
        Map<String, String> text = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            String rendered = value == null ? "null" : value instanceof String s ? s
                    : value instanceof Number || value instanceof Boolean ? String.valueOf(value) : json(value);
            text.putIfAbsent(mlflowKey(name), rendered.length() <= MAX_PARAM_LENGTH ? rendered : rendered.substring(0, MAX_PARAM_LENGTH));
        });
        return text;
    }

    /**
     * Returns the name MLflow accepts for a metric or parameter: every run of characters it
     * refuses becomes one underscore, and a trailing underscore is dropped.
     *
     * @param name our name, e.g. {@code accuracy[gender=F]}
     * @return MLflow's, e.g. {@code accuracy_gender_F}
     */
    public static String mlflowKey(final String name) {
        String key = INVALID_KEY_CHARACTERS.matcher(name).replaceAll("_");
        if (key.endsWith("_") && !name.endsWith("_")) {
            key = key.substring(0, key.length() - 1);
        }
        return key.length() <= MAX_KEY_LENGTH ? key : key.substring(0, MAX_KEY_LENGTH);
    }

    private static void put(final Map<String, String> tags, final String key, final String value) {
        if (value != null) {
            tags.put(key, value.length() <= MAX_TAG_LENGTH ? value : value.substring(0, MAX_TAG_LENGTH));
        }
    }

    private static List<Map<String, String>> keyValues(final Map<String, String> map) {
        List<Map<String, String>> list = new ArrayList<>();
        map.forEach((key, value) -> list.add(Map.of("key", key, "value", value)));
        return list;
    }

    private static <T> List<List<T>> chunks(final List<T> list, final int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            chunks.add(list.subList(i, Math.min(list.size(), i + size)));
        }
        return chunks;
    }

    private static String json(final Object value) {
        try {
            String text = ResultJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
            return text.length() <= MAX_TAG_LENGTH ? text : text.substring(0, MAX_TAG_LENGTH);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value, e);
        }
    }
}

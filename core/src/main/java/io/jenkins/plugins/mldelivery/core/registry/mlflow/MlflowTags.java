package io.jenkins.plugins.mldelivery.core.registry.mlflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.mldelivery.core.io.FileDigest;
import io.jenkins.plugins.mldelivery.core.registry.ModelArtifact;
import io.jenkins.plugins.mldelivery.core.registry.ModelLineage;
import io.jenkins.plugins.mldelivery.core.registry.ModelVersion;
import io.jenkins.plugins.mldelivery.core.registry.Stage;
import io.jenkins.plugins.mldelivery.core.registry.VersionRequest;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How a model version's fields travel as MLflow model-version tags, and back: all metrics and
 * parameters as JSON in {@code mld.metrics} and {@code mld.params} (the names our contract allows,
 * such as {@code accuracy[gender=F]}, are not all valid MLflow keys), the valid ones also as
 * {@code metric.NAME} and {@code param.NAME} for MLflow's UI, and ML Delivery's own fields under
 * {@code mld.} (build, who, commit, data hash, lineage and artifacts as JSON, idempotency key).
 */
final class MlflowTags {
    static final String METRIC = "metric.";
    static final String PARAM = "param.";
    static final String OWN = "mld.";
    static final String BUILD = "mld.build";
    static final String REGISTERED_BY = "mld.registered_by";
    static final String IDEMPOTENCY_KEY = "mld.idempotency_key";
    static final String IDEMPOTENCY_SHA256 = "mld.idempotency_sha256";
    static final String COMMIT = "mld.commit";
    static final String DATA_SHA256 = "mld.data_sha256";
    static final String LINEAGE = "mld.lineage";
    static final String ARTIFACTS = "mld.artifacts";
    static final String MODEL_CARD = "mld.model_card";
    static final String METRICS = "mld.metrics";
    static final String PARAMS = "mld.params";
    /** MLflow's limit on a model-version tag's value. */
    static final int MAX_VALUE_LENGTH = 100_000;

    private static final Pattern VALID_KEY = Pattern.compile("[\\w.\\- :/]{1,250}");
    private static final ObjectWriter COMPACT = ResultJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    private MlflowTags() {
        // static mapping only
    }

    /** Returns the tags a new version is created with. */
    static Map<String, String> of(final VersionRequest request, final List<ModelArtifact> artifacts) {
        Map<String, String> tags = new LinkedHashMap<>(request.tags());
        request.metrics().forEach((name, value) -> putIfValidKey(tags, METRIC + name, String.valueOf(value)));
        request.params().forEach((name, value) -> putIfValidKey(tags, PARAM + name, value));
        if (!request.metrics().isEmpty()) {
            tags.put(METRICS, json(request.metrics()));
        }
        if (!request.params().isEmpty()) {
            tags.put(PARAMS, json(request.params()));
        }
        tags.put(REGISTERED_BY, request.registeredBy().who());
        putIfPresent(tags, BUILD, request.registeredBy().build());
        String retryKey = request.retryKey();
        if (retryKey != null) {
            tags.put(IDEMPOTENCY_KEY, retryKey);
            tags.put(IDEMPOTENCY_SHA256, sha256(retryKey));
        }
        ModelLineage lineage = request.lineage();
        putIfPresent(tags, COMMIT, lineage.gitCommit());
        if (!lineage.data().isEmpty()) {
            tags.put(DATA_SHA256, lineage.data().stream().map(ModelLineage.DataFile::sha256).collect(Collectors.joining(",")));
        }
        if (!lineage.equals(ModelLineage.none())) {
            tags.put(LINEAGE, json(lineage));
        }
        if (!artifacts.isEmpty()) {
            tags.put(ARTIFACTS, json(artifacts));
        }
        return tags;
    }

    /** Reads a version from MLflow's {@code model_version} object and, when its tags hold none, its run's metrics. */
    static ModelVersion toVersion(final JsonNode node, final JsonNode run) {
        Map<String, String> all = new TreeMap<>();
        for (JsonNode tag : node.path("tags")) {
            all.put(tag.path("key").asText(), tag.path("value").asText());
        }
        Map<String, Double> metrics = new TreeMap<>();
        Map<String, String> params = new TreeMap<>();
        Map<String, String> tags = new TreeMap<>();
        all.forEach((key, value) -> {
            if (key.startsWith(METRIC)) {
                parseDouble(value).ifPresent(number -> metrics.put(key.substring(METRIC.length()), number));
            }
            else if (key.startsWith(PARAM)) {
                params.put(key.substring(PARAM.length()), value);
            }
            else if (!key.startsWith(OWN)) {
                tags.put(key, value);
            }
        });
        Map<String, Double> allMetrics = read(all.get(METRICS), new TypeReference<Map<String, Double>>() { });
        if (allMetrics != null) {
            metrics.putAll(allMetrics);
        }
        Map<String, String> allParams = read(all.get(PARAMS), new TypeReference<Map<String, String>>() { });
        if (allParams != null) {
            params.putAll(allParams);
        }
        if (run != null && metrics.isEmpty()) {
            for (JsonNode metric : run.at("/data/metrics")) {
                metrics.put(metric.path("key").asText(), metric.path("value").asDouble());
            }
        }
        if (run != null && params.isEmpty()) {
            for (JsonNode param : run.at("/data/params")) {
                params.put(param.path("key").asText(), param.path("value").asText());
            }
        }
        String runLink = blankToNull(node.path("run_link").asText(""));
        String build = all.getOrDefault(BUILD, runLink);
        String who = all.getOrDefault(REGISTERED_BY, blankToNull(node.path("user_id").asText("")));
        return new ModelVersion(node.path("name").asText(), Integer.parseInt(node.path("version").asText()),
                node.path("source").asText(""), blankToNull(node.path("run_id").asText("")), build,
                all.get(IDEMPOTENCY_KEY), metrics, params, read(all.get(LINEAGE), new TypeReference<ModelLineage>() { }),
                read(all.get(ARTIFACTS), new TypeReference<List<ModelArtifact>>() { }), tags,
                Stage.of(node.path("current_stage").asText("None")), who == null ? "unknown" : who,
                Instant.ofEpochMilli(node.path("creation_timestamp").asLong()));
    }

    /** Returns MLflow's list form of tags: {@code [{"key": …, "value": …}]}. */
    static List<Map<String, String>> list(final Map<String, String> tags) {
        List<Map<String, String>> list = new ArrayList<>();
        tags.forEach((key, value) -> list.add(Map.of("key", key, "value", value)));
        return list;
    }

    /** Says whether MLflow accepts a name as a tag, metric or parameter key. */
    static boolean isValidKey(final String key) {
        return VALID_KEY.matcher(key).matches();
    }

    static boolean hasMetrics(final JsonNode node) {
        for (JsonNode tag : node.path("tags")) {
            String key = tag.path("key").asText();
            if (key.startsWith(METRIC) || key.equals(METRICS)) {
                return true;
            }
        }
        return false;
    }

    static String sha256(final String text) {
        return FileDigest.sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    static String json(final Object value) {
        try {
            return COMPACT.writeValueAsString(value);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    static <T> T read(final String json, final TypeReference<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return ResultJson.mapper().readValue(json, type);
        }
        catch (JsonProcessingException e) {
            return null; // a tag another tool changed by hand: the version is still readable without it
        }
    }

    private static Optional<Double> parseDouble(final String value) {
        try {
            return Optional.of(Double.valueOf(value));
        }
        catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Names MLflow refuses as keys ({@code accuracy[gender=F]}) travel only in the JSON tags. */
    private static void putIfValidKey(final Map<String, String> tags, final String key, final String value) {
        if (isValidKey(key)) {
            tags.put(key, value);
        }
    }

    private static void putIfPresent(final Map<String, String> tags, final String key, final String value) {
        if (value != null) {
            tags.put(key, value);
        }
    }

    private static String blankToNull(final String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

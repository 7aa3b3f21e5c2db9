package io.jenkins.plugins.mldelivery.core.registry.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.io.FileDigest;
import io.jenkins.plugins.mldelivery.core.mlflow.MlflowApiException;
import io.jenkins.plugins.mldelivery.core.mlflow.MlflowClient;
import io.jenkins.plugins.mldelivery.core.registry.ModelArtifact;
import io.jenkins.plugins.mldelivery.core.registry.VersionRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Puts a model's files where MLflow can register them: MLflow accepts a local path as a version's
 * source only inside the artifact directory of the run named with it, so the files become the
 * artifacts of a new run (in the experiment the registry is configured with), together with the
 * metrics and parameters. Uploads go through MLflow's artifact proxy ({@code mlflow-artifacts:},
 * the default of {@code mlflow server}) or, for a {@code file:} artifact store, are copied there as
 * MLflow's own client does.
 */
final class MlflowRunUpload {
    private static final String MODEL_DIR = "model";
    private static final int MAX_PARAM_LENGTH = 6000;
    private static final int LOG_BATCH_LIMIT = 100;

    private final MlflowClient client;
    private final String experimentName;
    private final Clock clock;

    MlflowRunUpload(final MlflowClient client, final String experimentName, final Clock clock) {
        this.client = client;
        this.experimentName = experimentName;
        this.clock = clock;
    }

    /** Where the uploaded model lives: the run and the source to register. */
    record Uploaded(String runId, String source, List<ModelArtifact> artifacts) {
    }

    Uploaded upload(final VersionRequest request) {
        List<ModelArtifact> checked = check(request);
        long now = clock.millis();
        JsonNode run = client.post("runs/create", Map.of("experiment_id", experimentId(), "start_time", now,
                "run_name", request.model(), "tags", MlflowTags.list(Map.of("mlflow.user", request.registeredBy().who()))))
                .path("run");
        String runId = run.at("/info/run_id").asText();
        String artifactUri = run.at("/info/artifact_uri").asText();
        for (ModelArtifact artifact : checked) {
            store(artifactUri, MODEL_DIR + "/" + artifact.path(), request.artifactRoot().resolve(artifact.path()));
        }
        logMetricsAndParams(runId, request, now);
        client.post("runs/update", Map.of("run_id", runId, "status", "FINISHED", "end_time", clock.millis()));
        String source = artifactUri + "/" + MODEL_DIR + (checked.size() == 1 ? "/" + checked.get(0).path() : "");
        return new Uploaded(runId, source, checked);
    }

    private static List<ModelArtifact> check(final VersionRequest request) {
        List<ModelArtifact> checked = new ArrayList<>();
        for (ModelArtifact artifact : request.artifacts()) {
            Path file = request.artifactRoot().resolve(artifact.path());
            FileDigest digest = FileDigest.of(file);
            if (!digest.sha256().equals(artifact.sha256())) {
                throw new BadInputException(file + ": SHA-256 is " + digest.sha256() + " but the training recorded "
                        + artifact.sha256() + " (the file changed after training)");
            }
            checked.add(new ModelArtifact(artifact.path(), digest.bytes(), digest.sha256()));
        }
        return checked;
    }

    private String experimentId() {
        try {
            return client.get("experiments/get-by-name", Map.of("experiment_name", experimentName))
                    .at("/experiment/experiment_id").asText();
        }
        catch (MlflowApiException e) {
            if (!e.isNotFound()) {
                throw e;
            }
        }
        try {
            return client.post("experiments/create", Map.of("name", experimentName)).path("experiment_id").asText();
        }
        catch (MlflowApiException e) {
            if (!e.isAlreadyExists()) {
                throw e;
            }
            return client.get("experiments/get-by-name", Map.of("experiment_name", experimentName))
                    .at("/experiment/experiment_id").asText();
        }
    }

    private void store(final String artifactUri, final String relative, final Path file) {
        URI uri = URI.create(artifactUri);
        if ("mlflow-artifacts".equals(uri.getScheme())) {
            String path = (uri.getPath() + "/" + relative).replaceAll("/+", "/");
            String encoded = Arrays.stream(path.split("/")).map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8)
                    .replace("+", "%20")).collect(Collectors.joining("/"));
            client.put("/api/2.0/mlflow-artifacts/artifacts" + encoded, file);
        }
        else if ("file".equals(uri.getScheme())) {
            Path target = Paths.get(uri).resolve(relative);
            try {
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot copy " + file + " to MLflow's artifact store " + target + ": " + e.getMessage(), e);
            }
        }
        else {
            throw new BadInputException("MLflow stores the artifacts of experiment '" + experimentName + "' at " + artifactUri
                    + ", where ML Delivery cannot upload; run the server with --serve-artifacts, or register the model "
                    + "by its location (--source) instead of its files");
        }
    }

    private void logMetricsAndParams(final String runId, final VersionRequest request, final long timestamp) {
        List<Map<String, Object>> metrics = new ArrayList<>();
        request.metrics().entrySet().stream().filter(metric -> MlflowTags.isValidKey(metric.getKey())).forEach(metric -> metrics.add(Map.of("key", metric.getKey(), "value", metric.getValue(), "timestamp", timestamp, "step", 0)));
        List<Map<String, Object>> params = new ArrayList<>();
        request.params().forEach((key, value) -> {
            if (MlflowTags.isValidKey(key)) {
                params.add(Map.of("key", key, "value", value.length() <= MAX_PARAM_LENGTH ? value : value.substring(0, MAX_PARAM_LENGTH)));
            }
        });
        for (int i = 0; i < Math.max(metrics.size(), params.size()); i += LOG_BATCH_LIMIT) {
            client.post("runs/log-batch", Map.of("run_id", runId,
                    "metrics", metrics.subList(Math.min(i, metrics.size()), Math.min(i + LOG_BATCH_LIMIT, metrics.size())),
                    "params", params.subList(Math.min(i, params.size()), Math.min(i + LOG_BATCH_LIMIT, params.size()))));
        }
    }
}

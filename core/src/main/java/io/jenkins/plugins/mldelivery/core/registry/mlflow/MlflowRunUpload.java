package io.jenkins.plugins.mldelivery.core.registry.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.io.FileDigest;
import io.jenkins.plugins.mldelivery.core.mlflow.MlflowApiException;
import io.jenkins.plugins.mldelivery.core.mlflow.MlflowClient;
import io.jenkins.plugins.mldelivery.core.registry.ModelArtifact;
import io.jenkins.plugins.mldelivery.core.registry.VersionRequest;

import java.io.IOException;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Puts a model's files where MLflow can register them: MLflow accepts a local path as a version's
 * source only inside the artifact directory of the run named with it, so the files become the
 * artifacts of the run that trained the model (when the training logged to this server) or of a
 * new run (in the experiment the registry is configured with, with the metrics and parameters).
 * Uploads go through MLflow's artifact proxy ({@code mlflow-artifacts:}, the default of
 * {@code mlflow server}) or, for a local artifact store ({@code --default-artifact-root /dir} or
 * {@code file:}), are copied there as MLflow's own client does, and the server is asked to list
 * them so that a store this machine does not share with the server is found out at once.
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

    /**
     * Uploads the request's files into the run that trained the model when the server knows it
     * (the training logged its metrics there already), else into a new run with the metrics and
     * parameters. A failed upload leaves no run of its own behind.
     */
    Uploaded upload(final VersionRequest request) {
        List<ModelArtifact> checked = check(request);
        JsonNode trainingRun = request.runId() == null ? null : existingRun(request.runId());
        String runId;
        String artifactUri;
        String owner;
        if (trainingRun != null) {
            runId = request.runId();
            artifactUri = trainingRun.at("/info/artifact_uri").asText();
            owner = "the training's run " + runId + " (experiment " + trainingRun.at("/info/experiment_id").asText() + ")";
        }
        else {
            long now = clock.millis();
            JsonNode run = client.post("runs/create", Map.of("experiment_id", experimentId(), "start_time", now,
                    "run_name", request.model(), "tags", MlflowTags.list(Map.of("mlflow.user", request.registeredBy().who()))))
                    .path("run");
            runId = run.at("/info/run_id").asText();
            artifactUri = run.at("/info/artifact_uri").asText();
            owner = "run " + runId + " of experiment '" + experimentName + "'";
        }
        try {
            if (trainingRun == null) {
                logMetricsAndParams(runId, request, clock.millis());
            }
            Path localStore = localDirectory(artifactUri);
            for (ModelArtifact artifact : checked) {
                store(artifactUri, localStore, owner, MODEL_DIR + "/" + artifact.path(), request.artifactRoot().resolve(artifact.path()));
            }
            if (localStore != null) {
                requireServerSees(runId, localStore, owner, checked);
            }
            if (trainingRun == null) {
                client.post("runs/update", Map.of("run_id", runId, "status", "FINISHED", "end_time", clock.millis()));
            }
        }
        catch (RuntimeException e) {
            if (trainingRun == null) {
                deleteQuietly(runId, e);
            }
            throw e;
        }
        String modelFile = request.source() != null ? request.source() : checked.size() == 1 ? checked.get(0).path() : null;
        String source = artifactUri + "/" + MODEL_DIR + (modelFile == null ? "" : "/" + modelFile);
        return new Uploaded(runId, source, checked);
    }

    /**
     * A local artifact store ({@code mlflow server --default-artifact-root /dir} or {@code file:/dir})
     * is written directly, as MLflow's own client does; returns its directory, or {@code null} for
     * a remote store.
     */
    private static Path localDirectory(final String artifactUri) {
        if (artifactUri.startsWith("/")) {
            return Path.of(artifactUri);
        }
        URI uri = URI.create(artifactUri);
        return "file".equals(uri.getScheme()) ? Paths.get(uri) : null;
    }

    /**
     * Files written into a local store are only useful when the server reads the same directory;
     * asks the server to list them, so that a server on another machine is found out at once
     * rather than when someone loads the model.
     */
    private void requireServerSees(final String runId, final Path localStore, final String owner, final List<ModelArtifact> artifacts) {
        Map<String, Long> listed = new HashMap<>();
        artifacts.stream().map(artifact -> parent(MODEL_DIR + "/" + artifact.path())).distinct().forEach(dir -> {
            for (JsonNode file : client.get("artifacts/list", Map.of("run_id", runId, "path", dir)).path("files")) {
                listed.put(file.path("path").asText(), file.path("file_size").asLong(-1));
            }
        });
        List<String> unseen = artifacts.stream().filter(artifact -> !Long.valueOf(artifact.bytes())
                .equals(listed.get(MODEL_DIR + "/" + artifact.path()))).map(ModelArtifact::path).toList();
        if (!unseen.isEmpty()) {
            for (ModelArtifact artifact : artifacts) {
                deleteQuietly(localStore.resolve(MODEL_DIR + "/" + artifact.path()));
            }
            throw new BadInputException("MLflow keeps the artifacts of " + owner + " in the local directory " + localStore
                    + " of the server's machine (mlflow server --default-artifact-root); ML Delivery wrote the model files there"
                    + " as MLflow's own client does, but the server does not see them (" + String.join(", ", unseen)
                    + "): this machine does not share that directory with the server. Promote on a machine that mounts it, or"
                    + " start the server with --artifacts-destination DIR instead of --default-artifact-root so that uploads"
                    + " go through the server");
        }
    }

    private static String parent(final String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private void deleteQuietly(final String runId, final RuntimeException cause) {
        try {
            client.post("runs/delete", Map.of("run_id", runId));
        }
        catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private static void deleteQuietly(final Path file) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException e) {
            // the message about the unshared directory matters more than a file left in it
        }
    }

    private JsonNode existingRun(final String runId) {
        try {
            return client.get("runs/get", Map.of("run_id", runId)).path("run");
        }
        catch (MlflowApiException e) {
            if (e.isNotFound()) {
                return null; // trained against another server: upload into a run of our own
            }
            throw e;
        }
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

    private void store(final String artifactUri, final Path localStore, final String owner, final String relative, final Path file) {
        if (localStore != null) {
            Path target = localStore.resolve(relative);
            try {
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
            catch (IOException e) {
                throw new BadInputException("MLflow keeps the artifacts of " + owner + " in the local directory " + localStore
                        + " (mlflow server --default-artifact-root), where ML Delivery, like MLflow's own client, writes them"
                        + " directly; cannot write " + target + " (" + e.getMessage() + "). Promote on the server's machine, or"
                        + " start the server with --artifacts-destination DIR instead so that uploads go through it", e);
            }
            return;
        }
        URI uri = URI.create(artifactUri);
        if ("mlflow-artifacts".equals(uri.getScheme())) {
            String path = (uri.getPath() + "/" + relative).replaceAll("/+", "/");
            String encoded = Arrays.stream(path.split("/")).map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8)
                    .replace("+", "%20")).collect(Collectors.joining("/"));
            client.put("/api/2.0/mlflow-artifacts/artifacts" + encoded, file);
        }
        else {
            throw new BadInputException("MLflow keeps the artifacts of " + owner + " at " + artifactUri
                    + ", where ML Delivery cannot upload; start the server with --artifacts-destination " + artifactUri
                    + " so that uploads go through it, or register the model by its location (--source-prefix) instead of its files");
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

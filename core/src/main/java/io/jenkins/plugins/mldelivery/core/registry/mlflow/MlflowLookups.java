package io.jenkins.plugins.mldelivery.core.registry.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.mlflow.MlflowApiException;
import io.jenkins.plugins.mldelivery.core.mlflow.MlflowClient;
import io.jenkins.plugins.mldelivery.core.registry.ModelVersion;

import java.util.Map;
import java.util.Optional;

/** The registry's read calls, turning MLflow's "not found" answers into empty results. */
final class MlflowLookups {
    private final MlflowClient client;

    MlflowLookups(final MlflowClient client) {
        this.client = client;
    }

    /** Uses the get-by-alias call: searching versions answers with empty aliases on some backends. */
    Optional<JsonNode> aliasNode(final String model, final String alias) {
        try {
            return Optional.of(client.get("registered-models/alias", Map.of("name", model, "alias", alias)).path("model_version"));
        }
        catch (MlflowApiException e) {
            // MLflow answers a missing alias with 400 INVALID_PARAMETER_VALUE "... alias X not found"
            if (e.isNotFound() || e.status() == 400 && e.serverMessage().contains("not found")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Reads a version; one registered by another tool keeps its metrics in its run, so they are read from there. */
    ModelVersion withRunData(final JsonNode node) {
        String runId = node.path("run_id").asText("");
        if (runId.isEmpty() || MlflowTags.hasMetrics(node)) {
            return MlflowTags.toVersion(node, null);
        }
        try {
            return MlflowTags.toVersion(node, client.get("runs/get", Map.of("run_id", runId)).path("run"));
        }
        catch (MlflowApiException e) {
            if (e.isNotFound()) {
                return MlflowTags.toVersion(node, null);
            }
            throw e;
        }
    }

    Optional<JsonNode> versionNode(final String model, final int version) {
        try {
            return Optional.of(client.get("model-versions/get", Map.of("name", model, "version", String.valueOf(version)))
                    .path("model_version"));
        }
        catch (MlflowApiException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    Optional<JsonNode> modelNode(final String model) {
        try {
            return Optional.of(client.get("registered-models/get", Map.of("name", model)).path("registered_model"));
        }
        catch (MlflowApiException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }
}

package io.jenkins.plugins.mldelivery.core.seams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import java.util.Objects;

/**
 * Where a canary rollout stands after one move of the engine's resumable rollout: its state (to
 * keep in the step and hand back next time), whether it is over, and how long to wait before the next move.
 *
 * @param stateJson  the controller's state, opaque to the plugin
 * @param finished   whether the rollout has reached its decision
 * @param waitMillis how long to wait before calling the controller again (ignored when finished)
 * @param message    the transitions of the move for the build log, one per line, e.g.
 *                   {@code ANALYSING: canary at 25% via replay}; empty when nothing was due
 * @param result     the final result when finished, else {@code null} (so a result means finished)
 */
public record CanaryProgress(String stateJson, boolean finished, long waitMillis, String message,
        EngineResult result) {
    /** Validates the fields. */
    public CanaryProgress {
        Objects.requireNonNull(stateJson, "stateJson");
        Objects.requireNonNull(message, "message");
        if (finished != (result != null)) {
            throw new IllegalArgumentException("A finished rollout has a result, an unfinished one has none");
        }
        if (waitMillis < 0) {
            throw new IllegalArgumentException("waitMillis must not be negative: " + waitMillis);
        }
    }

    /**
     * Encodes this progress as one JSON string, so that it crosses the agent channel as a string.
     *
     * @return the encoded form, read back by {@link #decode(String)}
     */
    public String encode() {
        ObjectNode node = ResultJson.mapper().createObjectNode();
        node.put("state", stateJson);
        node.put("finished", finished);
        node.put("waitMillis", waitMillis);
        node.put("message", message);
        if (result != null) {
            node.put("result", result.encode());
        }
        return node.toString();
    }

    /**
     * Decodes a progress encoded by {@link #encode()}.
     *
     * @param encoded the encoded form
     * @return the progress
     */
    public static CanaryProgress decode(final String encoded) {
        try {
            JsonNode node = ResultJson.mapper().readTree(encoded);
            JsonNode result = node.path("result");
            return new CanaryProgress(node.path("state").asText(), node.path("finished").asBoolean(),
                    node.path("waitMillis").asLong(), node.path("message").asText(),
                    result.isMissingNode() ? null : EngineResult.decode(result.asText()));
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("Malformed canary progress from the agent: " + e.getOriginalMessage(), e);
        }
    }
}

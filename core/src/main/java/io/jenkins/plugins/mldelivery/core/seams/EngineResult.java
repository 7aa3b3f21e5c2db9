package io.jenkins.plugins.mldelivery.core.seams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import io.jenkins.plugins.mldelivery.core.result.Status;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * What an engine operation gives back: the full result JSON (the contract of DESIGN.md, identical to
 * the CLI's {@code --json} file) and the result's short human summary.
 *
 * @param json    the result JSON, an object with at least {@code step} and {@code status}
 * @param summary the result's {@code summary()}: a few lines for the build log
 */
public record EngineResult(String json, String summary) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the fields. */
    public EngineResult {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(summary, "summary");
    }

    /**
     * Returns the result's status as written in its {@code status} field.
     *
     * @return the status
     * @throws IllegalStateException if the JSON has no valid {@code status}
     */
    public Status status() {
        JsonNode status = tree().path("status");
        try {
            return Status.valueOf(status.asText());
        }
        catch (IllegalArgumentException e) {
            throw new IllegalStateException("The engine returned a result without a valid status: " + status, e);
        }
    }

    /**
     * Returns the first non-blank line of the summary: the reason shown on a step's node.
     *
     * @return the summary's first line
     */
    public String headline() {
        return summary.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse("(no summary)");
    }

    /**
     * Parses the result JSON.
     *
     * @return the JSON tree
     */
    public JsonNode tree() {
        try {
            return ResultJson.mapper().readTree(json);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("The engine returned malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Encodes this result as one JSON string, so that it crosses the agent channel as a string.
     *
     * @return the encoded form, read back by {@link #decode(String)}
     */
    public String encode() {
        ObjectNode node = ResultJson.mapper().createObjectNode();
        node.put("json", json);
        node.put("summary", summary);
        return node.toString();
    }

    /**
     * Decodes a result encoded by {@link #encode()}.
     *
     * @param encoded the encoded form
     * @return the result
     */
    public static EngineResult decode(final String encoded) {
        try {
            JsonNode node = ResultJson.mapper().readTree(encoded);
            return new EngineResult(node.path("json").asText(), node.path("summary").asText());
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("Malformed engine result from the agent: " + e.getOriginalMessage(), e);
        }
    }
}

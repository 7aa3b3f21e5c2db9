package io.jenkins.plugins.mldelivery.core.registry.mlflow;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.mlflow.MlflowClient;
import io.jenkins.plugins.mldelivery.core.registry.AliasMove;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The alias history MLflow does not keep, recorded as registered-model tags: the key
 * {@code mld.alias_history.ALIAS.MILLIS.NONCE} orders moves by time (13-digit epoch milliseconds)
 * and the random nonce keeps two moves in the same millisecond apart; the value is the move as JSON.
 */
final class MlflowHistory {
    static final String PREFIX = "mld.alias_history.";

    private static final SecureRandom NONCES = new SecureRandom();

    private final MlflowClient client;

    MlflowHistory(final MlflowClient client) {
        this.client = client;
    }

    void record(final AliasMove move) {
        byte[] nonce = new byte[4];
        NONCES.nextBytes(nonce);
        String key = PREFIX + move.alias() + "." + String.format("%013d", move.at().toEpochMilli()) + "." + HexFormat.of().formatHex(nonce);
        client.post("registered-models/set-tag", Map.of("name", move.model(), "key", key, "value", MlflowTags.json(move)));
    }

    /** Returns the moves recorded in a {@code registered_model} object, oldest first. */
    List<AliasMove> read(final JsonNode registeredModel, final String alias) {
        TreeMap<String, AliasMove> ordered = new TreeMap<>();
        for (JsonNode tag : registeredModel.path("tags")) {
            String key = tag.path("key").asText();
            if (!key.startsWith(PREFIX)) {
                continue;
            }
            String[] parts = key.substring(PREFIX.length()).split("\\.");
            if (parts.length != 3 || alias != null && !alias.equals(parts[0])) {
                continue;
            }
            AliasMove move = MlflowTags.read(tag.path("value").asText(), new TypeReference<AliasMove>() { });
            if (move != null) {
                ordered.put(parts[1] + "." + parts[2] + "." + parts[0], move);
            }
        }
        return new ArrayList<>(ordered.values());
    }

}

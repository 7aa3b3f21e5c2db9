package io.jenkins.plugins.mldelivery.core.registry.mlflow;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.mlflow.MlflowClient;
import io.jenkins.plugins.mldelivery.core.registry.AliasMove;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The alias history MLflow does not keep, recorded as registered-model tags: the key
 * {@code mld.alias_history.ALIAS.MILLIS.NONCE} orders moves by time (13-digit epoch milliseconds)
 * and the random nonce keeps two moves in the same millisecond apart; the value is the move as JSON.
 */
final class MlflowHistory {
    static final String PREFIX = "mld.alias_history.";
    /** Who an outside move is attributed to: MLflow does not say who moved an alias. */
    static final String OUTSIDE_WHO = "unknown (outside ml-delivery)";

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

    /**
     * Returns the moves of an alias (or of all aliases) as recorded in a {@code registered_model}
     * object, oldest first, each followed by an {@link AliasMove.Action#OUTSIDE} move when the alias
     * is no longer where the last recorded move left it (another tool moved it).
     *
     * @param current where an alias points now, asked of the server ({@code null} when it does not exist)
     */
    List<AliasMove> read(final JsonNode registeredModel, final String alias, final Function<String, Integer> current) {
        List<AliasMove> recorded = recorded(registeredModel, alias);
        TreeMap<String, AliasMove> last = new TreeMap<>();
        recorded.forEach(move -> last.put(move.alias(), move));
        aliases(registeredModel).keySet().stream().filter(name -> alias == null || alias.equals(name))
                .forEach(name -> last.putIfAbsent(name, null));
        if (alias != null) {
            last.putIfAbsent(alias, null);
        }
        List<AliasMove> moves = new ArrayList<>(recorded);
        Instant updated = Instant.ofEpochMilli(registeredModel.path("last_updated_timestamp").asLong());
        last.forEach((name, tail) -> outsideMove(registeredModel.path("name").asText(), name, tail, current.apply(name), updated)
                .ifPresent(moves::add));
        moves.sort(Comparator.comparing(AliasMove::at));
        return moves;
    }

    /**
     * Returns the move another tool made when the alias is not where the last recorded move left it.
     *
     * @param tail    the last recorded move, or {@code null}
     * @param current where the alias points now, or {@code null} when it does not exist
     * @param noticed when it was noticed at the latest
     */
    static Optional<AliasMove> outsideMove(final String model, final String alias, final AliasMove tail, final Integer current,
            final Instant noticed) {
        Integer recorded = tail == null ? null : tail.toVersion();
        if (Objects.equals(recorded, current)) {
            return Optional.empty();
        }
        Instant at = tail != null && !noticed.isAfter(tail.at()) ? tail.at().plusMillis(1) : noticed;
        return Optional.of(new AliasMove(model, alias, AliasMove.Action.OUTSIDE, recorded, current, OUTSIDE_WHO, null,
                "moved outside ml-delivery (e.g. with MLflow's own client); noticed by ml-delivery", at));
    }

    static Map<String, Integer> aliases(final JsonNode registeredModel) {
        Map<String, Integer> aliases = new TreeMap<>();
        for (JsonNode alias : registeredModel.path("aliases")) {
            aliases.put(alias.path("alias").asText(), Integer.parseInt(alias.path("version").asText()));
        }
        return aliases;
    }

    /** Returns the moves recorded as tags, oldest first. */
    List<AliasMove> recorded(final JsonNode registeredModel, final String alias) {
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

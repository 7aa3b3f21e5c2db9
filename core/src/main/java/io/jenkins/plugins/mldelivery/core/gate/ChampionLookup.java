package io.jenkins.plugins.mldelivery.core.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mldelivery.core.gate.rule.MetricValues;
import io.jenkins.plugins.mldelivery.core.registry.ModelRegistry;
import io.jenkins.plugins.mldelivery.core.registry.ModelVersion;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;

import java.util.Objects;
import java.util.Optional;

/**
 * Finds the champion a gate compares with: the version a registry alias points at, or, for the
 * first model of a name, the reason there is none (which is not an error). The CLI and the Jenkins
 * step share it, so both say the same thing.
 *
 * @param champion the champion, or empty
 * @param reason   why there is no champion, or {@code null} when there is one
 */
public record ChampionLookup(Optional<Champion> champion, String reason) {
    /** Validates that exactly one of champion and reason is given. */
    public ChampionLookup {
        Objects.requireNonNull(champion, "champion");
        if (champion.isPresent() == (reason != null)) {
            throw new IllegalArgumentException("give a champion or the reason there is none");
        }
    }

    /**
     * Looks the champion up.
     *
     * @param registry the registry
     * @param model    the registered model's name
     * @param alias    the alias that names the champion, such as {@code champion}
     * @return the champion, or why there is none
     * @throws io.jenkins.plugins.mldelivery.core.io.ExternalSystemException when the registry cannot be reached
     */
    public static ChampionLookup find(final ModelRegistry registry, final String model, final String alias) {
        Optional<ModelVersion> version = registry.resolveAlias(model, alias);
        if (version.isPresent()) {
            ModelVersion found = version.get();
            return new ChampionLookup(Optional.of(new Champion(model, Integer.toString(found.version()), alias, found.source(),
                    MetricValues.of(found.metrics()))), null);
        }
        String why = registry.findModel(model).isEmpty()
                ? "model '" + model + "' is not registered in " + registry.uri() + " yet"
                : "model '" + model + "' has no version with alias '" + alias + "' in " + registry.uri();
        return new ChampionLookup(Optional.empty(), "no champion yet: " + why);
    }

    /**
     * Tells a gate request what was found.
     *
     * @param request the request being built
     * @return the same request
     */
    public GateRequest.Builder applyTo(final GateRequest.Builder request) {
        return champion.map(request::against).orElseGet(() -> request.withoutChampionBecause(reason));
    }

    /**
     * Returns this lookup as compact JSON, for a caller that looks the champion up on one machine (where
     * the registry is) and evaluates the gate on another (where the predictions are).
     *
     * @return {@code {"champion": {...}}} or {@code {"reason": "..."}}, read back by {@link #fromJson(String)}
     */
    public String toJson() {
        ObjectNode node = ResultJson.mapper().createObjectNode();
        if (champion.isPresent()) {
            node.set("champion", ResultJson.mapper().valueToTree(champion.get()));
        }
        else {
            node.put("reason", reason);
        }
        try {
            return ResultJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a champion lookup: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a lookup written by {@link #toJson()}.
     *
     * @param json the JSON text
     * @return the lookup
     * @throws IllegalArgumentException if the text is not such a lookup
     */
    public static ChampionLookup fromJson(final String json) {
        try {
            JsonNode node = ResultJson.mapper().readTree(json);
            JsonNode champion = node == null ? null : node.get("champion");
            if (champion != null && champion.isObject()) {
                return new ChampionLookup(Optional.of(ResultJson.mapper().treeToValue(champion, Champion.class)), null);
            }
            JsonNode reason = node == null ? null : node.get("reason");
            if (reason == null || !reason.isTextual()) {
                throw new IllegalArgumentException("not a champion lookup: " + json);
            }
            return new ChampionLookup(Optional.empty(), reason.asText());
        }
        catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a champion lookup: " + e.getOriginalMessage(), e);
        }
    }
}

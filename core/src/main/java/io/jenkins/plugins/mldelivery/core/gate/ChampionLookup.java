package io.jenkins.plugins.mldelivery.core.gate;

import io.jenkins.plugins.mldelivery.core.gate.rule.MetricValues;
import io.jenkins.plugins.mldelivery.core.registry.ModelRegistry;
import io.jenkins.plugins.mldelivery.core.registry.ModelVersion;

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
}

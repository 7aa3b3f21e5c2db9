package io.jenkins.plugins.mldelivery.core.gate;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.jenkins.plugins.mldelivery.core.gate.rule.MetricValues;

import java.util.Objects;

/**
 * The model the challenger must beat, as the registry knows it: which version the alias points at,
 * its metrics, and where its model lives (so that a scoring command can score it again).
 *
 * @param model   the registered model's name
 * @param version the version the alias points at
 * @param alias   the alias that named it, such as {@code champion}
 * @param source  where the model's files are (a path or URI), or {@code null} when unknown
 * @param metrics the metrics recorded with that version
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Champion(String model, String version, String alias, String source, MetricValues metrics) {
    /** Validates the fields. */
    public Champion {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * Returns how messages name the champion.
     *
     * @return for example {@code credit-risk version 3 (alias champion)}
     */
    public String describe() {
        return model + " version " + version + " (alias " + alias + ")";
    }
}

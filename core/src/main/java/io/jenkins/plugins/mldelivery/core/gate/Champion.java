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

    /** The version and alias of a champion known only by its predictions file (no registry was given). */
    static final String UNREGISTERED = "unregistered";
    static final String PREDICTIONS = "--champion-predictions";

    /**
     * Returns a champion known only by its predictions file, with the metrics computed from it.
     *
     * @param file    the champion's predictions file
     * @param metrics the metrics computed from it
     * @return the champion
     */
    public static Champion fromPredictions(final java.nio.file.Path file, final MetricValues metrics) {
        return new Champion(file.toString(), UNREGISTERED, PREDICTIONS, file.toString(), metrics);
    }

    /**
     * Returns how messages name the champion.
     *
     * @return for example {@code credit-risk version 3 (alias champion)}, or {@code the champion's predictions FILE}
     */
    public String describe() {
        if (UNREGISTERED.equals(version) && PREDICTIONS.equals(alias)) {
            return "the champion's predictions " + model;
        }
        return model + " version " + version + " (alias " + alias + ")";
    }
}

package io.jenkins.plugins.mldelivery.core.training;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Objects;

/**
 * What a sweep tried and which trial won.
 *
 * @param metric    the metric trials were compared by
 * @param direction whether higher or lower is better
 * @param parallel  how many trials ran at a time
 * @param bestTrial the winning trial's index, or {@code null} when no trial passed
 * @param trials    every trial, in grid order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SweepSummary(String metric, SweepPlan.Direction direction, int parallel, Integer bestTrial, List<Trial> trials) {
    /** Validates and copies the fields. */
    public SweepSummary {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(direction, "direction");
        trials = List.copyOf(trials);
    }
}

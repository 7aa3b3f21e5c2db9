package io.jenkins.plugins.mldelivery.core.canary.source;

import io.jenkins.plugins.mldelivery.core.canary.judge.MetricSamples;

import java.util.List;
import java.util.Map;

/**
 * What a source collected for one window: the samples by metric name, and notes for people
 * (e.g. that a scoring command failed and its requests counted as errors).
 *
 * @param samples the samples by metric name; a metric without data is absent or incomplete
 * @param notes   one-line notes, in the order they arose
 */
public record Collected(Map<String, MetricSamples> samples, List<String> notes) {
    /** Copies the maps. */
    public Collected {
        samples = Map.copyOf(samples);
        notes = List.copyOf(notes);
    }
}

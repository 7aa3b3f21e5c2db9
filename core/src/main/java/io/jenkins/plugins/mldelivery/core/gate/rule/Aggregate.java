package io.jenkins.plugins.mldelivery.core.gate.rule;

import java.util.Collection;
import java.util.Collections;

/**
 * The functions over the slices of a metric: {@code max_gap}, {@code min} and {@code max}.
 */
public enum Aggregate {
    /** The largest difference between two slices: the highest slice value minus the lowest. */
    MAX_GAP("max_gap", 2),
    /** The lowest slice value: the worst-served group for a higher-is-better metric. */
    MIN("min", 1),
    /** The highest slice value: the worst-served group for a lower-is-better metric. */
    MAX("max", 1);

    private final String functionName;
    private final int minimumSlices;

    Aggregate(final String functionName, final int minimumSlices) {
        this.functionName = functionName;
        this.minimumSlices = minimumSlices;
    }

    /**
     * Returns how the function is written in a rule.
     *
     * @return the name
     */
    public String functionName() {
        return functionName;
    }

    /**
     * Returns how many slices the function needs to mean anything.
     *
     * @return the minimum number of slices
     */
    public int minimumSlices() {
        return minimumSlices;
    }

    /**
     * Applies the function.
     *
     * @param values the slice values, at least {@link #minimumSlices()} of them
     * @return the aggregate
     */
    public double apply(final Collection<Double> values) {
        return switch (this) {
            case MAX_GAP -> Collections.max(values) - Collections.min(values);
            case MIN -> Collections.min(values);
            case MAX -> Collections.max(values);
        };
    }

    /**
     * Finds a function by the name written in a rule.
     *
     * @param name the name
     * @return the function, or {@code null} when there is none of that name
     */
    static Aggregate byName(final String name) {
        for (Aggregate aggregate : values()) {
            if (aggregate.functionName.equals(name)) {
                return aggregate;
            }
        }
        return null;
    }
}

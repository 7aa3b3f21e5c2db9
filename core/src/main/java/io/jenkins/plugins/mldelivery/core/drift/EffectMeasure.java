package io.jenkins.plugins.mldelivery.core.drift;

/**
 * How large a column's change is: the effect size a drift policy compares with its threshold.
 */
public enum EffectMeasure {
    /**
     * Numeric: the Wasserstein-1 distance divided by the reference's standard deviation. A pure shift
     * of the mean by δ standard deviations gives δ; the default threshold 0.1 (as in Evidently) flags
     * shifts from a tenth of a standard deviation.
     */
    WASSERSTEIN("wasserstein", "reference-sd", 0.1, true, false),
    /** Numeric: the Kolmogorov-Smirnov distance D itself, the largest gap between the two CDFs. */
    KOLMOGOROV_SMIRNOV("ks", "share", 0.1, true, false),
    /**
     * Numeric (reference deciles) or categorical: the population stability index. The usual reading
     * (Siddiqi 2006) is below 0.1 stable, 0.1-0.25 some shift, above 0.25 a major shift; default 0.2.
     */
    PSI("psi", "natural-log", 0.2, true, true),
    /**
     * Categorical: the Jensen-Shannon distance with natural logarithms, in [0, √ln 2]; default threshold
     * 0.1, Evidently's default on the same scale (about 12 percentage points moved between categories of 40%
     * and 30%).
     */
    JENSEN_SHANNON("jensen-shannon", JensenShannon.UNIT, 0.1, false, true);

    private final String label;
    private final String unit;
    private final double defaultThreshold;
    private final boolean numeric;
    private final boolean categorical;

    EffectMeasure(final String label, final String unit, final double defaultThreshold, final boolean numeric,
            final boolean categorical) {
        this.label = label;
        this.unit = unit;
        this.defaultThreshold = defaultThreshold;
        this.numeric = numeric;
        this.categorical = categorical;
    }

    /**
     * Returns the name used in JSON and in policies.
     *
     * @return for example {@code wasserstein}
     */
    public String label() {
        return label;
    }

    /**
     * Returns the scale the effect size is on, as the result names it ({@code effectUnit}).
     *
     * @return {@code reference-sd}, {@code share} or {@code natural-log}
     */
    public String unit() {
        return unit;
    }

    /**
     * Returns the threshold a policy uses unless told otherwise.
     *
     * @return the default threshold
     */
    public double defaultThreshold() {
        return defaultThreshold;
    }

    /**
     * Says whether the measure applies to a column of the given type.
     *
     * @param type {@code numeric} or {@code categorical}
     * @return whether it applies
     */
    public boolean appliesTo(final String type) {
        return "numeric".equals(type) ? numeric : "categorical".equals(type) && categorical;
    }
}

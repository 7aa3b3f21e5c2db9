package io.jenkins.plugins.mldelivery.core.canary.judge;

/**
 * The judge's verdict on one metric at one step, as in Kayenta: only a change in the metric's bad
 * direction that is both significant and beyond the allowed change is High or Low.
 */
public enum Classification {
    /** No regression found (so far). */
    PASS,
    /** The canary is significantly and materially higher (or more spread out) where higher is bad. */
    HIGH,
    /** The canary is significantly and materially lower where lower is bad. */
    LOW,
    /** One of the versions had no data for the metric in this step. */
    NO_DATA;

    /**
     * Says whether this is a regression.
     *
     * @return true for {@link #HIGH} and {@link #LOW}
     */
    public boolean regression() {
        return this == HIGH || this == LOW;
    }
}

package io.jenkins.plugins.mldelivery.core.result;

/**
 * The outcome of a step, ordered from best to worst so that outcomes can be combined.
 */
public enum Status {
    /** Every check passed. */
    PASSED,
    /** Nothing failed, but something needs a person's attention (for example a skipped rule). */
    WARNING,
    /** The step failed on its own terms: violations, drift beyond policy, a failed gate. */
    FAILED;

    /**
     * Returns the worse of this status and the other one.
     *
     * @param other the status to combine with
     * @return {@code FAILED} if either is failed, else {@code WARNING} if either warns, else {@code PASSED}
     */
    public Status and(final Status other) {
        return compareTo(other) >= 0 ? this : other;
    }
}

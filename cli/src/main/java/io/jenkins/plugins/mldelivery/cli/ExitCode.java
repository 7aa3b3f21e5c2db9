package io.jenkins.plugins.mldelivery.cli;

import io.jenkins.plugins.mldelivery.core.result.Status;

/**
 * The exit codes of every command; scripts and other CI systems rely on them.
 */
public final class ExitCode {
    /** The step passed (or passed with warnings). */
    public static final int PASSED = 0;
    /** The step failed on its own terms: violations, drift, a failed gate, a rolled-back canary. */
    public static final int FAILED = 1;
    /** Bad usage or bad input; the message names the file, row, column or rule. */
    public static final int BAD_INPUT = 2;
    /** An external system (registry, cluster, metrics source) failed. */
    public static final int EXTERNAL_FAILURE = 3;

    private ExitCode() {
        // constants only
    }

    /**
     * Maps a step's status to the exit code.
     *
     * @param status the status
     * @return {@link #FAILED} for a failed step, else {@link #PASSED}
     */
    public static int of(final Status status) {
        return status == Status.FAILED ? FAILED : PASSED;
    }
}

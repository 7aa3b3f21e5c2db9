package io.jenkins.plugins.mldelivery.core.result;

import java.util.List;

/**
 * A step result as its readers (history, registry, report) see it: one typed, versioned record per
 * step, read by {@link StepRecords} only. The states a reader must not forget (a refused promotion, a
 * skipped step, a failed training) are said by the record's type and methods, not left as nulls.
 */
public sealed interface RecordedStep permits ValidateRecord, TrainRecord, GateRecord, PromoteRecord, CanaryRecord {
    /** The version of the result format these records read; a newer file is read as far as it is understood. */
    int FORMAT_VERSION = 1;

    /**
     * Returns the step's name as in the CLI.
     *
     * @return {@code validate}, {@code train}, {@code gate}, {@code promote} or {@code canary}
     */
    String step();

    /**
     * Returns the step's outcome.
     *
     * @return the status
     */
    Status status();

    /**
     * Returns when the step ran, if the result says.
     *
     * @return the timing, or null
     */
    Timing timing();

    /**
     * Returns the files the step read.
     *
     * @return the inputs, never null
     */
    List<InputIdentity> inputs();
}

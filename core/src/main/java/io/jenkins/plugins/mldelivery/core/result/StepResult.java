package io.jenkins.plugins.mldelivery.core.result;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The fields every step result carries at its top level in JSON, whatever the step.
 */
public interface StepResult {
    /**
     * Returns the version of the result format, written into every result so that a reader knows what
     * it reads ({@link RecordedStep#FORMAT_VERSION}); readers tolerate fields a newer version added.
     *
     * @return the format version
     */
    @JsonProperty("formatVersion")
    default int formatVersion() {
        return RecordedStep.FORMAT_VERSION;
    }

    /**
     * Returns the step's name as in the CLI: {@code validate}, {@code train}, {@code gate}, …
     *
     * @return the step name
     */
    String step();

    /**
     * Returns the step's outcome.
     *
     * @return the status
     */
    Status status();

    /**
     * Returns when the step ran.
     *
     * @return the timing
     */
    Timing timing();

    /**
     * Returns the identities of the files the step read.
     *
     * @return the inputs, in the order they were given
     */
    List<InputIdentity> inputs();

    /**
     * Returns a short summary for people: a few lines, no trailing newline.
     *
     * @return the summary
     */
    String summary();
}

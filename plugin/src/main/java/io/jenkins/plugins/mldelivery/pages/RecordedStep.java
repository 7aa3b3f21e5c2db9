package io.jenkins.plugins.mldelivery.pages;

import java.util.Objects;

/**
 * One step result of a build, as remembered in {@code build.xml}: its name, its status, the first
 * line of its summary, and the stem of its side file ({@code ml-delivery/STEM.json} in the build
 * directory, where the full result JSON lives).
 */
public final class RecordedStep {
    /** The suffix of the archived profile of a validated batch. */
    public static final String BATCH_PROFILE = "batch-profile.json";

    private final String stem;
    private final String step;
    private final String status;
    private final String headline;

    /**
     * Creates an entry.
     *
     * @param stem     the side file's stem, e.g. {@code 03-gate}
     * @param step     the step's name as in the CLI, e.g. {@code gate}
     * @param status   {@code PASSED}, {@code WARNING} or {@code FAILED}
     * @param headline the first line of the result's summary
     */
    public RecordedStep(final String stem, final String step, final String status, final String headline) {
        this.stem = Objects.requireNonNull(stem, "stem");
        this.step = Objects.requireNonNull(step, "step");
        this.status = Objects.requireNonNull(status, "status");
        this.headline = Objects.requireNonNull(headline, "headline");
    }

    public String getStem() {
        return stem;
    }

    public String getStep() {
        return step;
    }

    public String getStatus() {
        return status;
    }

    public String getHeadline() {
        return headline;
    }

    /**
     * Returns the path of the archived artifact of this step with the given suffix.
     *
     * @param suffix e.g. {@code batch-profile.json}
     * @return the artifact path, e.g. {@code ml-delivery/02-validate.batch-profile.json}
     */
    public String artifact(final String suffix) {
        return MlDeliveryRunAction.DIRECTORY + "/" + stem + "." + suffix;
    }
}

package io.jenkins.plugins.mldelivery.core.training;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The MLflow run a training was logged to, or why it could not be.
 *
 * @param trackingUri  the tracking server's base URI
 * @param experimentId the experiment's id, or {@code null} if logging failed before it was known
 * @param runId        the run's id, or {@code null} if logging failed before the run was created
 * @param runUrl       the run's page in the MLflow UI, or {@code null}
 * @param artifactUri  where MLflow keeps the run's own artifacts, as it reports it, or {@code null}
 * @param error        why logging failed, in one line, or {@code null} when it succeeded
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MlflowRun(String trackingUri, String experimentId, String runId, String runUrl, String artifactUri,
        String error) {
    /**
     * Says whether the run was logged completely.
     *
     * @return whether there was no error
     */
    public boolean logged() {
        return error == null;
    }
}

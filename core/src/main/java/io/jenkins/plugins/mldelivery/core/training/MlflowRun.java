package io.jenkins.plugins.mldelivery.core.training;

/**
 * The MLflow run a training was logged to.
 *
 * @param trackingUri  the tracking server's base URI
 * @param experimentId the experiment's id
 * @param runId        the run's id
 * @param runUrl       the run's page in the MLflow UI
 * @param artifactUri  where the run's artifacts live, as MLflow reports it
 */
public record MlflowRun(String trackingUri, String experimentId, String runId, String runUrl, String artifactUri) {
}

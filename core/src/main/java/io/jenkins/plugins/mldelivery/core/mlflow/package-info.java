/**
 * The one HTTP transport to an MLflow server's REST API (tracking and model registry): base URI,
 * token or basic authentication, retries with exponential backoff on 5xx answers and connection
 * errors, and one-line messages that name the endpoint, the status and MLflow's error code.
 */
package io.jenkins.plugins.mldelivery.core.mlflow;

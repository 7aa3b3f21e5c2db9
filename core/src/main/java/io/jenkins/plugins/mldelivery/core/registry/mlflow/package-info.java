/**
 * MLflow's model registry through its REST API (aliases, tags, stages), with the alias history
 * MLflow does not keep recorded as registered-model tags.
 */
package io.jenkins.plugins.mldelivery.core.registry.mlflow;

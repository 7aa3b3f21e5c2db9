/**
 * The model registry: one interface ({@link io.jenkins.plugins.mldelivery.core.registry.ModelRegistry})
 * opened from a URI ({@code file:DIR} for the embedded registry, {@code mlflow:http://HOST:PORT} for
 * MLflow's), its value types (versions, aliases and their moves), model cards, and promotion.
 */
package io.jenkins.plugins.mldelivery.core.registry;

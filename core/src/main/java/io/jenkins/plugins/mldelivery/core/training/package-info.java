/**
 * Running a team's training command and capturing what is needed to trust and reproduce its
 * model: parameters (with overrides), metrics, lineage, model files published atomically, sweeps
 * over a parameter grid and a reproducibility check.
 */
package io.jenkins.plugins.mldelivery.core.training;

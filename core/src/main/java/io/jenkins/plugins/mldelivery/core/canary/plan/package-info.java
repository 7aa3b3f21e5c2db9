/**
 * The rollout plan: versions, traffic steps, metrics with their direction and allowed change,
 * router and metrics source, read from YAML with one-line errors naming the file and key.
 */
package io.jenkins.plugins.mldelivery.core.canary.plan;

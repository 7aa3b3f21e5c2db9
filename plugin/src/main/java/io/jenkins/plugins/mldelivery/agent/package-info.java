/**
 * Running engine work where it belongs: next to the data on the agent ({@link
 * io.jenkins.plugins.mldelivery.agent.OnAgent}, through {@code FilePath.act} with a callable that
 * answers with a JSON string) or on the controller ({@link io.jenkins.plugins.mldelivery.agent.OnController});
 * both turn the engine's exceptions into one-line build errors.
 */
package io.jenkins.plugins.mldelivery.agent;

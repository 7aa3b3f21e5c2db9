/**
 * Metric sources: Prometheus' HTTP query API, a user command printing samples as JSON, and the
 * offline replay of recorded requests through both versions' scoring commands.
 */
package io.jenkins.plugins.mldelivery.core.canary.source;

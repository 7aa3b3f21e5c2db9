/**
 * The Jenkins glue of ML Delivery: global configuration, the promotion permission and the access
 * to the model registry; the steps, the agent calls and the pages live in the sub-packages.
 */
package io.jenkins.plugins.mldelivery;

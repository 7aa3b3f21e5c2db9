/**
 * The only door from the Jenkins glue into the engine ({@code ml-delivery-core}): one seam per
 * operation, taking a step's arguments as an immutable request and returning the result JSON.
 */
package io.jenkins.plugins.mldelivery.engine;

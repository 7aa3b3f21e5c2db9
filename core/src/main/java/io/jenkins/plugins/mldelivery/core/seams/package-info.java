/**
 * The step operations as the Jenkins plugin calls them: one seam per operation, taking a step's
 * arguments as an immutable, serializable request (paths relative to the workspace) and returning
 * the result JSON with its summary. The seams hold no Jenkins type, so they are tested here, with a
 * workspace as the plugin's agents see it.
 */
package io.jenkins.plugins.mldelivery.core.seams;

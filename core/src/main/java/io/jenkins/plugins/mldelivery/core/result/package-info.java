/**
 * What every step result shares: its status, its timing, the identity of the inputs it read, and
 * its JSON form (the contract between the CLI, the Jenkins steps and the reports).
 */
package io.jenkins.plugins.mldelivery.core.result;

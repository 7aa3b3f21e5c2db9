/**
 * What every step result shares: its status, its timing, the identity of the inputs it read, its
 * format version and its JSON form (the contract between the CLI, the Jenkins steps and the reports);
 * and the one typed record per step ({@link io.jenkins.plugins.mldelivery.core.result.RecordedStep})
 * that history, registry and report read results through, by {@link io.jenkins.plugins.mldelivery.core.result.StepRecords} only.
 */
package io.jenkins.plugins.mldelivery.core.result;

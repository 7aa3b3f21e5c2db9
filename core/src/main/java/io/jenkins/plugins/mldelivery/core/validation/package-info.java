/**
 * Checking data against a schema while it streams: per-column type, presence, missing rate, range,
 * allowed values, pattern and uniqueness, table-level row counts and unexpected columns; violations
 * that name column, rule, expectation, finding and example rows; schema inference from a reference
 * profile; and the validate step that adds drift against a reference.
 */
package io.jenkins.plugins.mldelivery.core.validation;

/**
 * Mergeable per-column profiles built in one pass: counts, missing values, moments, a
 * deterministic KLL quantile sketch, an HLL distinct count, category counts with a frequent-items
 * sketch beyond a cap, exact values of small columns, histograms for charts, and their lossless JSON
 * form. Every approximation states its error bound.
 */
package io.jenkins.plugins.mldelivery.core.profile;

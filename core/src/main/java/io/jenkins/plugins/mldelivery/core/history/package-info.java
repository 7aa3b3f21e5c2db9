/**
 * What each build leaves behind for trends: a small per-build record made from one run's step
 * results (metrics, data quality, drift, gate, alias moves, canary, lineage), a history of such
 * records read newest first and lazily, and the window of records a trend shows.
 */
package io.jenkins.plugins.mldelivery.core.history;

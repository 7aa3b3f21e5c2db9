/**
 * Statistics for comparing a challenger with its champion on the same evaluation rows: McNemar's
 * test for accuracy, DeLong's test for ROC AUC, the paired bootstrap for any other per-row metric,
 * and Holm's correction when several are tested together. Each class cites its definition and the
 * reference implementation its tests match.
 */
package io.jenkins.plugins.mldelivery.core.gate.significance;

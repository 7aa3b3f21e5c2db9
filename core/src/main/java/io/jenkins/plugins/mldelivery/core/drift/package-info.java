/**
 * Drift of a current dataset against a reference: per column a test of "same distribution"
 * (two-sample Kolmogorov-Smirnov for numbers, chi-squared homogeneity for categories, and a
 * missing-share test for both), an effect size that says whether the change matters
 * (Wasserstein distance in reference standard deviations, Jensen-Shannon distance, PSI),
 * multiple-testing correction across columns, and the dataset verdict of a {@link
 * io.jenkins.plugins.mldelivery.core.drift.DriftPolicy}. Exact tests run where the values are
 * kept, sketch-based ones with a stated error bound elsewhere. See {@code docs/drift.md}.
 */
package io.jenkins.plugins.mldelivery.core.drift;

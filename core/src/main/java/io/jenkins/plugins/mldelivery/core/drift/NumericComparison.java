package io.jenkins.plugins.mldelivery.core.drift;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares the two sides of a numeric column: the Kolmogorov-Smirnov test, the Wasserstein
 * distance, the PSI, the effect size the policy asks for, and the histograms for charts.
 */
final class NumericComparison {
    private NumericComparison() {
        // static functions only
    }

    /** Returns the undecided drift of a column whose sides both have values. */
    static ColumnDrift compare(final String name, final NumericDistribution reference, final NumericDistribution current,
            final DriftPolicy policy, final MissingShareDrift missing) {
        KolmogorovSmirnov.Result ks = KolmogorovSmirnov.test(reference, current, policy.exactLimit());
        double wasserstein = Wasserstein.estimate(reference, current);
        double wassersteinError = Wasserstein.errorBound(reference, current);
        double wassersteinBand = Wasserstein.errorBand(reference, current);
        double sigma = reference.standardDeviation();
        boolean constant = reference.min() == reference.max() || sigma == 0;
        double psi = PopulationStabilityIndex.numeric(reference, current, policy.psiBins());

        Map<String, Double> measures = new LinkedHashMap<>();
        measures.put("ks", ks.statistic());
        measures.put("wasserstein", wasserstein);
        if (!constant) {
            measures.put("wassersteinNormed", wasserstein / sigma);
        }
        measures.put("psi", psi);
        measures.put("referenceMean", reference.mean());
        measures.put("currentMean", current.mean());
        measures.put("referenceStd", sigma);
        measures.put("currentStd", current.standardDeviation());
        if (ks.method() == KolmogorovSmirnov.Method.SKETCH) {
            measures.put("pValueAtEstimate", ks.pValueAtEstimate());
        }

        EffectMeasure measure = policy.measure(name, "numeric");
        String effectMeasure = measure.label();
        double threshold = policy.threshold(name, measure);
        String effectUnit = measure.unit();
        double effect;
        Double effectError;
        Double effectBand;
        String note = "";
        switch (measure) {
            case WASSERSTEIN -> {
                if (constant) {
                    // σ = 0 leaves W/σ undefined; the share of current values off the constant is what moved.
                    double c = reference.min();
                    long away = current.present() - (current.countAtOrBelow(c) - current.countBelow(c));
                    effect = (double) away / current.present();
                    effectError = 2 * current.rankError();
                    effectBand = effectError;
                    effectMeasure = "total-variation";
                    effectUnit = "share";
                    threshold = policy.constantReferenceThreshold();
                    measures.put("totalVariation", effect);
                    note = "; the reference is constant (σ = 0), so the effect is the share of current values away from it";
                }
                else {
                    effect = wasserstein / sigma;
                    effectError = wassersteinError / sigma;
                    effectBand = wassersteinBand / sigma;
                    if (wassersteinBand > 0) {
                        note = String.format(Locale.ROOT, "; Wasserstein from the sketches with the exact means, "
                                + "within ±%.3gσ of the exact value", effectBand);
                    }
                }
            }
            case KOLMOGOROV_SMIRNOV -> {
                effect = ks.statistic();
                effectError = ks.errorBound();
                effectBand = effectError;
            }
            case PSI -> {
                effect = psi;
                effectError = reference.isExact() && current.isExact() ? 0.0 : null;
                effectBand = effectError;
            }
            default -> throw new IllegalStateException(measure + " does not apply to numeric columns");
        }
        String reason = "numeric; " + KolmogorovSmirnov.explain(ks, reference, current, policy.exactLimit()) + note;
        return new ColumnDrift(name, "numeric", true, ks.method().label(), reason, ks.statistic(), ks.errorBound(),
                ks.pValue(), null, effectMeasure, effectUnit, effect, effectError, effectBand, threshold,
                ColumnDrift.nearThreshold(effect, effectBand, threshold), false, policy.column(name).critical(),
                "", ColumnCounts.of(reference), ColumnCounts.of(current), measures, missing,
                histogram(reference, current, policy));
    }

    /** Returns both sides' shares on shared bins: equal-width or reference-quantile, over both ranges. */
    static SharedHistogram histogram(final NumericDistribution reference, final NumericDistribution current,
            final DriftPolicy policy) {
        double low = Math.min(reference.min(), current.min());
        double high = Math.max(reference.max(), current.max());
        List<Double> edges = new ArrayList<>();
        edges.add(low);
        if (low < high) {
            if (policy.chartBinning() == ChartBinning.EQUAL_WIDTH) {
                int bins = policy.chartBins();
                for (int k = 1; k < bins; k++) {
                    edges.add(low + (high - low) * k / bins);
                }
            }
            else {
                for (double edge : PopulationStabilityIndex.referenceQuantileEdges(reference, policy.psiBins())) {
                    if (edge > low && edge < high) {
                        edges.add(edge);
                    }
                }
            }
        }
        edges.add(high);
        double[] inner = new double[edges.size() - 2];
        for (int i = 0; i < inner.length; i++) {
            inner[i] = edges.get(i + 1);
        }
        String binning = low == high ? "single-value" : policy.chartBinning().label();
        return new SharedHistogram(binning, edges, List.of(),
                shares(PopulationStabilityIndex.binCounts(reference, inner)),
                shares(PopulationStabilityIndex.binCounts(current, inner)));
    }

    static List<Double> shares(final long[] counts) {
        List<Double> shares = new ArrayList<>();
        for (double share : PopulationStabilityIndex.shares(counts)) {
            shares.add(share);
        }
        return shares;
    }
}

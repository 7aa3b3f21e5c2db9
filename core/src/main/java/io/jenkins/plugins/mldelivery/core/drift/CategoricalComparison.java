package io.jenkins.plugins.mldelivery.core.drift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares the two sides of a categorical column over the union of their categories: the
 * chi-squared test of homogeneity, the Jensen-Shannon distance, the PSI, and the histograms for
 * charts. Values a profile did not track by name ({@code other}) form one more category; it may mix
 * different categories on the two sides, which the method explanation says.
 */
final class CategoricalComparison {
    /** The label of the bar that gathers the categories not shown by name. */
    static final String OTHER = "(other)";

    private CategoricalComparison() {
        // static functions only
    }

    /** Returns the undecided drift of a column whose sides both have values. */
    static ColumnDrift compare(final String name, final CategoricalDistribution reference,
            final CategoricalDistribution current, final DriftPolicy policy, final MissingShareDrift missing) {
        TreeSet<String> union = new TreeSet<>(reference.counts().keySet());
        union.addAll(current.counts().keySet());
        List<String> categories = new ArrayList<>(union);
        boolean untracked = reference.other() > 0 || current.other() > 0;
        int size = categories.size() + (untracked ? 1 : 0);
        long[] r = new long[size];
        long[] c = new long[size];
        for (int i = 0; i < categories.size(); i++) {
            r[i] = reference.count(categories.get(i));
            c[i] = current.count(categories.get(i));
        }
        if (untracked) {
            r[size - 1] = reference.other();
            c[size - 1] = current.other();
        }
        ChiSquaredHomogeneity.Result chi = ChiSquaredHomogeneity.test(r, c);
        double jensenShannon = JensenShannon.distance(r, c);
        double psi = PopulationStabilityIndex.ofCounts(r, c);

        Map<String, Double> measures = new LinkedHashMap<>();
        measures.put("chiSquared", chi.statistic());
        measures.put("degreesOfFreedom", (double) chi.degreesOfFreedom());
        measures.put("jensenShannon", jensenShannon);
        measures.put("psi", psi);
        measures.put("categories", (double) categories.size());

        EffectMeasure measure = policy.measure(name, "categorical");
        double effect = switch (measure) {
            case JENSEN_SHANNON -> jensenShannon;
            case PSI -> psi;
            default -> throw new IllegalStateException(measure + " does not apply to categorical columns");
        };
        String reason = "categorical; " + size + " categories"
                + (untracked ? " (untracked values as one, which may hold different categories on each side)" : "")
                + estimated("reference", reference) + estimated("current", current)
                + ": Pearson chi-squared test of homogeneity without continuity correction, "
                + chi.degreesOfFreedom() + " degrees of freedom";
        return new ColumnDrift(name, "categorical", true, "chi-squared", reason, chi.statistic(), 0.0, chi.pValue(),
                null, measure.label(), measure.unit(), effect, 0.0, 0.0, policy.threshold(name, measure), false, false,
                policy.column(name).critical(), "", ColumnCounts.of(reference), ColumnCounts.of(current), measures,
                missing, histogram(categories, untracked, r, c, policy.chartCategories()));
    }

    private static String estimated(final String side, final CategoricalDistribution distribution) {
        return distribution.maximumError() == 0 ? ""
                : "; " + side + " counts estimated by a frequent-items sketch, each within ±" + distribution.maximumError();
    }

    /** Names the most frequent categories (reference first, then current, then name) and gathers the rest. */
    private static SharedHistogram histogram(final List<String> categories, final boolean untracked, final long[] r,
            final long[] c, final int shown) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong((Integer i) -> -r[i]).thenComparingLong(i -> -c[i])
                .thenComparing(categories::get));
        int named = Math.min(shown, order.size());
        boolean gathered = untracked || named < order.size();
        long[] referenceBars = new long[named + (gathered ? 1 : 0)];
        long[] currentBars = new long[referenceBars.length];
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < order.size(); k++) {
            int bar = Math.min(k, named);
            referenceBars[bar] += r[order.get(k)];
            currentBars[bar] += c[order.get(k)];
            if (k < named) {
                labels.add(categories.get(order.get(k)));
            }
        }
        if (gathered) {
            labels.add(OTHER);
            if (untracked) {
                referenceBars[named] += r[r.length - 1];
                currentBars[named] += c[c.length - 1];
            }
        }
        return new SharedHistogram("categories", List.of(), labels, NumericComparison.shares(referenceBars),
                NumericComparison.shares(currentBars));
    }
}

package io.jenkins.plugins.mldelivery.core.gate.significance;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down correction of p-values for several hypotheses tested together, which keeps the
 * chance of any false "significant" at most alpha without assuming the tests independent.
 * Definition: Holm, S. (1979), "A simple sequentially rejective multiple test procedure",
 * Scandinavian Journal of Statistics 6(2), 65–70; adjusted p-values as statsmodels 0.15
 * {@code multipletests(p, method="holm")}: with the p-values sorted ascending,
 * {@code p_adj(i) = max over j ≤ i of min(1, (m - j + 1) p(j))}.
 */
public final class HolmCorrection {
    private HolmCorrection() {
        // static computation only
    }

    /**
     * Adjusts p-values.
     *
     * @param pValues the raw p-values, in any order
     * @return the adjusted p-values, in the same order
     */
    public static double[] adjust(final double[] pValues) {
        int m = pValues.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> pValues[i]).thenComparingInt(i -> i));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int index = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * pValues[index]));
            adjusted[index] = running;
        }
        return adjusted;
    }
}

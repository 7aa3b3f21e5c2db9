package io.jenkins.plugins.mldelivery.core.drift;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * How p-values are corrected for testing many columns at once. Matches
 * {@code statsmodels.stats.multitest.multipletests} with {@code fdr_bh} and {@code bonferroni}.
 */
public enum Correction {
    /**
     * Controls the false discovery rate (Benjamini and Hochberg, J. R. Stat. Soc. B 57, 1995):
     * p_adj(i) = min over j &ge; i of m·p(j)/j for the ascending p-values, at most 1.
     */
    BENJAMINI_HOCHBERG("benjamini-hochberg"),
    /** Controls the family-wise error rate (Bonferroni): p_adj = min(1, m·p). */
    BONFERRONI("bonferroni"),
    /** No correction: each column on its own. */
    NONE("none");

    private final String label;

    Correction(final String label) {
        this.label = label;
    }

    /**
     * Returns the name used in JSON and on the command line.
     *
     * @return for example {@code benjamini-hochberg}
     */
    public String label() {
        return label;
    }

    /**
     * Returns the adjusted p-values, in the order given.
     *
     * @param pValues the p-values of all tests of the family
     * @return their adjusted values
     */
    public double[] adjust(final double[] pValues) {
        int m = pValues.length;
        double[] adjusted = new double[m];
        switch (this) {
            case NONE -> System.arraycopy(pValues, 0, adjusted, 0, m);
            case BONFERRONI -> {
                for (int i = 0; i < m; i++) {
                    adjusted[i] = Math.min(1, pValues[i] * m);
                }
            }
            case BENJAMINI_HOCHBERG -> {
                // A stable order (ties by position) keeps the result independent of the sort's whims.
                Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
                Arrays.sort(order, Comparator.comparingDouble((Integer i) -> pValues[i]));
                double running = 1;
                for (int rank = m; rank >= 1; rank--) {
                    int index = order[rank - 1];
                    running = Math.min(running, pValues[index] * m / rank);
                    adjusted[index] = running;
                }
            }
            default -> throw new IllegalStateException("unknown correction " + this);
        }
        return adjusted;
    }
}

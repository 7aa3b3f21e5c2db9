package io.jenkins.plugins.mldelivery.core.canary.judge;

import io.jenkins.plugins.mldelivery.core.canary.plan.SpendingFunction;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Critical values of a group-sequential test by error spending ({@link AlphaSpending}): look {@code k} stops when the
 * cumulative statistic {@code Z_k} reaches {@code c_k}, where {@code c_k} is chosen so that the
 * probability, under no change, of first stopping at look {@code k} equals
 * {@code α(t_k) − α(t_{k−1})}. {@code Z_1, …, Z_K} have the canonical joint distribution
 * ({@code Cov(Z_j, Z_k) = √(I_j / I_k)}), and the probabilities are computed by the recursive
 * numerical integration of Armitage, McPherson and Rowe (1969) on the score scale
 * {@code S_k = Z_k √I_k} with Simpson's rule, as in Jennison and Turnbull (2000), <i>Group
 * Sequential Methods with Applications to Clinical Trials</i>, ch. 7 and 19. Accuracy is better
 * than 1e-6 in the crossing probabilities; results are cached by their inputs.
 */
public final class GroupSequentialBoundary {
    private static final int PANELS = 800;
    private static final double TAIL = 9;
    private static final int CACHE_SIZE = 256;
    private static final Map<String, double[]> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(final Map.Entry<String, double[]> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private GroupSequentialBoundary() {
        // static computations only
    }

    /**
     * Returns the critical values of all looks so far.
     *
     * @param information the cumulative information at each look, increasing and positive
     * @param fractions   the information fraction at each look (planned), non-decreasing in (0, 1]
     * @param alpha       the total false-alarm rate
     * @param twoSided    whether the test rejects at {@code |Z_k| >= c_k} (α split over both tails)
     *                    rather than at {@code Z_k >= c_k}
     * @return {@code c_1 … c_k}; {@code +∞} where a look may spend no error
     */
    public static double[] criticalValues(final double[] information, final double[] fractions, final double alpha,
            final boolean twoSided) {
        return criticalValues(information, fractions, alpha, twoSided, SpendingFunction.OBRIEN_FLEMING);
    }

    /**
     * Returns the critical values of all looks so far under a chosen spending function.
     *
     * @param information the cumulative information at each look, increasing and positive
     * @param fractions   the information fraction at each look (planned), non-decreasing in (0, 1]
     * @param alpha       the total false-alarm rate
     * @param twoSided    whether both tails reject
     * @param spending    the spending function
     * @return {@code c_1 … c_k}; {@code +∞} where a look may spend no error
     */
    public static double[] criticalValues(final double[] information, final double[] fractions, final double alpha,
            final boolean twoSided, final SpendingFunction spending) {
        if (information.length != fractions.length || information.length == 0) {
            throw new IllegalArgumentException("expected one information level and fraction per look");
        }
        String key = Arrays.toString(information) + Arrays.toString(fractions) + alpha + twoSided + spending;
        synchronized (CACHE) {
            double[] cached = CACHE.get(key);
            if (cached != null) {
                return cached.clone();
            }
        }
        double[] values = compute(information, fractions, alpha, twoSided, spending);
        synchronized (CACHE) {
            CACHE.put(key, values.clone());
        }
        return values;
    }

    private static double[] compute(final double[] information, final double[] fractions, final double alpha,
            final boolean twoSided, final SpendingFunction spending) {
        int looks = information.length;
        double[] critical = new double[looks];
        double spentBefore = 0;
        Grid density = null;
        for (int k = 0; k < looks; k++) {
            double spent = AlphaSpending.spent(spending, alpha, fractions[k]);
            double increment = spent - spentBefore;
            if (k == 0) {
                critical[k] = increment <= 0 ? Double.POSITIVE_INFINITY
                        : -MannWhitney.quantile(twoSided ? increment / 2 : increment); // Φ⁻¹(1−a) as −Φ⁻¹(a): exact in the far tail
                density = Grid.first(information[0], critical[0], twoSided);
            }
            else {
                double step = information[k] - information[k - 1];
                if (!(step > 0)) {
                    throw new IllegalArgumentException("information must increase from look to look: " + Arrays.toString(information));
                }
                critical[k] = increment <= 0 ? Double.POSITIVE_INFINITY
                        : solve(density, information[k], step, increment, twoSided);
                density = density.next(information[k], step, critical[k], twoSided);
            }
            spentBefore = Math.max(spentBefore, spent);
        }
        return critical;
    }

    /** Finds the critical value whose crossing probability at this look is the error to spend, by bisection. */
    private static double solve(final Grid previous, final double information, final double step, final double target,
            final boolean twoSided) {
        double low = 0;
        double high = 40;
        for (int i = 0; i < 100 && high - low > 1e-9; i++) {
            double middle = (low + high) / 2;
            if (previous.crossing(middle * Math.sqrt(information), step, twoSided) > target) {
                low = middle;
            }
            else {
                high = middle;
            }
        }
        return (low + high) / 2;
    }

    /** The sub-density of the score statistic over the region where no earlier look stopped. */
    private record Grid(double[] points, double[] weights) {
        static Grid first(final double information, final double critical, final boolean twoSided) {
            double sd = Math.sqrt(information);
            Grid grid = region(twoSided ? -critical * sd : -TAIL * sd, critical * sd, sd);
            for (int i = 0; i < grid.points.length; i++) {
                grid.weights[i] *= normalDensity(grid.points[i], information);
            }
            return grid;
        }

        /** Integrates the next look's sub-density from this one: a convolution with the increment's normal density. */
        Grid next(final double information, final double step, final double critical, final boolean twoSided) {
            double sd = Math.sqrt(information);
            double upper = Math.min(critical * sd, TAIL * sd);
            Grid grid = region(twoSided ? -upper : -TAIL * sd, upper, sd);
            for (int i = 0; i < grid.points.length; i++) {
                double sum = 0;
                for (int j = 0; j < points.length; j++) {
                    sum += weights[j] * normalDensity(grid.points[i] - points[j], step);
                }
                grid.weights[i] *= sum;
            }
            return grid;
        }

        /** The probability of continuing until here and then crossing the boundary {@code ±bound} on the score scale. */
        double crossing(final double bound, final double step, final boolean twoSided) {
            double sd = Math.sqrt(step);
            double sum = 0;
            for (int j = 0; j < points.length; j++) {
                double above = MannWhitney.upperTail((bound - points[j]) / sd);
                double below = twoSided ? MannWhitney.upperTail((bound + points[j]) / sd) : 0;
                sum += weights[j] * (above + below);
            }
            return sum;
        }

        /** Simpson's rule nodes and weights on [low, high], the density still to be multiplied in. */
        private static Grid region(final double low, final double high, final double sd) {
            double from = Math.max(low, -TAIL * sd);
            double to = Math.max(from, Math.min(high, TAIL * sd));
            int nodes = 2 * PANELS + 1;
            double[] points = new double[nodes];
            double[] weights = new double[nodes];
            double h = (to - from) / (nodes - 1);
            for (int i = 0; i < nodes; i++) {
                points[i] = from + i * h;
                weights[i] = h / 3 * (i == 0 || i == nodes - 1 ? 1 : i % 2 == 1 ? 4 : 2);
            }
            return new Grid(points, weights);
        }

        private static double normalDensity(final double x, final double variance) {
            return Math.exp(-x * x / (2 * variance)) / Math.sqrt(2 * Math.PI * variance);
        }
    }
}

package io.jenkins.plugins.mldelivery.core.drift;

import java.util.Locale;

/**
 * The two-sample, two-sided Kolmogorov-Smirnov test (Smirnov, 1939): D = sup |F1(x) - F2(x)| of the
 * two empirical CDFs, and its p-value under "same continuous distribution". It reproduces
 * {@code scipy.stats.ks_2samp(alternative='two-sided')}: D over every observed value (ties
 * handled by counting all values at or below each point), the exact null distribution by lattice
 * paths (Hodges, 1958) with {@code method='exact'}, the one-sample Kolmogorov distribution at
 * n = round(n1·n2/(n1+n2)) with {@code 'asymp'}, and exact up to {@value #EXACT_LIMIT} values per
 * side with {@code 'auto'}. With ties the p-value is that of the continuous case, so conservative.
 *
 * <p>From sketches: D̂ is the same supremum over the sketches' step CDFs. Each sketch's rank
 * error bounds its CDF's error everywhere, so |D̂ - D| &le; ε1 + ε2 (each bound at 99% confidence).
 * The p-value reported is the one at max(0, D̂ - ε1 - ε2): the largest p-value consistent with
 * the sketches, so sketch error never makes a change look significant.
 */
final class KolmogorovSmirnov {
    /** SciPy's {@code MAX_AUTO_N}: 'auto' is exact while both samples have at most this many values. */
    static final int EXACT_LIMIT = 10_000;
    /** From n·d² = 370 on, P(D &ge; d) &asymp; 2·exp(-2·n·d²) is below 1e-300 (SciPy's kstwo cut-off too). */
    private static final double UNDERFLOW = 370;

    /** How the p-value was computed. */
    enum Method {
        /** Exact null distribution of D for the two sample sizes. */
        EXACT("ks-exact"),
        /** Asymptotic (one-sample Kolmogorov distribution at the effective sample size). */
        ASYMPTOTIC("ks-asymp"),
        /** Asymptotic, from sketches, at the lower end of D's error band. */
        SKETCH("ks-sketch");

        private final String label;

        Method(final String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /**
     * A test's outcome.
     *
     * @param statistic        D (for the exact method rounded to a multiple of 1/lcm(n1, n2), as SciPy does)
     * @param errorBound       the bound on |D - D̂| from sketch rank errors, 0 when exact
     * @param pValue           the p-value (for sketches at D - errorBound)
     * @param pValueAtEstimate the p-value at D itself (equal to pValue unless from sketches)
     * @param method           how the p-value was computed
     */
    record Result(double statistic, double errorBound, double pValue, double pValueAtEstimate, Method method) {
    }

    private KolmogorovSmirnov() {
        // static functions only
    }

    /**
     * Tests two distributions, choosing the method as the drift policy does: exact when both are
     * exact with at most {@code exactLimit} values, asymptotic when both are exact but larger, and
     * from sketches otherwise.
     */
    static Result test(final NumericDistribution a, final NumericDistribution b, final int exactLimit) {
        if (a.isExact() && b.isExact()) {
            return Math.max(a.present(), b.present()) <= exactLimit ? exact(a, b) : asymptotic(a, b);
        }
        return fromSketches(a, b);
    }

    /** SciPy's {@code method='auto'}. */
    static Result auto(final NumericDistribution a, final NumericDistribution b) {
        return test(a, b, EXACT_LIMIT);
    }

    /** SciPy's {@code method='exact'}; like SciPy, asymptotic when lcm(n1, n2) does not fit in 31 bits. */
    static Result exact(final NumericDistribution a, final NumericDistribution b) {
        long n1 = a.present();
        long n2 = b.present();
        long g = gcd(n1, n2);
        if (n1 / g >= Integer.MAX_VALUE / (n2 / g)) {
            return asymptotic(a, b);
        }
        long lcm = n1 / g * n2;
        long h = (long) Math.rint(statistic(a, b) * lcm);
        double d = h * 1.0 / lcm;
        double effective = (double) n1 * n2 / (n1 + n2);
        double p;
        if (h == 0) {
            p = 1;
        }
        else if (effective * d * d >= UNDERFLOW) {
            p = 0; // below 1e-300, where SciPy's lattice sum underflows too: spare the O(n1·n2·d) walk
        }
        else {
            p = n1 == n2 ? SmirnovExact.sfEqualSizes(n1, h) : SmirnovExact.sf(n1, n2, g, h);
        }
        if (!(p >= 0 && p <= 1)) {
            return asymptotic(a, b);
        }
        return new Result(d, 0, p, p, Method.EXACT);
    }

    /** SciPy's {@code method='asymp'}. */
    static Result asymptotic(final NumericDistribution a, final NumericDistribution b) {
        double d = statistic(a, b);
        double p = asymptoticPValue(a.present(), b.present(), d);
        return new Result(d, 0, p, p, Method.ASYMPTOTIC);
    }

    /** The test from sketches (or one sketch and one exact side), with D's error band. */
    static Result fromSketches(final NumericDistribution a, final NumericDistribution b) {
        double d = statistic(a, b);
        double bound = a.rankError() + b.rankError();
        double conservative = asymptoticPValue(a.present(), b.present(), Math.max(0, d - bound));
        return new Result(d, bound, conservative, asymptoticPValue(a.present(), b.present(), d), Method.SKETCH);
    }

    /**
     * Returns D = sup |F1 - F2| over the points of both step CDFs, computed as SciPy does
     * (each CDF as count / n in doubles, then the difference).
     */
    static double statistic(final NumericDistribution a, final NumericDistribution b) {
        double[] xa = a.points();
        double[] xb = b.points();
        long[] ca = a.atOrBelow();
        long[] cb = b.atOrBelow();
        double na = a.present();
        double nb = b.present();
        double largest = 0;
        double smallest = 0;
        int i = 0;
        int j = 0;
        while (i < xa.length || j < xb.length) {
            double x = j >= xb.length || i < xa.length && xa[i] <= xb[j] ? xa[i] : xb[j];
            while (i < xa.length && xa[i] <= x) {
                i++;
            }
            while (j < xb.length && xb[j] <= x) {
                j++;
            }
            double difference = (i == 0 ? 0 : ca[i - 1]) / na - (j == 0 ? 0 : cb[j - 1]) / nb;
            largest = Math.max(largest, difference);
            smallest = Math.min(smallest, difference);
        }
        return Math.max(largest, -smallest);
    }

    /** Returns P(D &ge; d) by the one-sample Kolmogorov distribution at round(n1·n2/(n1+n2)). */
    static double asymptoticPValue(final long n1, final long n2, final double d) {
        double m = Math.max(n1, n2);
        double n = Math.min(n1, n2);
        long effective = Math.max(1, (long) Math.rint(m * n / (m + n)));
        return KolmogorovDistribution.sf(effective, d);
    }

    /** Explains the method for the column's report. */
    static String explain(final Result result, final NumericDistribution a, final NumericDistribution b,
            final int exactLimit) {
        return switch (result.method()) {
            case EXACT -> "both sides exact with at most " + exactLimit
                    + " values: exact Smirnov distribution (Hodges 1958)";
            case ASYMPTOTIC -> "both sides exact but more than " + exactLimit
                    + " values: asymptotic Kolmogorov distribution (Simard and L'Ecuyer 2011)";
            case SKETCH -> String.format(Locale.ROOT,
                    "reference %s; current %s: D from the sketches within ±%.4f, p-value at the band's lower end",
                    a.describe(), b.describe(), result.errorBound());
        };
    }

    private static long gcd(final long a, final long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}

package io.jenkins.plugins.mldelivery.core.canary.judge;

import io.jenkins.plugins.mldelivery.core.canary.plan.Direction;
import io.jenkins.plugins.mldelivery.core.canary.plan.MetricKind;
import io.jenkins.plugins.mldelivery.core.canary.plan.MetricSpec;
import io.jenkins.plugins.mldelivery.core.canary.plan.SpendingFunction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Judges one metric at one look against its history: a sequential location test (Mann-Whitney for
 * continuous values, proportions for rates), a sequential spread test for continuous values, and
 * the allowed change. A regression needs both a crossed boundary and a change beyond the allowance.
 */
final class MetricJudge {
    private static final double INTERVAL_CONFIDENCE = 0.95;

    private final MetricSpec spec;
    private final double alpha;
    private final SpendingFunction spending;

    /**
     * Creates the judge of one metric.
     *
     * @param spec  the metric
     * @param alpha    the metric's share of the rollout's false-alarm rate (split between location and spread for continuous values)
     * @param spending how that share is spent over the looks
     */
    MetricJudge(final MetricSpec spec, final double alpha, final SpendingFunction spending) {
        this.spec = spec;
        this.alpha = alpha;
        this.spending = spending;
    }

    /** A previous look at this metric: its verdict and its step's planned information fraction. */
    record Past(MetricVerdict verdict, double fraction) {
    }

    MetricVerdict judge(final MetricSamples samples, final double fraction, final List<Past> history) {
        if (samples == null || !samples.complete()) {
            String missing = samples == null || (samples.stable() == null || samples.stable().isEmpty())
                    && (samples.canary() == null || samples.canary().isEmpty()) ? "either version"
                    : samples.stable() == null || samples.stable().isEmpty() ? "the stable version" : "the canary";
            return new MetricVerdict(spec.name(), Classification.NO_DATA, null, "no data from " + missing + " in this step",
                    spec.kind(), SideSummary.of(samples == null ? null : samples.stable()),
                    SideSummary.of(samples == null ? null : samples.canary()), null, null, null, null, null);
        }
        return spec.kind() == MetricKind.RATE ? judgeRate(samples, fraction, history) : judgeValues(samples, fraction, history);
    }

    private MetricVerdict judgeRate(final MetricSamples samples, final double fraction, final List<Past> history) {
        Observation.Counts stable = (Observation.Counts) samples.stable();
        Observation.Counts canary = (Observation.Counts) samples.canary();
        ProportionTest test = ProportionTest.test(canary, stable);
        TestLook location = look(history, past -> past.verdict().location(), information(canary.trials(), stable.trials()), test.z(), fraction,
                alpha, spec.direction() == Direction.EITHER, orientation());
        // the effect is judged on all traffic so far: rates of rare events need every request
        long stableEvents = stable.events();
        long stableTrials = stable.trials();
        long canaryEvents = canary.events();
        long canaryTrials = canary.trials();
        for (Past past : history) {
            stableEvents += past.verdict().stable().events();
            stableTrials += past.verdict().stable().n();
            canaryEvents += past.verdict().canary().events();
            canaryTrials += past.verdict().canary().n();
        }
        double stableRate = (double) stableEvents / stableTrials;
        double canaryRate = (double) canaryEvents / canaryTrials;
        String values = String.format(Locale.ROOT, "rate %s vs %s (%d/%d vs %d/%d so far)", percent(canaryRate),
                percent(stableRate), canaryEvents, canaryTrials, stableEvents, stableTrials);
        Classification classification = classify(location, stableRate, canaryRate);
        return new MetricVerdict(spec.name(), classification, location.pValue(), reason(classification, values, location, "location"),
                spec.kind(), SideSummary.of(stable), SideSummary.of(canary), canaryRate - stableRate, null, null, location, null);
    }

    private MetricVerdict judgeValues(final MetricSamples samples, final double fraction, final List<Past> history) {
        double[] stable = ((Observation.Values) samples.stable()).values();
        double[] canary = ((Observation.Values) samples.canary()).values();
        MannWhitney test = MannWhitney.test(canary, stable);
        TestLook location = look(history, past -> past.verdict().location(), information(canary.length, stable.length), test.z(), fraction,
                alpha / 2, spec.direction() == Direction.EITHER, orientation());
        ShiftEstimate shift = ShiftEstimate.of(canary, stable, INTERVAL_CONFIDENCE);
        double stableMedian = SpreadTest.median(stable);
        double canaryLevel = stableMedian + shift.estimate();
        Classification classification = classify(location, stableMedian, canaryLevel);
        String values = String.format(Locale.ROOT, "median %s, Hodges-Lehmann shift %s [%s, %s] (n %d vs %d)",
                number(stableMedian), number(shift.estimate()), number(shift.lower()), number(shift.upper()), canary.length, stable.length);
        String reason = reason(classification, values, location, "location");
        TestLook spread = null;
        if (canary.length >= 2 && stable.length >= 2) {
            SpreadTest spreadTest = SpreadTest.test(canary, stable);
            spread = look(history, past -> past.verdict().spread(), information(canary.length, stable.length), spreadTest.z(), fraction, alpha / 2, false, 1);
            if (!classification.regression() && spread.criticalValue() != null && spread.combinedZ() >= spread.criticalValue()
                    && spec.allowedChange().exceededBy(spreadTest.stableDeviation(), spreadTest.canaryDeviation(), true)) {
                classification = Classification.HIGH;
                reason = String.format(Locale.ROOT, "High: spread (mean absolute deviation from the median) %s vs %s, "
                                + "z %.2f >= critical %.2f (p %s <= %s); %s", number(spreadTest.canaryDeviation()),
                        number(spreadTest.stableDeviation()), spread.combinedZ(), spread.criticalValue(), pValue(spread.pValue()),
                        pValue(spread.threshold()), values);
            }
        }
        return new MetricVerdict(spec.name(), classification, location.pValue(), reason, spec.kind(),
                SideSummary.of(samples.stable()), SideSummary.of(samples.canary()), shift.estimate(), finite(shift.lower()),
                finite(shift.upper()), location, spread);
    }

    private TestLook look(final List<Past> history, final Function<Past, TestLook> pick, final double information,
            final double z, final double fraction, final double testAlpha, final boolean twoSided, final double sign) {
        List<double[]> rows = new ArrayList<>();
        for (Past past : history) {
            TestLook previous = pick.apply(past);
            if (previous != null && previous.information() > 0) {
                rows.add(new double[] {previous.information(), previous.z(), past.fraction()});
            }
        }
        rows.add(new double[] {information, z, fraction});
        double[] increments = new double[rows.size()];
        double[] zs = new double[rows.size()];
        double[] fractions = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            increments[i] = rows.get(i)[0];
            zs[i] = rows.get(i)[1];
            fractions[i] = rows.get(i)[2];
        }
        double[] orientedZs = zs.clone();
        for (int i = 0; i < orientedZs.length; i++) {
            orientedZs[i] *= sign;
        }
        SequentialStatistic statistic = SequentialStatistic.evaluate(increments, orientedZs, fractions, testAlpha, twoSided, spending);
        return new TestLook(information, z, statistic.combinedZ() * sign, statistic.critical(), statistic.pValue(), statistic.threshold());
    }

    /** One-sided tests look for large values; a metric whose fall is bad is tested on {@code -z}. */
    private double orientation() {
        return spec.direction() == Direction.DECREASE ? -1 : 1;
    }

    private Classification classify(final TestLook location, final double stableLevel, final double canaryLevel) {
        if (location.criticalValue() == null) {
            return Classification.PASS;
        }
        double z = location.combinedZ();
        double critical = location.criticalValue();
        if (spec.direction().upIsBad() && z >= critical && spec.allowedChange().exceededBy(stableLevel, canaryLevel, true)) {
            return Classification.HIGH;
        }
        if (spec.direction().downIsBad() && -z >= critical && spec.allowedChange().exceededBy(stableLevel, canaryLevel, false)) {
            return Classification.LOW;
        }
        return Classification.PASS;
    }

    private String reason(final Classification classification, final String values, final TestLook look, final String test) {
        String sequential = look.criticalValue() == null
                ? String.format(Locale.ROOT, "z %.2f, no error to spend at this look", look.combinedZ())
                : String.format(Locale.ROOT, "z %.2f vs critical %.2f (p %s, stops at %s)", look.combinedZ(),
                        look.criticalValue(), pValue(look.pValue()), pValue(look.threshold()));
        String name = switch (classification) {
            case HIGH -> "High";
            case LOW -> "Low";
            default -> "Pass";
        };
        String allowance = classification.regression() ? ", beyond allowed change " + spec.allowedChange() : "";
        return name + ": " + values + "; " + test + " " + sequential + allowance;
    }

    private static double information(final long canary, final long stable) {
        return (double) canary * stable / (canary + stable);
    }

    private static Double finite(final double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static String percent(final double rate) {
        return String.format(Locale.ROOT, "%.3g%%", rate * 100);
    }

    private static String number(final double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.4g", value) : value > 0 ? "+inf" : "-inf";
    }

    private static String pValue(final double p) {
        return String.format(Locale.ROOT, "%.3g", p);
    }
}

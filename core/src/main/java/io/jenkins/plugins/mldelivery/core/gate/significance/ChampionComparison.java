package io.jenkins.plugins.mldelivery.core.gate.significance;

/**
 * Compares the challenger with the champion on one metric from their paired predictions, choosing
 * the test the metric calls for: McNemar's test for a plain accuracy difference, DeLong's test for
 * ROC AUC, and the paired bootstrap for every other metric and for thresholds with a margin or a
 * factor (which McNemar's test cannot express).
 */
public final class ChampionComparison {
    private ChampionComparison() {
        // static entry point only
    }

    /**
     * Weighs the evidence that {@code challenger - slope * champion} differs from {@code margin}.
     *
     * @param rows       the paired predictions (already restricted to a slice if the rule names one)
     * @param metric     the metric
     * @param name       the metric's name as the rule wrote it, slice included
     * @param slope      the factor on the champion's metric
     * @param margin     the difference the threshold allows
     * @param confidence the confidence level of the interval
     * @param settings   the bootstrap's resamples and seed
     * @return the evidence
     * @throws IllegalArgumentException with a message for the user when the predictions cannot give the metric
     */
    public static ComparisonEvidence compare(final PairedPredictions rows, final PredictionMetric metric, final String name,
            final double slope, final double margin, final double confidence, final BootstrapSettings settings) {
        checkColumns(rows, metric);
        if (rows.size() == 0) {
            throw new IllegalArgumentException("no predictions rows for " + name);
        }
        byte[] labels = rows.labels();
        ModelPredictions challenger = rows.challenger();
        ModelPredictions champion = rows.champion();
        if (metric == PredictionMetric.ROC_AUC) {
            return delong(rows, name, slope, margin, confidence);
        }
        double challengerValue = metric.value(labels, challenger);
        double championValue = metric.value(labels, champion);
        PairedBootstrap bootstrap = PairedBootstrap.run(rows.size(),
                metric.pairedDifference(labels, challenger, champion, slope), settings);
        Interval interval = bootstrap.interval(confidence);
        if (metric == PredictionMetric.ACCURACY && slope == 1 && margin == 0) {
            McNemarTest test = mcnemar(labels, challenger.predictions(), champion.predictions());
            return new ComparisonEvidence(name, test.method().label(), rows.size(), challengerValue, championValue, slope,
                    challengerValue - championValue, margin, confidence, interval, "paired-bootstrap-percentile",
                    test.statistic(), test.pValue(), bootstrap.resamples(), settings.seed(),
                    test.discordantChallenger(), test.discordantChampion());
        }
        return new ComparisonEvidence(name, "paired-bootstrap", rows.size(), challengerValue, championValue, slope,
                challengerValue - slope * championValue, margin, confidence, interval, "paired-bootstrap-percentile",
                null, bootstrap.pValue(margin), bootstrap.resamples(), settings.seed(), null, null);
    }

    private static ComparisonEvidence delong(final PairedPredictions rows, final String name, final double slope,
            final double margin, final double confidence) {
        DeLongTest test = DeLongTest.of(rows.labels(), rows.challenger().probabilities(), rows.champion().probabilities(), slope);
        return new ComparisonEvidence(name, "delong", rows.size(), test.aucChallenger(), test.aucChampion(), slope,
                test.difference(), margin, confidence, test.interval(confidence), "delong-normal",
                test.z(margin), test.pValue(margin), null, null, null, null);
    }

    /** Counts the discordant rows: b where only the challenger is right, c where only the champion is. */
    static McNemarTest mcnemar(final byte[] labels, final byte[] challenger, final byte[] champion) {
        long b = 0;
        long c = 0;
        for (int i = 0; i < labels.length; i++) {
            boolean challengerRight = challenger[i] == labels[i];
            boolean championRight = champion[i] == labels[i];
            if (challengerRight && !championRight) {
                b++;
            }
            else if (championRight && !challengerRight) {
                c++;
            }
        }
        return McNemarTest.of(b, c);
    }

    private static void checkColumns(final PairedPredictions rows, final PredictionMetric metric) {
        boolean present = switch (metric.needs()) {
            case PREDICTION -> true;
            case PROBABILITY -> rows.challenger().probabilities() != null && rows.champion().probabilities() != null;
            case LATENCY -> rows.challenger().latencies() != null && rows.champion().latencies() != null;
        };
        if (!present) {
            throw new IllegalArgumentException(metric.metricName() + " needs the column '" + metric.needs().column()
                    + "' in both predictions files");
        }
    }
}

// The drift benchmark: seeded synthetic reference/current pairs with known truth, profiled and
// compared exactly as `validate` does (ColumnProfiler -> DatasetProfile -> ProfileDrift), under the
// default policy and, for contrast, a p-value-only policy. Run through bench/drift-benchmark.

import io.jenkins.plugins.mldelivery.core.drift.ColumnDrift;
import io.jenkins.plugins.mldelivery.core.drift.DecisionRule;
import io.jenkins.plugins.mldelivery.core.drift.DriftPolicy;
import io.jenkins.plugins.mldelivery.core.drift.DriftReport;
import io.jenkins.plugins.mldelivery.core.drift.ProfileDrift;
import io.jenkins.plugins.mldelivery.core.profile.ColumnProfiler;
import io.jenkins.plugins.mldelivery.core.profile.DatasetProfile;
import io.jenkins.plugins.mldelivery.core.table.ColumnType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

public class DriftBenchmark {
    /** An injected change: which column it touches (null: none that matters) and how. */
    enum Scenario {
        NO_CHANGE("no change", null),
        NEGLIGIBLE("negligible: 0.02σ shift, 1 pp category move, missing 1% → 1.3%", null),
        SHIFT_010("mean shift 0.1σ (at the threshold)", "gauss"),
        SHIFT_025("mean shift 0.25σ", "gauss"),
        SHIFT_050("mean shift 0.5σ", "gauss"),
        VARIANCE("standard deviation ×1.5", "gauss"),
        CATEGORY("category shares move 15 pp", "segment"),
        CATEGORY_010("category shares: 10 pp between the two largest (near the threshold)", "segment"),
        MISSING("missing spike 1% → 20%", "spiky");

        final String label;
        final String changed;

        Scenario(final String label, final String changed) {
            this.label = label;
            this.changed = changed;
        }

        /** Whether the change sits at its measure's threshold, so that catching it is a coin toss by design. */
        boolean borderline() {
            return this == SHIFT_010 || this == CATEGORY_010;
        }
    }

    static final String[] SEGMENTS = {"a", "b", "c", "d"};
    static final double[] SEGMENT_SHARES = {0.4, 0.3, 0.2, 0.1};

    /** Eight columns: five numeric (normal, normal with missing, log-normal, integer counts, uniform), three categorical. */
    static DatasetProfile dataset(final long seed, final int rows, final Scenario scenario, final boolean current) {
        SplittableRandom random = new SplittableRandom(seed);
        Scenario s = current ? scenario : Scenario.NO_CHANGE;
        double shift = switch (s) {
            case NEGLIGIBLE -> 0.02;
            case SHIFT_010 -> 0.1;
            case SHIFT_025 -> 0.25;
            case SHIFT_050 -> 0.5;
            default -> 0;
        };
        double scale = s == Scenario.VARIANCE ? 1.5 : 1;
        double missingShare = s == Scenario.MISSING ? 0.20 : s == Scenario.NEGLIGIBLE ? 0.013 : 0.01;
        double[] shares = s == Scenario.CATEGORY ? new double[] {0.25, 0.45, 0.2, 0.1}
                : s == Scenario.CATEGORY_010 ? new double[] {0.3, 0.4, 0.2, 0.1}
                : s == Scenario.NEGLIGIBLE ? new double[] {0.39, 0.31, 0.2, 0.1} : SEGMENT_SHARES;

        ColumnProfiler gauss = new ColumnProfiler("gauss", ColumnType.DECIMAL, 1);
        ColumnProfiler spiky = new ColumnProfiler("spiky", ColumnType.DECIMAL, 1);
        ColumnProfiler income = new ColumnProfiler("income", ColumnType.DECIMAL, 1);
        ColumnProfiler visits = new ColumnProfiler("visits", ColumnType.INTEGER, 1);
        ColumnProfiler ratio = new ColumnProfiler("ratio", ColumnType.DECIMAL, 1);
        ColumnProfiler segment = ColumnProfiler.of("segment", ColumnType.STRING);
        ColumnProfiler flag = ColumnProfiler.of("flag", ColumnType.STRING);
        ColumnProfiler city = ColumnProfiler.of("city", ColumnType.STRING);
        for (int i = 0; i < rows; i++) {
            gauss.add(random.nextGaussian() * scale + shift);
            if (random.nextDouble() < missingShare) {
                spiky.addMissing(1);
            }
            else {
                spiky.add(random.nextGaussian());
            }
            income.add(Math.exp(10 + 0.5 * random.nextGaussian()));
            visits.add(Math.max(0, Math.round(10 + 3 * random.nextGaussian())));
            ratio.add(random.nextDouble());
            segment.add(pick(random.nextDouble(), shares));
            flag.add(random.nextDouble() < 0.3 ? "yes" : "no");
            // 50 cities with Zipf-like shares
            city.add("city-" + (int) Math.floor(Math.pow(51, random.nextDouble()) - 1));
        }
        return DatasetProfile.of(null, rows, List.of(gauss.build(), spiky.build(), income.build(), visits.build(),
                ratio.build(), segment.build(), flag.build(), city.build()));
    }

    static String pick(final double u, final double[] shares) {
        double cumulative = 0;
        for (int i = 0; i < shares.length; i++) {
            cumulative += shares[i];
            if (u < cumulative) {
                return SEGMENTS[i];
            }
        }
        return SEGMENTS[shares.length - 1];
    }

    /** Counts of one (size, scenario, policy) cell. */
    static final class Tally {
        int caught;
        int changed;
        int falseAlarms;
        int unchanged;
        int datasetAlarms;
        int trials;
        int nearThreshold;
        int compared;
        final Map<String, Integer> nearByColumn = new java.util.TreeMap<>();

        void add(final DriftReport report, final Scenario scenario) {
            trials++;
            for (ColumnDrift column : report.columns()) {
                compared++;
                nearThreshold += column.effectNearThreshold() ? 1 : 0;
                if (column.effectNearThreshold()) {
                    nearByColumn.merge(column.name() + (column.name().equals(scenario.changed) ? " (changed)" : ""), 1, Integer::sum);
                }
                if (column.name().equals(scenario.changed)) {
                    changed++;
                    caught += column.drifted() ? 1 : 0;
                }
                else {
                    unchanged++;
                    falseAlarms += column.drifted() ? 1 : 0;
                }
            }
            datasetAlarms += report.datasetDrift() ? 1 : 0;
        }
    }

    public static void main(final String[] args) {
        boolean quick = args.length > 0 && args[0].equals("--quick");
        int[] sizes = quick ? new int[] {1_000, 20_000} : new int[] {500, 5_000, 50_000, 1_000_000};
        int[] trials = quick ? new int[] {10, 3} : new int[] {100, 40, 20, 5};
        DriftPolicy byDefault = DriftPolicy.defaults();
        DriftPolicy pValueOnly = DriftPolicy.builder().rule(DecisionRule.SIGNIFICANT).build();

        Map<String, Tally[]> results = new LinkedHashMap<>();
        Tally[] totals = {new Tally(), new Tally()};
        Tally[] borderline = {new Tally(), new Tally()};
        long started = System.nanoTime();
        for (int z = 0; z < sizes.length; z++) {
            for (Scenario scenario : Scenario.values()) {
                Tally[] cell = {new Tally(), new Tally()};
                for (int t = 0; t < trials[z]; t++) {
                    long seed = 1_000_003L * (z + 1) + 7_919L * scenario.ordinal() + 104_729L * t;
                    DatasetProfile reference = dataset(seed, sizes[z], scenario, false);
                    DatasetProfile current = dataset(seed + 1, sizes[z], scenario, true);
                    DriftPolicy[] policies = {byDefault, pValueOnly};
                    for (int p = 0; p < 2; p++) {
                        DriftReport report = ProfileDrift.compare(reference, current, policies[p]);
                        cell[p].add(report, scenario);
                        (scenario.borderline() ? borderline : totals)[p].add(report, scenario);
                    }
                }
                results.put(sizes[z] + "|" + scenario.label, cell);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        System.out.println("| rows per side | scenario | trials | default: caught | default: false alarms | p-value only: caught | p-value only: false alarms |");
        System.out.println("|---:|---|---:|---:|---:|---:|---:|");
        results.forEach((key, cell) -> {
            String[] parts = key.split("\\|", 2);
            System.out.printf(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s |%n", parts[0], parts[1], cell[0].trials,
                    rate(cell[0].caught, cell[0].changed), rate(cell[0].falseAlarms, cell[0].unchanged),
                    rate(cell[1].caught, cell[1].changed), rate(cell[1].falseAlarms, cell[1].unchanged));
        });
        System.out.println();
        System.out.println("| policy | catch rate (0.25σ, 0.5σ, variance, category, missing) | catch rate at the threshold (0.1σ shift, 10 pp move) | column false-alarm rate | dataset drift on pairs without a change that matters | columns reported near the threshold (sketch band) |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        String[] names = {"default (BH, significant and large)", "p-value only (BH, significant)"};
        for (int p = 0; p < 2; p++) {
            int noChangeDataset = 0;
            int noChangeTrials = 0;
            for (Map.Entry<String, Tally[]> entry : results.entrySet()) {
                if (entry.getKey().endsWith("|" + Scenario.NO_CHANGE.label) || entry.getKey().endsWith("|" + Scenario.NEGLIGIBLE.label)) {
                    noChangeDataset += entry.getValue()[p].datasetAlarms;
                    noChangeTrials += entry.getValue()[p].trials;
                }
            }
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", names[p], rate(totals[p].caught, totals[p].changed),
                    rate(borderline[p].caught, borderline[p].changed),
                    rate(totals[p].falseAlarms + borderline[p].falseAlarms, totals[p].unchanged + borderline[p].unchanged),
                    rate(noChangeDataset, noChangeTrials),
                    rate(totals[p].nearThreshold + borderline[p].nearThreshold, totals[p].compared + borderline[p].compared));
        }
        System.out.println();
        System.out.println("| rows per side | scenario | default: columns near the threshold |");
        System.out.println("|---:|---|---|");
        results.forEach((key, cell) -> {
            if (cell[0].nearThreshold > 0) {
                String[] parts = key.split("\\|", 2);
                System.out.printf(Locale.ROOT, "| %s | %s | %d: %s |%n", parts[0], parts[1], cell[0].nearThreshold, cell[0].nearByColumn);
            }
        });
        System.out.printf(Locale.ROOT, "%n%d columns per pair (5 numeric, 3 categorical); %.0f s%n", 8, seconds);
    }

    static String rate(final int hits, final int of) {
        return of == 0 ? "–" : String.format(Locale.ROOT, "%.1f%% (%d/%d)", 100.0 * hits / of, hits, of);
    }
}

import io.jenkins.plugins.mldelivery.core.canary.CanaryResult;
import io.jenkins.plugins.mldelivery.core.canary.RolloutController;
import io.jenkins.plugins.mldelivery.core.canary.judge.MetricSamples;
import io.jenkins.plugins.mldelivery.core.canary.judge.Observation;
import io.jenkins.plugins.mldelivery.core.canary.judge.RolloutJudge;
import io.jenkins.plugins.mldelivery.core.canary.judge.ShiftEstimate;
import io.jenkins.plugins.mldelivery.core.canary.judge.StepJudgement;
import io.jenkins.plugins.mldelivery.core.canary.judge.StepVerdict;
import io.jenkins.plugins.mldelivery.core.canary.plan.AllowedChange;
import io.jenkins.plugins.mldelivery.core.canary.plan.Direction;
import io.jenkins.plugins.mldelivery.core.canary.plan.MetricKind;
import io.jenkins.plugins.mldelivery.core.canary.plan.MetricSpec;
import io.jenkins.plugins.mldelivery.core.canary.plan.PlanReader;
import io.jenkins.plugins.mldelivery.core.canary.plan.RolloutPlan;
import io.jenkins.plugins.mldelivery.core.canary.plan.RouterSpec;
import io.jenkins.plugins.mldelivery.core.canary.plan.SpendingFunction;
import io.jenkins.plugins.mldelivery.core.canary.plan.Thresholds;
import io.jenkins.plugins.mldelivery.core.canary.plan.TrafficStep;
import io.jenkins.plugins.mldelivery.core.canary.router.CommandRouter;
import io.jenkins.plugins.mldelivery.core.canary.router.KubernetesCluster;
import io.jenkins.plugins.mldelivery.core.canary.router.KubernetesRouter;
import io.jenkins.plugins.mldelivery.core.canary.router.TrafficRouter;
import io.jenkins.plugins.mldelivery.core.canary.runtime.Sleeper;
import io.jenkins.plugins.mldelivery.core.canary.source.AnalysisWindow;
import io.jenkins.plugins.mldelivery.core.canary.source.Collected;
import io.jenkins.plugins.mldelivery.core.canary.source.MetricSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The canary judge by simulation, with known truth: the false-alarm rate when the canary is as good
 * as the stable version, and the traffic needed to catch a canary that doubles the error rate, for
 * the sequential judge of this project and for the judges it replaces; then the time from a failed
 * analysis to a completed rollback on the fabric8 Kubernetes mock server and with a command router.
 * Seeded: the same arguments print the same tables (except the timings).
 */
public class CanarySimulation {
    private static final double STABLE_ERROR_RATE = 0.01;
    private static final int[] WEIGHTS = {5, 25, 50};
    private static final int INTERVALS_PER_STEP = 10;
    private static final double ALPHA = 0.05;
    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final java.util.logging.Logger MOCK_SERVER_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    /** A judge that looks at each analysed step and may stop the rollout there. */
    interface Judge {
        String name();

        /** Returns the step (0-based) at which the judge rolled back, or -1 if it promoted. */
        int run(long[][] stableEvents, long[][] canaryEvents, long stablePerInterval, long canaryPerInterval);
    }

    public static void main(final String[] args) throws Exception {
        MOCK_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
        boolean quick = Arrays.asList(args).contains("--quick");
        int nullRuns = quick ? 2_000 : 20_000;
        int gridRuns = quick ? 500 : 4_000;
        long[] volumes = quick ? new long[] {500, 2000} : new long[] {100, 200, 300, 500, 1000, 2000, 4000};
        List<Judge> judges = List.of(sequential(SpendingFunction.OBRIEN_FLEMING), sequential(SpendingFunction.POCOCK), kayenta(), peeking(),
                fixedAtLastStep());
        long started = System.nanoTime();

        System.out.println("## Canary judges on a 2x error-rate regression");
        System.out.println();
        System.out.printf(Locale.ROOT, "Stable error rate %.0f%%; steps %s%% (then 100%% = promotion), %d one-minute intervals per step; "
                + "requests per minute shared by weight; alpha %.2f.%n%n", STABLE_ERROR_RATE * 100, Arrays.toString(WEIGHTS),
                INTERVALS_PER_STEP, ALPHA);

        System.out.printf(Locale.ROOT, "### No regression: false-alarm rate (%d seeded runs, 2000 requests/min)%n%n", nullRuns);
        System.out.println("| judge | false alarms | 95% interval |");
        System.out.println("|---|---|---|");
        for (Judge judge : judges) {
            Outcome outcome = simulate(judge, 2000, STABLE_ERROR_RATE, nullRuns, 11);
            double[] interval = wilson(outcome.rolledBack, nullRuns);
            System.out.printf(Locale.ROOT, "| %s | %.4f | %.4f – %.4f |%n", judge.name(), outcome.rolledBack / (double) nullRuns,
                    interval[0], interval[1]);
        }

        System.out.printf(Locale.ROOT, "%n### 2x regression (canary %.0f%% errors): detection and canary traffic until rollback (%d runs per cell)%n%n",
                2 * STABLE_ERROR_RATE * 100, gridRuns);
        System.out.println("| requests/min | judge | false alarms (no regression) | detected | canary requests until rollback (mean, detected runs) | rolled back at step 1/2/3 |");
        System.out.println("|---|---|---|---|---|---|");
        Map<String, String> toDetect = new java.util.LinkedHashMap<>();
        for (long volume : volumes) {
            for (Judge judge : judges) {
                Outcome none = simulate(judge, volume, STABLE_ERROR_RATE, gridRuns, 101 + volume);
                Outcome regression = simulate(judge, volume, 2 * STABLE_ERROR_RATE, gridRuns, 202 + volume);
                double power = regression.rolledBack / (double) gridRuns;
                System.out.printf(Locale.ROOT, "| %d | %s | %.3f | %.3f | %s | %d / %d / %d |%n", volume, judge.name(),
                        none.rolledBack / (double) gridRuns, power,
                        regression.rolledBack == 0 ? "-" : String.format(Locale.ROOT, "%.0f", regression.canaryRequests / (double) regression.rolledBack),
                        regression.atStep[0], regression.atStep[1], regression.atStep[2]);
                if (power >= 0.9 && !toDetect.containsKey(judge.name())) {
                    toDetect.put(judge.name(), String.format(Locale.ROOT, "%d requests/min; %.0f canary requests on average until rollback",
                            volume, regression.canaryRequests / (double) regression.rolledBack));
                }
            }
        }
        System.out.println();
        System.out.println("### Traffic needed to detect the 2x regression with at least 90% probability (smallest volume in the grid)");
        System.out.println();
        for (Judge judge : judges) {
            System.out.println("- " + judge.name() + ": " + toDetect.getOrDefault(judge.name(), "not reached in the grid"));
        }
        System.out.printf(Locale.ROOT, "%nSimulation run time: %.1f s%n%n", (System.nanoTime() - started) / 1e9);

        rollbackTimes(quick ? 5 : 30);
    }

    private record Outcome(int rolledBack, long canaryRequests, int[] atStep) {
    }

    private static Outcome simulate(final Judge judge, final long perMinute, final double canaryRate, final int runs, final long seed) {
        int rolledBack = 0;
        long canaryRequests = 0;
        int[] atStep = new int[WEIGHTS.length];
        for (int run = 0; run < runs; run++) {
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + run);
            long[][] stable = new long[WEIGHTS.length][INTERVALS_PER_STEP];
            long[][] canary = new long[WEIGHTS.length][INTERVALS_PER_STEP];
            for (int s = 0; s < WEIGHTS.length; s++) {
                long canaryN = Math.round(perMinute * WEIGHTS[s] / 100.0);
                for (int i = 0; i < INTERVALS_PER_STEP; i++) {
                    stable[s][i] = binomial(random, perMinute - canaryN, STABLE_ERROR_RATE);
                    canary[s][i] = binomial(random, canaryN, canaryRate);
                }
            }
            int step = judge.run(stable, canary, perMinute, 0);
            if (step >= 0) {
                rolledBack++;
                atStep[step]++;
                for (int s = 0; s <= step; s++) {
                    canaryRequests += Math.round(perMinute * WEIGHTS[s] / 100.0) * INTERVALS_PER_STEP;
                }
            }
        }
        return new Outcome(rolledBack, canaryRequests, atStep);
    }

    /** This project's judge: a test on proportions per step, combined over steps with error spending. */
    private static Judge sequential(final SpendingFunction spending) {
        List<TrafficStep> steps = Arrays.stream(WEIGHTS).mapToObj(w -> new TrafficStep(w, Duration.ofMinutes(INTERVALS_PER_STEP))).toList();
        RolloutJudge judge = new RolloutJudge(List.of(new MetricSpec("error_rate", MetricKind.RATE, Direction.INCREASE, AllowedChange.NONE,
                true, false, 1, Map.of())), ALPHA, Thresholds.DEFAULT, RolloutJudge.plannedFractions(steps), spending);
        return new Judge() {
            public String name() {
                return spending == SpendingFunction.POCOCK ? "sequential (ours), spending: pocock"
                        : "sequential (ours, default): proportions + O'Brien-Fleming spending";
            }

            public int run(final long[][] stable, final long[][] canary, final long perMinute, final long unused) {
                List<StepJudgement> history = new ArrayList<>();
                for (int s = 0; s < WEIGHTS.length; s++) {
                    long canaryN = Math.round(perMinute * WEIGHTS[s] / 100.0) * INTERVALS_PER_STEP;
                    long stableN = perMinute * INTERVALS_PER_STEP - canaryN;
                    StepJudgement step = judge.judge(s, WEIGHTS[s], Map.of("error_rate", new MetricSamples(
                            new Observation.Counts(sum(stable[s]), stableN), new Observation.Counts(sum(canary[s]), canaryN))), history);
                    if (step.verdict() == StepVerdict.FAIL) {
                        return s;
                    }
                    history.add(step);
                }
                return -1;
            }
        };
    }

    /**
     * Kayenta's Mann-Whitney classifier at each step, fixed horizon: per-interval error rates of the
     * canary against the stable version's, High when the 95% Hodges-Lehmann interval's lower bound
     * exceeds a quarter of the estimate's size (MannWhitneyClassifier, fraction 0.25, confLevel 0.95).
     */
    private static Judge kayenta() {
        return new Judge() {
            public String name() {
                return "Kayenta-like: Mann-Whitney on per-minute rates, each step";
            }

            public int run(final long[][] stable, final long[][] canary, final long perMinute, final long unused) {
                for (int s = 0; s < WEIGHTS.length; s++) {
                    long canaryN = Math.round(perMinute * WEIGHTS[s] / 100.0);
                    double[] c = Arrays.stream(canary[s]).mapToDouble(e -> (double) e / canaryN).toArray();
                    double[] b = Arrays.stream(stable[s]).mapToDouble(e -> (double) e / (perMinute - canaryN)).toArray();
                    if (Arrays.equals(c, b)) {
                        continue;
                    }
                    ShiftEstimate shift = ShiftEstimate.of(c, b, 0.95);
                    if (shift.lower() > 0.25 * Math.abs(shift.estimate())) {
                        return s;
                    }
                }
                return -1;
            }
        };
    }

    /** The same test on proportions at every step at the full alpha: what looking repeatedly costs without error spending. */
    private static Judge peeking() {
        return new Judge() {
            public String name() {
                return "proportions at full alpha each step (peeking)";
            }

            public int run(final long[][] stable, final long[][] canary, final long perMinute, final long unused) {
                long se = 0;
                long sn = 0;
                long ce = 0;
                long cn = 0;
                for (int s = 0; s < WEIGHTS.length; s++) {
                    long canaryN = Math.round(perMinute * WEIGHTS[s] / 100.0) * INTERVALS_PER_STEP;
                    se += sum(stable[s]);
                    sn += perMinute * INTERVALS_PER_STEP - canaryN;
                    ce += sum(canary[s]);
                    cn += canaryN;
                    if (pValue(ce, cn, se, sn) < ALPHA) {
                        return s;
                    }
                }
                return -1;
            }
        };
    }

    /** One test on proportions after the last step: the fixed-horizon design the sequential judge must match in power. */
    private static Judge fixedAtLastStep() {
        return new Judge() {
            public String name() {
                return "proportions once, after the last step";
            }

            public int run(final long[][] stable, final long[][] canary, final long perMinute, final long unused) {
                long se = 0;
                long sn = 0;
                long ce = 0;
                long cn = 0;
                for (int s = 0; s < WEIGHTS.length; s++) {
                    long canaryN = Math.round(perMinute * WEIGHTS[s] / 100.0) * INTERVALS_PER_STEP;
                    se += sum(stable[s]);
                    sn += perMinute * INTERVALS_PER_STEP - canaryN;
                    ce += sum(canary[s]);
                    cn += canaryN;
                }
                return pValue(ce, cn, se, sn) < ALPHA ? WEIGHTS.length - 1 : -1;
            }
        };
    }

    private static double pValue(final long ce, final long cn, final long se, final long sn) {
        return io.jenkins.plugins.mldelivery.core.canary.judge.ProportionTest.test(new Observation.Counts(ce, cn),
                new Observation.Counts(se, sn)).pValueGreater();
    }

    /** Binomial draws by geometric waiting times: exact, and O(np) for the small rates simulated here. */
    private static long binomial(final SplittableRandom random, final long n, final double p) {
        if (n == 0) {
            return 0;
        }
        double logQ = Math.log1p(-p);
        long position = 0;
        long count = 0;
        while (true) {
            position += (long) Math.floor(Math.log(1 - random.nextDouble()) / logQ) + 1;
            if (position > n) {
                return count;
            }
            count++;
        }
    }

    private static long sum(final long[] values) {
        long total = 0;
        for (long value : values) {
            total += value;
        }
        return total;
    }

    /** The Wilson score interval of a proportion at 95%. */
    private static double[] wilson(final int successes, final int n) {
        double z = 1.959963984540054;
        double p = (double) successes / n;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z / (1 + z * z / n) * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /** Times from the failed analysis to the completed rollback, on the real clock. */
    private static void rollbackTimes(final int runs) throws Exception {
        System.out.printf(Locale.ROOT, "## Time from a failed analysis to a completed rollback (%d rollouts each, milliseconds)%n%n", runs);
        System.out.println("| router | median | p95 | max |");
        System.out.println("|---|---|---|---|");
        Path dir = Files.createTempDirectory("canary-bench-");
        for (String mode : List.of("kubernetes-replicas", "gateway-httproute", "command")) {
            long[] millis = new long[runs];
            for (int run = 0; run < runs; run++) {
                KubernetesCluster cluster = new KubernetesCluster();
                cluster.start();
                try {
                    cluster.deployment("credit-risk", "stable", "models/credit-risk:3", 10);
                    cluster.deployment("credit-risk-canary", "canary", "models/credit-risk:4", 0);
                    cluster.httpRoute("credit-risk", "credit-risk-stable", "credit-risk-canary");
                    Path file = dir.resolve(mode + "-" + run + ".yaml");
                    Files.writeString(file, plan(mode));
                    RolloutPlan plan = PlanReader.read(file);
                    TrafficRouter router = plan.router() instanceof RouterSpec.Kubernetes kubernetes
                            ? new KubernetesRouter(cluster.client(), kubernetes, Sleeper.REAL)
                            : new CommandRouter((RouterSpec.Command) plan.router(), dir);
                    try (RolloutController controller = RolloutController.create(plan, plan.stateFile(), router, new Regression(),
                            Clock.systemUTC(), Sleeper.REAL, "bench")) {
                        CanaryResult result = controller.run();
                        millis[run] = result.rollbackMillis();
                    }
                }
                finally {
                    cluster.stop();
                }
            }
            Arrays.sort(millis);
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %d |%n", mode, millis[runs / 2], millis[(int) Math.ceil(runs * 0.95) - 1],
                    millis[runs - 1]);
        }
        System.out.println();
        System.out.println("Kubernetes: fabric8 7.3.1 against its mock server in CRUD mode on loopback (no real API server, no pods to wait for);"
                + " command: `sh -c true` per router call.");
    }

    private static String plan(final String mode) {
        String router = switch (mode) {
            case "kubernetes-replicas" -> "{type: kubernetes-replicas, namespace: shop, stableDeployment: credit-risk, "
                    + "canaryDeployment: credit-risk-canary, readyTimeout: 0s}";
            case "gateway-httproute" -> "{type: gateway-httproute, namespace: shop, stableDeployment: credit-risk, "
                    + "canaryDeployment: credit-risk-canary, route: credit-risk, stableBackend: credit-risk-stable, "
                    + "canaryBackend: credit-risk-canary, readyTimeout: 0s}";
            default -> "{type: command, setWeight: \"sh -c true\", promote: \"sh -c true\", rollback: \"sh -c true\"}";
        };
        return String.join("\n", "model: credit-risk", "stable: {version: '3'}", "canary: {version: '4'}", "steps: [5, 25, 50, 100]",
                "interval: 0s", "metrics: [{name: error_rate, kind: rate, critical: true}]", "router: " + router,
                "source: {type: command, command: 'true'}", "");
    }

    /** A canary failing 20% of 100,000 requests against 1%: the first analysis fails. */
    private static final class Regression implements MetricSource {
        public Collected collect(final AnalysisWindow window) {
            return new Collected(Map.of("error_rate", new MetricSamples(new Observation.Counts(1000, 100_000),
                    new Observation.Counts(20_000, 100_000))), List.of());
        }
    }
}

package io.jenkins.plugins.mldelivery.core.canary.source;

import io.jenkins.plugins.mldelivery.core.canary.judge.MetricSamples;
import io.jenkins.plugins.mldelivery.core.canary.judge.Observation;
import io.jenkins.plugins.mldelivery.core.canary.plan.ModelIdentity;
import io.jenkins.plugins.mldelivery.core.canary.plan.SourceSpec;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.result.InputIdentity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An offline canary: each analysed step takes the next slice of the recorded requests, sends each
 * request to the canary with the step's probability (a seeded hash of its {@code id}, or of its row
 * number, so the split is reproducible and sticky as the weight grows) and the rest to the stable
 * version, runs both versions' scoring commands, and measures per request:
 * <ul>
 * <li>{@code error_rate}: requests without a valid prediction (the call failed or skipped the row);</li>
 * <li>{@code misclassification_rate}: wrong predictions among answered, labelled requests;</li>
 * <li>{@code positive_rate}: positive predictions among answered requests;</li>
 * <li>{@code logloss}: each answered, labelled request's log loss (probabilities clipped to [1e-15, 1 − 1e-15]);</li>
 * <li>{@code latency_ms}: the predictions' {@code latency_ms} column, or else each call's wall time per request (one sample per call).</li>
 * </ul>
 * A canary whose scoring command fails has its requests counted as errors; a stable version that
 * fails on every request leaves nothing to compare with, which is a failure of the source.
 */
public final class ReplaySource implements MetricSource {
    private static final double CLIP = 1e-15;

    private final SourceSpec.Replay spec;
    private final ModelIdentity stable;
    private final ModelIdentity canary;
    private final int analysedSteps;
    private final Path directory;
    private final RecordedRequests requests;

    /**
     * Creates the source.
     *
     * @param spec          the recorded requests and the scoring command
     * @param stable        the stable version and its model file
     * @param canary        the canary version and its model file
     * @param analysedSteps how many steps share the recorded requests when the plan gives no slice size
     * @param directory     the plan's directory: commands run there, relative model paths resolve against it
     */
    public ReplaySource(final SourceSpec.Replay spec, final ModelIdentity stable, final ModelIdentity canary,
            final int analysedSteps, final Path directory) {
        this.spec = spec;
        this.stable = stable;
        this.canary = canary;
        this.analysedSteps = analysedSteps;
        this.directory = directory;
        this.requests = new RecordedRequests(spec.requests());
    }

    @Override
    public Collected collect(final AnalysisWindow window) {
        long perStep = spec.requestsPerStep() > 0 ? spec.requestsPerStep() : Math.max(1, requests.rows() / analysedSteps);
        long from = window.step() * perStep;
        List<String> header = requests.header();
        int idColumn = header.indexOf("id");
        List<RecordedRequests.Row> toStable = new ArrayList<>();
        List<RecordedRequests.Row> toCanary = new ArrayList<>();
        requests.scan(from, from + perStep, row -> {
            String key = idColumn >= 0 ? row.fields().get(idColumn) : String.valueOf(row.number());
            (bucket(key, spec.seed()) < window.weight() * 100 ? toCanary : toStable).add(row);
        });
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "replayed requests %d-%d of %s: %d to the stable version, %d to the canary",
                from + 1, from + toStable.size() + toCanary.size(), spec.requests().getFileName(), toStable.size(), toCanary.size()));
        Tally stableTally = score(stable, "stable", header, toStable, notes);
        Tally canaryTally = score(canary, "canary", header, toCanary, notes);
        if (stableTally.requests > 0 && stableTally.failed == stableTally.requests) {
            throw new MetricSourceException("replay: the stable version's scoring failed on all " + stableTally.requests
                    + " of its requests, so there is nothing to compare the canary with: " + String.join("; ", notes), false, null);
        }
        Map<String, MetricSamples> samples = new LinkedHashMap<>();
        samples.put("error_rate", new MetricSamples(counts(stableTally.failed, stableTally.requests), counts(canaryTally.failed, canaryTally.requests)));
        samples.put("misclassification_rate", new MetricSamples(counts(stableTally.wrong, stableTally.labelled),
                counts(canaryTally.wrong, canaryTally.labelled)));
        samples.put("positive_rate", new MetricSamples(counts(stableTally.positive, stableTally.answered),
                counts(canaryTally.positive, canaryTally.answered)));
        samples.put("logloss", new MetricSamples(values(stableTally.logloss), values(canaryTally.logloss)));
        samples.put("latency_ms", new MetricSamples(values(stableTally.latency), values(canaryTally.latency)));
        return new Collected(samples, notes);
    }

    @Override
    public void checkInputs() {
        String requestsProblem = requests.problem();
        if (requestsProblem != null) {
            throw new BadInputException("source.requests: " + requestsProblem);
        }
        for (String role : List.of("stable", "canary")) {
            ModelIdentity version = "stable".equals(role) ? stable : canary;
            Path model = directory.resolve(version.model());
            if (!Files.exists(model)) {
                String from = version.alias() == null ? "" : " (version " + version.describe() + " in the registry)";
                throw new BadInputException(role + ".model: " + model + from + ": no such file");
            }
        }
    }

    @Override
    public List<InputIdentity> inputs() {
        List<InputIdentity> inputs = new ArrayList<>();
        inputs.add(InputIdentity.of(spec.requests()));
        for (ModelIdentity version : List.of(stable, canary)) {
            Path model = directory.resolve(version.model());
            if (Files.isRegularFile(model)) {
                inputs.add(InputIdentity.of(model));
            }
        }
        return inputs;
    }

    /** What one version's requests of a step got. */
    private static final class Tally {
        private long requests;
        private long failed;
        private long answered;
        private long positive;
        private long labelled;
        private long wrong;
        private final List<Double> logloss = new ArrayList<>();
        private final List<Double> latency = new ArrayList<>();
    }

    private Tally score(final ModelIdentity version, final String role, final List<String> header, final List<RecordedRequests.Row> rows,
            final List<String> notes) {
        Tally tally = new Tally();
        if (rows.isEmpty()) {
            return tally;
        }
        Path model = directory.resolve(version.model());
        Map<String, String> values = Map.of("model", model.toString(), "version", version.version(), "role", role);
        int batch = spec.batchSize() > 0 ? spec.batchSize() : rows.size();
        Path work = temporaryDirectory();
        try {
            for (int start = 0; start < rows.size(); start += batch) {
                List<RecordedRequests.Row> slice = rows.subList(start, Math.min(rows.size(), start + batch));
                ScoringCall.Result result = ScoringCall.run(spec.scoring(), values, directory, spec.retry().timeout(), header, slice, work);
                if (result.failure() != null) {
                    notes.add(role + " scoring failed on " + slice.size() + " requests, counted as errors: " + result.failure());
                }
                add(tally, result, slice.size());
            }
        }
        finally {
            delete(work);
        }
        return tally;
    }

    private static void add(final Tally tally, final ScoringCall.Result result, final int size) {
        int answeredHere = 0;
        for (ScoringCall.Answer answer : result.answers()) {
            tally.requests++;
            if (answer.prediction() == null) {
                tally.failed++;
                continue;
            }
            answeredHere++;
            tally.answered++;
            tally.positive += answer.prediction();
            if (answer.label() != null) {
                tally.labelled++;
                if (!answer.label().equals(answer.prediction())) {
                    tally.wrong++;
                }
                if (answer.probability() != null) {
                    double p = Math.min(1 - CLIP, Math.max(CLIP, answer.probability()));
                    tally.logloss.add(answer.label() == 1 ? -Math.log(p) : -Math.log(1 - p));
                }
            }
            if (result.latencyPerRow() && answer.latencyMillis() != null) {
                tally.latency.add(answer.latencyMillis());
            }
        }
        if (!result.latencyPerRow() && answeredHere > 0 && result.failure() == null) {
            tally.latency.add(result.elapsed().toNanos() / 1e6 / size);
        }
    }

    /**
     * Maps a request to one of 10,000 buckets with a seeded SplitMix64 finaliser of its key's
     * (platform-independent) hash; buckets below {@code weight × 100} go to the canary.
     */
    static int bucket(final String key, final long seed) {
        long z = key.hashCode() + seed * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (int) Math.floorMod(z, 10_000L);
    }

    private static Observation counts(final long events, final long trials) {
        return trials == 0 ? null : new Observation.Counts(events, trials);
    }

    private static Observation values(final List<Double> values) {
        return values.isEmpty() ? null : Observation.Values.of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("ml-delivery-replay-");
        }
        catch (IOException e) {
            throw new BadInputException("cannot create a temporary directory for the replay: " + e.getMessage(), e);
        }
    }

    private static void delete(final Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

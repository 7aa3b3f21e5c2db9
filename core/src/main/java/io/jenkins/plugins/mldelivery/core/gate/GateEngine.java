package io.jenkins.plugins.mldelivery.core.gate;

import io.jenkins.plugins.mldelivery.core.gate.rule.Expression;
import io.jenkins.plugins.mldelivery.core.gate.rule.GateRule;
import io.jenkins.plugins.mldelivery.core.gate.rule.MetricValues;
import io.jenkins.plugins.mldelivery.core.gate.rule.RuleParser;
import io.jenkins.plugins.mldelivery.core.gate.rule.RuleSource;
import io.jenkins.plugins.mldelivery.core.gate.rule.Side;
import io.jenkins.plugins.mldelivery.core.gate.rule.SignificanceRequirement;
import io.jenkins.plugins.mldelivery.core.gate.significance.ChampionComparison;
import io.jenkins.plugins.mldelivery.core.gate.significance.ComparisonEvidence;
import io.jenkins.plugins.mldelivery.core.gate.significance.HolmCorrection;
import io.jenkins.plugins.mldelivery.core.gate.significance.PairedPredictions;
import io.jenkins.plugins.mldelivery.core.gate.significance.PredictionMetric;
import io.jenkins.plugins.mldelivery.core.result.InputIdentity;
import io.jenkins.plugins.mldelivery.core.result.Status;
import io.jenkins.plugins.mldelivery.core.result.Timing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates a gate: parses every rule, checks the metrics they read, decides each rule (plain
 * comparisons from the metrics, significance rules from both models' predictions, their p-values
 * corrected together), and combines the outcomes into a verdict. Given both models' predictions and
 * no registered champion, the champion is the model of the second predictions file. Every rule is checked before any
 * is decided, so a typo in the last rule stops the gate before it says anything.
 */
public final class GateEngine {
    private final Clock clock;

    /**
     * Creates an engine.
     *
     * @param clock says when the gate starts and ends
     */
    public GateEngine(final Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Evaluates a gate.
     *
     * @param request the rules, metrics, champion and predictions
     * @return the verdict and the outcome of each rule
     * @throws io.jenkins.plugins.mldelivery.core.io.BadInputException for a rule that does not parse, a
     *         metric the run did not produce, or unreadable metrics or predictions
     */
    public GateResult evaluate(final GateRequest request) {
        Instant start = clock.instant();
        List<InputIdentity> inputs = new ArrayList<>();
        MetricValues metrics = request.metrics();
        if (metrics == null) {
            metrics = MetricsFile.read(request.metricsFile());
            inputs.add(InputIdentity.of(request.metricsFile()));
        }
        List<GateRule> rules = parse(request.rules());
        for (GateRule rule : rules) {
            if (rule.significance().isPresent()) {
                requireComputable(rule);
            }
            else {
                ReferenceCheck.requireChallengerMetrics(rule, metrics);
            }
        }
        Optional<Champion> champion = request.champion().isEmpty() && request.predictions() != null
                && request.championPredictions() != null
                ? Optional.of(championFromPredictions(request, rules, inputs)) : request.champion();
        List<Optional<String>> skips = rules.stream().map(rule -> skipReason(rule, champion, request.noChampionReason())).toList();
        Map<Integer, ComparisonEvidence> evidence = weighEvidence(request, rules, skips, inputs);
        Map<Integer, Double> adjusted = correct(evidence, request.correction());
        inputs.addAll(request.otherInputs());

        List<RuleOutcome> outcomes = new ArrayList<>();
        Status verdict = Status.PASSED;
        MetricValues championMetrics = champion.map(Champion::metrics).orElse(MetricValues.none());
        for (int i = 0; i < rules.size(); i++) {
            GateRule rule = rules.get(i);
            Severity severity = request.rules().get(i).severity();
            RuleOutcome outcome;
            if (skips.get(i).isPresent()) {
                outcome = RuleDecision.skipped(rule, severity, request.withoutChampion(), skips.get(i).get(), metrics);
            }
            else if (evidence.containsKey(i)) {
                outcome = RuleDecision.significance(rule, severity, evidence.get(i), adjusted.get(i));
            }
            else {
                outcome = RuleDecision.comparison(rule, severity, metrics, championMetrics);
            }
            outcomes.add(outcome);
            verdict = verdict.and(outcome.status());
        }
        return new GateResult(GateResult.STEP, verdict, verdict, Timing.since(start, clock), dedupe(inputs),
                champion.orElse(null), request.correction(), outcomes);
    }

    private static List<GateRule> parse(final List<RuleSpec> specs) {
        List<GateRule> rules = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            rules.add(RuleParser.parse(new RuleSource(i + 1, specs.get(i).text())));
        }
        return rules;
    }

    /**
     * Makes the champion of a gate given both models' predictions and no registered champion: its
     * metrics are those the plain rules read from it ({@code champion.accuracy},
     * {@code champion.f1[gender=F]}), computed from its predictions on the challenger's labels. A
     * metric the predictions cannot give (a slice aggregate, a metric that needs a column the file
     * lacks) is left out, so its rule is skipped as for a registered champion without that metric.
     */
    private static Champion championFromPredictions(final GateRequest request, final List<GateRule> rules,
            final List<InputIdentity> inputs) {
        Set<String> wanted = new LinkedHashSet<>();
        Set<String> attributes = new LinkedHashSet<>();
        for (GateRule rule : rules) {
            if (rule.significance().isPresent()) {
                continue;
            }
            for (Expression.Reference reference : rule.references()) {
                if (reference.side() == Side.CHAMPION && reference instanceof Expression.Metric metric
                        && PredictionMetric.byName(MetricValues.baseName(metric.name())).isPresent()) {
                    wanted.add(metric.name());
                    attributes.addAll(MetricValues.sliceConditions(metric.name()).keySet());
                }
            }
        }
        Map<String, Double> values = new LinkedHashMap<>();
        if (!wanted.isEmpty()) {
            PairedPredictions rows = PairedPredictions.read(request.predictions(), request.championPredictions(), attributes);
            inputs.add(InputIdentity.of(request.predictions()));
            inputs.add(InputIdentity.of(request.championPredictions()));
            for (String name : wanted) {
                PredictionMetric metric = PredictionMetric.byName(MetricValues.baseName(name)).orElseThrow();
                rows.slice(MetricValues.sliceConditions(name)).championValue(metric).ifPresent(value -> values.put(name, value));
            }
        }
        return Champion.fromPredictions(request.championPredictions(), MetricValues.of(values));
    }

    private static void requireComputable(final GateRule rule) {
        String metric = rule.significance().orElseThrow().metric();
        if (PredictionMetric.byName(MetricValues.baseName(metric)).isEmpty()) {
            throw rule.source().error("significance needs a metric the gate can compute from predictions ("
                    + PredictionMetric.names() + "), not '" + MetricValues.baseName(metric) + "'");
        }
    }

    private static Optional<String> skipReason(final GateRule rule, final Optional<Champion> champion, final String noChampion) {
        if (!rule.mentionsChampion()) {
            return Optional.empty();
        }
        if (champion.isEmpty()) {
            return Optional.of(noChampion);
        }
        return rule.significance().isPresent() ? Optional.empty() : ReferenceCheck.missingChampionMetric(rule, champion.get());
    }

    /** Reads both predictions files once and compares the models for every significance rule that is not skipped. */
    private static Map<Integer, ComparisonEvidence> weighEvidence(final GateRequest request, final List<GateRule> rules,
            final List<Optional<String>> skips, final List<InputIdentity> inputs) {
        List<Integer> tested = new ArrayList<>();
        Set<String> attributes = new LinkedHashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            Optional<SignificanceRequirement> requirement = rules.get(i).significance();
            if (requirement.isPresent() && skips.get(i).isEmpty()) {
                tested.add(i);
                attributes.addAll(MetricValues.sliceConditions(requirement.get().metric()).keySet());
            }
        }
        Map<Integer, ComparisonEvidence> evidence = new LinkedHashMap<>();
        if (tested.isEmpty()) {
            return evidence;
        }
        if (request.predictions() == null || request.championPredictions() == null) {
            throw rules.get(tested.get(0)).source().error("a significance rule needs both models' predictions on the same"
                    + " evaluation set: give the challenger's and the champion's predictions files (or a scoring command)");
        }
        PairedPredictions rows = PairedPredictions.read(request.predictions(), request.championPredictions(), attributes);
        inputs.add(InputIdentity.of(request.predictions()));
        inputs.add(InputIdentity.of(request.championPredictions()));
        for (int i : tested) {
            GateRule rule = rules.get(i);
            SignificanceRequirement requirement = rule.significance().orElseThrow();
            String metric = requirement.metric();
            try {
                PairedPredictions slice = rows.slice(MetricValues.sliceConditions(metric));
                evidence.put(i, ChampionComparison.compare(slice, PredictionMetric.byName(MetricValues.baseName(metric)).orElseThrow(),
                        metric, requirement.threshold().slope(), requirement.threshold().intercept(), requirement.confidence(),
                        request.bootstrap()));
            }
            catch (IllegalArgumentException e) {
                throw rule.source().error(e.getMessage());
            }
        }
        return evidence;
    }

    private static Map<Integer, Double> correct(final Map<Integer, ComparisonEvidence> evidence, final Correction correction) {
        List<Integer> keys = new ArrayList<>(evidence.keySet());
        double[] p = keys.stream().mapToDouble(key -> evidence.get(key).pValue()).toArray();
        double[] adjusted = correction == Correction.HOLM ? HolmCorrection.adjust(p) : p;
        Map<Integer, Double> result = new LinkedHashMap<>();
        for (int k = 0; k < keys.size(); k++) {
            result.put(keys.get(k), adjusted[k]);
        }
        return result;
    }

    private static List<InputIdentity> dedupe(final List<InputIdentity> inputs) {
        return List.copyOf(new LinkedHashSet<>(inputs));
    }

    /** Collects the values of the metrics a rule reads, named as in the rule, for the outcome's {@code values}. */
    static Map<String, Double> values(final GateRule rule, final MetricValues challenger, final MetricValues champion) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (Expression.Reference reference : rule.references()) {
            MetricValues source = reference.side() == Side.CHALLENGER ? challenger : champion;
            if (reference instanceof Expression.Metric metric) {
                source.find(metric.name()).ifPresent(value -> values.put(metric.toString(), value));
            }
            else {
                Expression.SliceAggregate aggregate = (Expression.SliceAggregate) reference;
                aggregate.slices(source).forEach((slice, value) -> values.put(reference.side()
                        .qualify(aggregate.metric() + "[" + aggregate.attribute() + "=" + slice + "]"), value));
            }
        }
        return values;
    }
}

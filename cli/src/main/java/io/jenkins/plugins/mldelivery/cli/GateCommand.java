package io.jenkins.plugins.mldelivery.cli;

import io.jenkins.plugins.mldelivery.core.gate.Champion;
import io.jenkins.plugins.mldelivery.core.gate.ChampionLookup;
import io.jenkins.plugins.mldelivery.core.gate.Correction;
import io.jenkins.plugins.mldelivery.core.gate.GateEngine;
import io.jenkins.plugins.mldelivery.core.gate.GateRequest;
import io.jenkins.plugins.mldelivery.core.gate.GateResult;
import io.jenkins.plugins.mldelivery.core.gate.RuleSpec;
import io.jenkins.plugins.mldelivery.core.gate.ScoringCommand;
import io.jenkins.plugins.mldelivery.core.gate.WithoutChampion;
import io.jenkins.plugins.mldelivery.core.gate.rule.GateRule;
import io.jenkins.plugins.mldelivery.core.gate.rule.RuleParser;
import io.jenkins.plugins.mldelivery.core.gate.rule.RuleSource;
import io.jenkins.plugins.mldelivery.core.gate.significance.BootstrapSettings;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.registry.RegistryUri;
import io.jenkins.plugins.mldelivery.core.result.InputIdentity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The {@code gate} command: judges a model's metrics against the team's rules and the registry's
 * champion, with significance tests on both models' predictions, and exits 1 when the gate fails.
 */
@Command(name = "gate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Judge a model against rules and the registry's champion: thresholds, margins to the"
                + " champion, gaps between slices, and significance tests on both models' predictions.",
                "PASSED and WARNING exit 0 (WARNING: a --warn-rule broke, or a champion rule was skipped);"
                + " FAILED exits 1. Rules are numbered --rule first, then --warn-rule, each in the order given."},
        footer = {"", "Rules (the grammar is in docs/gate.md):",
                "  accuracy >= 0.85",
                "  latency_p95_ms <= 40",
                "  f1 >= champion.f1 - 0.01",
                "  logloss <= champion.logloss * 1.02",
                "  max_gap(accuracy, by=gender) <= 0.05",
                "  f1 > champion.f1 significantly",
                "  f1 >= champion.f1 - 0.01 with 95%% confidence",
                "", "Examples:",
                "  ml-delivery gate --metrics metrics.json --rule 'accuracy >= 0.85' \\",
                "      --rule 'f1 >= champion.f1 - 0.01' \\",
                "      --registry file:registry --model credit-risk --json gate.json",
                "  ml-delivery gate --metrics metrics.json \\",
                "      --rule 'accuracy > champion.accuracy significantly' \\",
                "      --registry file:registry --model credit-risk \\",
                "      --eval-data eval.csv --challenger-model model \\",
                "      --score-command \\",
                "        'python predict.py --model {model} --data {data} --out {out}'",
                "", "Exit codes: 0 passed (or warning), 1 failed, 2 bad rule or input,",
                "3 registry unreachable."})
public final class GateCommand extends StepCommand<GateResult> {
    @Option(names = "--metrics", required = true, paramLabel = "FILE", order = 1,
            description = "The model's metrics: a flat JSON object (series keep their last value), or a train result.")
    private Path metrics;

    @Option(names = "--rule", paramLabel = "RULE", order = 2,
            description = "A rule that fails the gate when broken (FAILURE in Jenkins). Repeatable.")
    private List<String> rules = new ArrayList<>();

    @Option(names = "--warn-rule", paramLabel = "RULE", order = 3,
            description = "A rule that only warns when broken (UNSTABLE in Jenkins). Repeatable.")
    private List<String> warnRules = new ArrayList<>();

    @Option(names = "--registry", paramLabel = "URI", order = 4,
            description = "Where the champion is registered: file:DIR or mlflow:http://HOST:PORT.")
    private String registry;

    @Option(names = "--model", paramLabel = "NAME", order = 5, description = "The registered model's name (with --registry).")
    private String model;

    @Option(names = "--champion-alias", paramLabel = "ALIAS", order = 6, defaultValue = "champion",
            description = "The alias that names the champion (default: ${DEFAULT-VALUE}).")
    private String alias;

    @Option(names = "--without-champion", paramLabel = "pass|warn|fail", order = 7, defaultValue = "warn",
            description = "What a champion rule that cannot be decided (no champion yet, or it lacks the metric)"
                    + " does to the verdict (default: ${DEFAULT-VALUE}).")
    private WithoutChampion withoutChampion;

    @Option(names = "--predictions", paramLabel = "FILE", order = 8,
            description = "The model's predictions CSV on the evaluation set, for significance rules.")
    private Path predictions;

    @Option(names = "--champion-predictions", paramLabel = "FILE", order = 9,
            description = "The champion's predictions CSV on the same evaluation set.")
    private Path championPredictions;

    @Option(names = "--score-command", paramLabel = "CMD", order = 10,
            description = "Instead of predictions files: a command that scores one model, run for both; placeholders"
                    + " {model}, {data}, {out} (shell-quoted), e.g. 'python predict.py --model {model} --data {data} --out {out}'.")
    private String scoreCommand;

    @Option(names = "--eval-data", paramLabel = "FILE", order = 11, description = "The evaluation set given to --score-command as {data}.")
    private Path evalData;

    @Option(names = "--challenger-model", paramLabel = "PATH", order = 12, description = "The model under test, given to --score-command as {model}.")
    private String challengerModel;

    @Option(names = "--champion-model", paramLabel = "PATH", order = 13,
            description = "The champion's model for --score-command (default: the source the registry records for it).")
    private String championModel;

    @Option(names = "--predictions-dir", paramLabel = "DIR", order = 14,
            description = "Where --score-command writes the two predictions files (default: a temporary directory, removed after).")
    private Path predictionsDir;

    @Option(names = "--score-timeout", paramLabel = "SECONDS", order = 15, defaultValue = "1800",
            description = "How long one scoring may take (default: ${DEFAULT-VALUE}).")
    private long scoreTimeout;

    @Option(names = "--correction", paramLabel = "holm|none", order = 16, defaultValue = "holm",
            description = "Multiple-testing correction of several significance rules (default: ${DEFAULT-VALUE}).")
    private Correction correction;

    @Option(names = "--resamples", paramLabel = "N", order = 17, defaultValue = "2000",
            description = "Bootstrap resamples for intervals and bootstrap tests (default: ${DEFAULT-VALUE}).")
    private int resamples;

    @Option(names = "--seed", paramLabel = "N", order = 18, defaultValue = "1",
            description = "Seed of the bootstrap, for results identical on every run (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    protected GateResult execute() {
        checkOptions();
        GateRequest.Builder request = GateRequest.builder().metricsFrom(metrics).whenNoChampion(withoutChampion)
                .correction(correction).bootstrap(bootstrapSettings());
        rules.forEach(text -> request.rule(RuleSpec.failing(text)));
        warnRules.forEach(text -> request.rule(RuleSpec.warning(text)));
        Optional<Champion> champion = resolveChampion(request);
        if (scoreCommand == null) {
            request.predictions(predictions, championPredictions);
            return new GateEngine(Clock.systemUTC()).evaluate(request.build());
        }
        if (champion.isEmpty() || !needsPredictions()) {
            return new GateEngine(Clock.systemUTC()).evaluate(request.build());
        }
        return scoreAndEvaluate(request, champion.get());
    }

    private void checkOptions() {
        if (rules.isEmpty() && warnRules.isEmpty()) {
            throw new BadInputException("give at least one --rule or --warn-rule, e.g. --rule 'accuracy >= 0.85'");
        }
        if ((registry == null) != (model == null)) {
            throw new BadInputException("--registry and --model go together: the registry URI and the registered model's name");
        }
        if ((predictions == null) != (championPredictions == null)) {
            throw new BadInputException("--predictions and --champion-predictions go together: both models on the same evaluation set");
        }
        if (scoreCommand != null && (evalData == null || challengerModel == null)) {
            throw new BadInputException("--score-command needs --eval-data FILE and --challenger-model PATH");
        }
        if (scoreCommand != null && predictions != null) {
            throw new BadInputException("give either --predictions and --champion-predictions, or --score-command, not both");
        }
        if (scoreCommand == null && (evalData != null || challengerModel != null || championModel != null || predictionsDir != null)) {
            throw new BadInputException("--eval-data, --challenger-model, --champion-model and --predictions-dir only work with --score-command");
        }
        if (scoreTimeout <= 0) {
            throw new BadInputException("--score-timeout must be a positive number of seconds, not " + scoreTimeout);
        }
        if (scoreCommand != null) {
            new ScoringCommand(scoreCommand, Duration.ofSeconds(scoreTimeout));
        }
        parsedRules(); // a typo in a rule is reported before the registry is asked anything
    }

    private BootstrapSettings bootstrapSettings() {
        try {
            return new BootstrapSettings(resamples, seed);
        }
        catch (IllegalArgumentException e) {
            throw new BadInputException("--resamples: " + e.getMessage());
        }
    }

    /** Looks the champion up in the registry; the first model of a name has none, which is not an error. */
    private Optional<Champion> resolveChampion(final GateRequest.Builder request) {
        if (registry == null) {
            request.withoutChampionBecause("no champion to compare with (no --registry given)");
            return Optional.empty();
        }
        ChampionLookup lookup = ChampionLookup.find(RegistryUri.open(registry), model, alias);
        lookup.applyTo(request);
        return lookup.champion();
    }

    private List<GateRule> parsedRules() {
        List<String> all = new ArrayList<>(rules);
        all.addAll(warnRules);
        List<GateRule> parsed = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            parsed.add(RuleParser.parse(new RuleSource(i + 1, all.get(i))));
        }
        return parsed;
    }

    private boolean needsPredictions() {
        return parsedRules().stream().anyMatch(rule -> rule.significance().isPresent());
    }

    private GateResult scoreAndEvaluate(final GateRequest.Builder request, final Champion champion) {
        ScoringCommand scoring = new ScoringCommand(scoreCommand, Duration.ofSeconds(scoreTimeout));
        boolean temporary = predictionsDir == null;
        Path directory = temporary ? temporaryDirectory() : predictionsDir;
        try {
            Path workingDirectory = Paths.get("").toAbsolutePath();
            Path challengerOut = scoring.score("the challenger (" + challengerModel + ")", challengerModel, evalData,
                    directory.resolve("challenger-predictions.csv"), workingDirectory);
            String championSource = championModel != null ? championModel : champion.source();
            if (championSource == null) {
                throw new BadInputException("the registry records no model location for " + champion.describe()
                        + "; give --champion-model PATH");
            }
            Path championOut = scoring.score("the champion (" + champion.describe() + ")", championSource, evalData,
                    directory.resolve("champion-predictions.csv"), workingDirectory);
            request.predictions(challengerOut, championOut).input(InputIdentity.of(evalData));
            return new GateEngine(Clock.systemUTC()).evaluate(request.build());
        }
        finally {
            if (temporary) {
                deleteQuietly(directory);
            }
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("ml-delivery-gate");
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for predictions: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(final Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
        catch (IOException ignored) {
            // a leftover temporary directory must not hide the gate's verdict
        }
    }
}

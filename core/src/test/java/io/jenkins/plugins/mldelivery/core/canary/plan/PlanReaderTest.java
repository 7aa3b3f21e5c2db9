package io.jenkins.plugins.mldelivery.core.canary.plan;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class PlanReaderTest {
    private static final String PROMETHEUS_PLAN = String.join("\n",
            "model: credit-risk",
            "stable: {version: v3}",
            "canary: {version: v4}",
            "steps: [5, 25, {weight: 50, interval: 10m}, 100]",
            "interval: 5m",
            "maxDuration: 1h30m",
            "inconclusive: hold",
            "alpha: 0.01",
            "thresholds: {pass: 90, marginal: 60}",
            "metrics:",
            "  - name: error_rate",
            "    events: 'sum(increase(requests_total{version=\"{version}\",code=~\"5..\"}[{window}]))'",
            "    trials: 'sum(increase(requests_total{version=\"{version}\"}[{window}]))'",
            "    allowedChange: {ratio: 1.2}",
            "    critical: true",
            "  - name: latency_p95_ms",
            "    query: 'histogram_quantile(0.95, sum by (le) (rate(latency_bucket{version=\"{version}\"}[30s])))'",
            "    allowedChange: {absolute: 5}",
            "    mustHaveData: true",
            "    weight: 2",
            "router:",
            "  type: gateway-httproute",
            "  namespace: shop",
            "  stableDeployment: credit-risk",
            "  canaryDeployment: credit-risk-canary",
            "  route: credit-risk",
            "  stableBackend: credit-risk-stable",
            "  canaryBackend: credit-risk-canary",
            "source: {type: prometheus, url: 'http://prometheus:9090', resolution: 10s, retries: 5}",
            "");

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path write(final String yaml) throws IOException {
        Path file = folder.getRoot().toPath().resolve("plan.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private void assertRejected(final String yaml, final String message) throws IOException {
        Path file = write(yaml);
        assertThatThrownBy(() -> PlanReader.read(file)).isInstanceOf(BadInputException.class).hasMessage(file + ": " + message);
    }

    @Test
    public void shouldReadEveryPartOfAPrometheusPlan() throws IOException {
        Path file = write(PROMETHEUS_PLAN);

        RolloutPlan plan = PlanReader.read(file);

        assertThat(plan.steps()).containsExactly(new TrafficStep(5, Duration.ofMinutes(5)), new TrafficStep(25, Duration.ofMinutes(5)),
                new TrafficStep(50, Duration.ofMinutes(10)), new TrafficStep(100, Duration.ofMinutes(5)));
        assertThat(plan.analysedSteps()).hasSize(3);
        assertThat(plan.maxDuration()).isEqualTo(Duration.ofMinutes(90));
        assertThat(plan.inconclusive()).isEqualTo(InconclusivePolicy.HOLD);
        assertThat(plan.onRestart()).isEqualTo(RestartPolicy.RESUME);
        assertThat(plan.alpha()).isEqualTo(0.01);
        assertThat(plan.thresholds()).isEqualTo(new Thresholds(90, 60));
        assertThat(plan.stateFile()).isEqualTo(file.toAbsolutePath().getParent().resolve("plan.state.json"));
        assertThat(plan.metrics().get(0)).isEqualTo(new MetricSpec("error_rate", MetricKind.RATE, Direction.INCREASE,
                AllowedChange.ratio(1.2), true, false, 1, Map.of(
                "events", "sum(increase(requests_total{version=\"{version}\",code=~\"5..\"}[{window}]))",
                "trials", "sum(increase(requests_total{version=\"{version}\"}[{window}]))")));
        assertThat(plan.metrics().get(1).kind()).isEqualTo(MetricKind.CONTINUOUS);
        assertThat(plan.metrics().get(1).allowedChange()).isEqualTo(AllowedChange.absolute(5));
        assertThat(plan.metrics().get(1).weight()).isEqualTo(2);
        assertThat(plan.router()).isEqualTo(new RouterSpec.Kubernetes(RouterSpec.Mode.HTTP_ROUTE, "shop", null, "credit-risk",
                "credit-risk-canary", 0, 1, "credit-risk", "credit-risk-stable", "credit-risk-canary", null, null, Duration.ofMinutes(5)));
        assertThat(plan.source()).isEqualTo(new SourceSpec.Prometheus(URI.create("http://prometheus:9090"), Duration.ofSeconds(10), null,
                new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(10))));
        assertThat(plan.sha256()).hasSize(64);
    }

    @Test
    public void shouldLetStepArgumentsOverrideThePlan() throws IOException {
        RolloutPlan plan = PlanReader.read(write(PROMETHEUS_PLAN), Map.of("steps", List.of(10, 50), "interval", "1m"));

        assertThat(plan.steps()).containsExactly(new TrafficStep(10, Duration.ofMinutes(1)), new TrafficStep(50, Duration.ofMinutes(1)));
    }

    @Test
    public void shouldReadAReplayPlanWithItsDefaults() throws IOException {
        RolloutPlan plan = PlanReader.read(write(String.join("\n",
                "model: credit-risk",
                "stable: {version: '3', model: models/3/model.joblib}",
                "canary: {version: '4', model: models/4/model.joblib}",
                "steps: [10, 50, 100]",
                "metrics: [{name: misclassification_rate, critical: true}, {name: latency_ms}]",
                "source: {type: replay, requests: data/requests.csv, command: 'python predict.py --model {model} --data {input} --out {output}'}",
                "")));

        assertThat(plan.router()).isEqualTo(new RouterSpec.None());
        assertThat(plan.steps()).containsExactly(new TrafficStep(10, Duration.ZERO), new TrafficStep(50, Duration.ZERO), new TrafficStep(100, Duration.ZERO));
        assertThat(plan.metrics()).extracting(MetricSpec::kind).containsExactly(MetricKind.RATE, MetricKind.CONTINUOUS);
        SourceSpec.Replay replay = (SourceSpec.Replay) plan.source();
        assertThat(replay.requests()).isEqualTo(plan.directory().resolve("data/requests.csv"));
        assertThat(replay.scoring().arguments()).containsExactly("python", "predict.py", "--model", "{model}", "--data", "{input}", "--out", "{output}");
    }

    @Test
    public void shouldNameTheFileAndKeyOfAMisspeltKey() throws IOException {
        assertRejected(PROMETHEUS_PLAN.replace("    critical: true", "    critcal: true"),
                "metrics[0].critcal: unknown key (expected one of allowedChange, critical, direction, events, kind, mustHaveData, name, query, trials, weight)");
    }

    @Test
    public void shouldNameTheAllowedValuesOfABadDirection() throws IOException {
        assertRejected(PROMETHEUS_PLAN.replace("    weight: 2", "    weight: 2\n    direction: up"),
                "metrics[1].direction: expected one of increase, decrease, either, found 'up'");
    }

    @Test
    public void shouldRejectWeightsThatDoNotIncrease() throws IOException {
        assertRejected(PROMETHEUS_PLAN.replace("steps: [5, 25,", "steps: [25, 5,"), "steps[1]: expected weights that increase, found 5 after 25");
    }

    @Test
    public void shouldRejectAWeightAbove100() throws IOException {
        assertRejected(PROMETHEUS_PLAN.replace(", 100]", ", 150]"), "steps[3]: expected a whole number from 1 to 100, found 150");
    }

    @Test
    public void shouldAskForTheIntervalOutsideReplay() throws IOException {
        assertRejected(PROMETHEUS_PLAN.replace("interval: 5m\n", ""),
                "interval: missing (expected how long each step runs before its analysis, e.g. 5m)");
    }

    @Test
    public void shouldExplainABadDuration() throws IOException {
        assertRejected(PROMETHEUS_PLAN.replace("maxDuration: 1h30m", "maxDuration: soon"),
                "maxDuration: expected a duration such as 30s, 5m, 1h30m or PT5M, found 'soon'");
    }

    @Test
    public void shouldAskForTheQueriesOfAPrometheusRate() throws IOException {
        assertRejected(PROMETHEUS_PLAN.replace("    trials: 'sum(increase(requests_total{version=\"{version}\"}[{window}]))'\n", ""),
                "metrics[0].trials: missing (a rate from Prometheus needs an events and a trials query, e.g. "
                        + "'sum(increase(requests_total{version=\"{version}\",code=~\"5..\"}[{window}]))')");
    }

    @Test
    public void shouldRejectAnAllowedChangeWithBothRatioAndAbsolute() throws IOException {
        assertRejected(PROMETHEUS_PLAN.replace("{ratio: 1.2}", "{ratio: 1.2, absolute: 3}"),
                "metrics[0].allowedChange: expected exactly one of ratio (e.g. 1.1) or absolute (e.g. 5)");
    }

    @Test
    public void shouldRejectAMetricAReplayCannotMeasure() throws IOException {
        assertRejected(String.join("\n", "model: m", "stable: {version: '1', model: a}", "canary: {version: '2', model: b}", "steps: [50]",
                        "metrics: [{name: cpu_seconds}]", "source: {type: replay, requests: r.csv, command: 'score {model}'}", ""),
                "metrics[0].name: a replay measures error_rate, misclassification_rate, positive_rate, logloss, latency_ms, not 'cpu_seconds'");
    }

    @Test
    public void shouldRejectAMetricNamedTwice() throws IOException {
        assertRejected(PROMETHEUS_PLAN.replace("  - name: latency_p95_ms", "  - name: error_rate"), "metrics[1].name: 'error_rate' appears twice");
    }

    @Test
    public void shouldGiveTheLineOfAYamlSyntaxError() throws IOException {
        Path file = write("model: credit-risk\nsteps: [5, 25\n");

        assertThatThrownBy(() -> PlanReader.read(file)).isInstanceOf(BadInputException.class)
                .hasMessage(file + ":2:14: not valid YAML: while parsing a flow sequence: expected ',' or ']', but got <stream end>");
    }

    @Test
    public void shouldSayWhenThePlanFileIsMissing() {
        Path file = folder.getRoot().toPath().resolve("absent.yaml");

        assertThatThrownBy(() -> PlanReader.read(file)).isInstanceOf(BadInputException.class).hasMessage(file + ": no such plan file");
    }

    @Test
    public void shouldKeepPlaceholdersOutsideTheShell() {
        CommandTemplate command = CommandTemplate.parse("python 'my dir/predict.py' --model {model} --out \"{output}\"");

        assertThat(command.render(Map.of("model", "a b.joblib", "output", "o.csv")))
                .containsExactly("python", "my dir/predict.py", "--model", "a b.joblib", "--out", "o.csv");
    }

    @Test
    public void shouldParseDurationsAsPeopleWriteThem() {
        assertThat(DurationText.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationText.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(DurationText.parse("45")).isEqualTo(Duration.ofSeconds(45));
        assertThat(DurationText.parse("PT2M")).isEqualTo(Duration.ofMinutes(2));
        assertThat(DurationText.format(Duration.ofSeconds(3725))).isEqualTo("1h2m5s");
        assertThatThrownBy(() -> DurationText.parse("5 minutes")).isInstanceOf(IllegalArgumentException.class);
    }
}

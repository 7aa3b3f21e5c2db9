package io.jenkins.plugins.mldelivery.core.canary.source;

import io.jenkins.plugins.mldelivery.core.canary.judge.Observation;
import io.jenkins.plugins.mldelivery.core.canary.plan.AllowedChange;
import io.jenkins.plugins.mldelivery.core.canary.plan.CommandTemplate;
import io.jenkins.plugins.mldelivery.core.canary.plan.Direction;
import io.jenkins.plugins.mldelivery.core.canary.plan.MetricKind;
import io.jenkins.plugins.mldelivery.core.canary.plan.MetricSpec;
import io.jenkins.plugins.mldelivery.core.canary.plan.ModelIdentity;
import io.jenkins.plugins.mldelivery.core.canary.plan.RetryPolicy;
import io.jenkins.plugins.mldelivery.core.canary.plan.SourceSpec;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class CommandSourceTest {
    private static final AnalysisWindow WINDOW = new AnalysisWindow(0, 5, Instant.parse("2026-08-01T10:00:00Z"),
            Instant.parse("2026-08-01T10:02:00Z"));
    private static final List<MetricSpec> METRICS = List.of(
            new MetricSpec("latency_ms", MetricKind.CONTINUOUS, Direction.INCREASE, AllowedChange.NONE, false, false, 1, Map.of()),
            new MetricSpec("error_rate", MetricKind.RATE, Direction.INCREASE, AllowedChange.NONE, true, false, 1, Map.of()));

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private CommandSource source(final String script) {
        return new CommandSource(new SourceSpec.Command(CommandTemplate.of(List.of("sh", "-c", script, "metrics", "{window}", "{weight}",
                "{stableVersion}", "{canaryVersion}")), new RetryPolicy(0, Duration.ZERO, Duration.ofSeconds(10))),
                METRICS, new ModelIdentity("v3", null), new ModelIdentity("v4", null), folder.getRoot().toPath());
    }

    @Test
    public void shouldReadBothVersionsSamplesFromTheCommandsJson() {
        Collected collected = source("printf '{\"stable\": {\"latency_ms\": [10, 12.5], \"error_rate\": {\"events\": 2, \"trials\": 950}},"
                + " \"canary\": {\"latency_ms\": [11], \"error_rate\": {\"events\": 1, \"trials\": 50}, \"window\": \"%s %s %s %s\"}}' \"$@\"")
                .collect(WINDOW);

        assertThat(collected.samples().get("latency_ms").stable()).isEqualTo(Observation.Values.of(10, 12.5));
        assertThat(collected.samples().get("error_rate").canary()).isEqualTo(new Observation.Counts(1, 50));
    }

    @Test
    public void shouldSubstituteTheWindowWeightAndVersions() {
        Collected collected = source("printf '{\"stable\": {\"latency_ms\": [1]}, \"canary\": {\"latency_ms\": [%s]}}' \"$2\"; "
                + "test \"$1 $3 $4\" = \"2m v3 v4\" || exit 9").collect(WINDOW);

        assertThat(collected.samples().get("latency_ms").canary()).isEqualTo(Observation.Values.of(5));
    }

    @Test
    public void shouldTreatALeftOutMetricAsNoData() {
        Collected collected = source("echo '{\"stable\": {}, \"canary\": {}}'").collect(WINDOW);

        assertThat(collected.samples().get("error_rate").complete()).isFalse();
    }

    @Test
    public void shouldNameTheMalformedValueAndNotRetryIt() {
        assertThatThrownBy(() -> source("echo '{\"stable\": {\"error_rate\": [1, 2]}, \"canary\": {}}'").collect(WINDOW))
                .isInstanceOfSatisfying(MetricSourceException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageEndingWith(": stable.error_rate: expected {\"events\": N, \"trials\": N} with whole numbers, found [1,2]");
    }

    @Test
    public void shouldRetryACommandThatFails() {
        assertThatThrownBy(() -> source("echo 'connection refused' >&2; exit 7").collect(WINDOW))
                .isInstanceOfSatisfying(MetricSourceException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageEndingWith("exited with 7: connection refused");
    }
}

package io.jenkins.plugins.mldelivery.core.canary.plan;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code haproxy} router section of a plan.
 */
public class HaproxyPlanTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private RolloutPlan read(final String router) throws IOException {
        Path file = folder.getRoot().toPath().resolve("canary.yaml");
        Files.writeString(file, String.join("\n",
                "model: credit-risk",
                "stable: {version: '1'}",
                "canary: {version: '2'}",
                "steps: [5, 25, 50, 100]",
                "interval: 10s",
                "metrics:",
                "  - name: error_rate",
                "    events: 'sum(increase(haproxy_server_http_responses_total{server=\"{role}\",code=\"5xx\"}[{window}]))'",
                "    trials: 'sum(increase(haproxy_server_http_responses_total{server=\"{role}\"}[{window}]))'",
                "router: " + router,
                "source: {type: prometheus, url: 'http://127.0.0.1:9090'}",
                ""));
        return PlanReader.read(file);
    }

    @Test
    public void shouldReadTheSocketBackendAndServersWithDefaultNamesAndTimeout() throws IOException {
        RolloutPlan plan = read("{type: haproxy, socket: live/admin.sock, backend: model}");

        assertThat(plan.router()).isEqualTo(new RouterSpec.Haproxy("live/admin.sock", "model", "stable", "canary", Duration.ofSeconds(5)));
    }

    @Test
    public void shouldReadNamedServersAndATimeout() throws IOException {
        RolloutPlan plan = read("{type: haproxy, socket: '127.0.0.1:9999', backend: scoring, stableServer: blue, canaryServer: green, timeout: 2s}");

        assertThat(plan.router()).isEqualTo(new RouterSpec.Haproxy("127.0.0.1:9999", "scoring", "blue", "green", Duration.ofSeconds(2)));
    }

    @Test
    public void shouldRefuseAMissingBackendAnUnknownKeyAndOneServerForBoth() {
        assertThatThrownBy(() -> read("{type: haproxy, socket: admin.sock}")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("router.backend");
        assertThatThrownBy(() -> read("{type: haproxy, socket: admin.sock, backend: model, weight: 5}")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("weight");
        assertThatThrownBy(() -> read("{type: haproxy, socket: admin.sock, backend: model, stableServer: a, canaryServer: a}"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("'a' is also the stable server");
    }
}

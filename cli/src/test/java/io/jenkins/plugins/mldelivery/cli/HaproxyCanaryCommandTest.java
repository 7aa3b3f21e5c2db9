package io.jenkins.plugins.mldelivery.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import io.jenkins.plugins.mldelivery.core.testing.HaproxyServer;
import io.jenkins.plugins.mldelivery.core.testing.ServerProcess;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ml-delivery canary} with the HAProxy router when HAProxy fails it: HAProxy gone, the
 * canary server missing, weights refused. Each is exit 3 without a stack trace, and the result
 * says where traffic is.
 */
public class HaproxyCanaryCommandTest {
    @ClassRule
    public static TemporaryFolder folder = new TemporaryFolder();

    private static HaproxyServer haproxy;

    @BeforeClass
    public static void startHaproxy() throws IOException {
        // nothing listens on the servers' ports: these rollouts never get as far as sending requests
        int nobody = ServerProcess.freePort();
        haproxy = HaproxyServer.start(folder.newFolder("haproxy").toPath(), "admin", List.of(
                new HaproxyServer.Backend("model", "roundrobin", nobody, nobody),
                new HaproxyServer.Backend("fixed", "static-rr", nobody, nobody)));
    }

    @AfterClass
    public static void stopHaproxy() {
        if (haproxy != null) {
            haproxy.close();
        }
    }

    private static CommandLineTester.Run canary(final String name, final String router) throws IOException {
        Path plan = folder.getRoot().toPath().resolve(name + ".yaml");
        Files.writeString(plan, String.join("\n",
                "model: credit-risk",
                "stable: {version: '1'}",
                "canary: {version: '2'}",
                "steps: [5, 50]",
                "interval: 0s",
                "metrics: [{name: error_rate, kind: rate, critical: true}]",
                "router: " + router,
                "source: {type: command, command: ['true'], retries: 0}",
                ""));
        return CommandLineTester.run("canary", "--plan", plan.toString(), "--json", json(name).toString());
    }

    private static Path json(final String name) {
        return folder.getRoot().toPath().resolve(name + ".json");
    }

    private static JsonNode result(final String name) throws IOException {
        return ResultJson.mapper().readTree(json(name).toFile());
    }

    @Test
    public void shouldExitThreeAndSayTrafficIsUnknownButLastConfirmedOnStableWhenHaproxyIsGone() throws IOException {
        Path gone = folder.getRoot().toPath().resolve("gone.sock");

        CommandLineTester.Run run = canary("gone", "{type: haproxy, socket: '" + gone + "', backend: model}");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.EXTERNAL_FAILURE);
        assertThat(run.out() + run.err()).doesNotContain("Exception", "\tat ");
        JsonNode result = result("gone");
        assertThat(result.path("decision").asText()).isEqualTo("FAILED");
        assertThat(result.path("reason").asText()).contains("haproxy runtime API " + gone + ": 'get weight model/canary' failed");
        assertThat(result.path("traffic").asText()).startsWith("unknown, the router cannot be read")
                .endsWith("the last confirmed canary weight was 0% (setting 5% was attempted)");
    }

    @Test
    public void shouldExitThreeWhenTheCanaryServerIsMissing() throws IOException {
        CommandLineTester.Run run = canary("missing", "{type: haproxy, socket: '" + haproxy.socket() + "', backend: model, canaryServer: candidate}");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.EXTERNAL_FAILURE);
        JsonNode result = result("missing");
        assertThat(result.path("reason").asText()).contains("'get weight model/candidate' refused: 'No such server.'");
        assertThat(result.path("traffic").asText()).contains("the last confirmed canary weight was 0%");
    }

    @Test
    public void shouldExitThreeAndLeaveAllTrafficOnStableWhenHaproxyRefusesTheWeights() throws IOException {
        CommandLineTester.Run run = canary("refused", "{type: haproxy, socket: '" + haproxy.socket() + "', backend: fixed}");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.EXTERNAL_FAILURE);
        JsonNode result = result("refused");
        assertThat(result.path("decision").asText()).isEqualTo("ROLLED_BACK");
        assertThat(result.path("externalFailure").asBoolean()).isTrue();
        assertThat(result.path("reason").asText()).contains("'set weight fixed/canary 5' refused: 'Backend is using a static LB algorithm");
        assertThat(result.path("traffic").asText()).startsWith("all traffic on the stable version 1");
    }
}

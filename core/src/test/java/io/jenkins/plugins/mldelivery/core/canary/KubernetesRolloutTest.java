package io.jenkins.plugins.mldelivery.core.canary;

import io.jenkins.plugins.mldelivery.core.canary.plan.PlanReader;
import io.jenkins.plugins.mldelivery.core.canary.plan.RolloutPlan;
import io.jenkins.plugins.mldelivery.core.canary.plan.RouterSpec;
import io.jenkins.plugins.mldelivery.core.canary.router.KubernetesCluster;
import io.jenkins.plugins.mldelivery.core.canary.router.KubernetesRouter;
import io.jenkins.plugins.mldelivery.core.canary.runtime.Sleeper;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole rollouts against fabric8's Kubernetes mock server in CRUD mode, on the real clock.
 */
public class KubernetesRolloutTest {
    @Rule
    public KubernetesCluster cluster = new KubernetesCluster();
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private RolloutController controller(final ScriptedSource source) throws IOException {
        Path file = folder.getRoot().toPath().resolve("canary.yaml");
        Files.writeString(file, String.join("\n",
                "model: credit-risk",
                "stable: {version: '3'}",
                "canary: {version: '4'}",
                "steps: [5, 25, 50, 100]",
                "interval: 0s",
                "metrics: [{name: error_rate, kind: rate, critical: true}]",
                "router: {type: kubernetes-replicas, namespace: shop, stableDeployment: credit-risk, canaryDeployment: credit-risk-canary,"
                        + " replicas: 20, readyTimeout: 0s}",
                "source: {type: command, command: 'true'}", ""));
        RolloutPlan plan = PlanReader.read(file);
        cluster.deployment("credit-risk", "stable", "models/credit-risk:3", 20);
        cluster.deployment("credit-risk-canary", "canary", "models/credit-risk:4", 0);
        KubernetesRouter router = new KubernetesRouter(cluster.client(), (RouterSpec.Kubernetes) plan.router(), Sleeper.REAL);
        return RolloutController.create(plan, plan.stateFile(), router, source, Clock.systemUTC(), Sleeper.REAL, "test");
    }

    @Test
    public void shouldPromoteAHealthyCanaryThroughEveryStep() throws IOException {
        CanaryResult result = controller(new ScriptedSource(0.01, 0.01, 20_000)).run();

        assertThat(result.decision()).isEqualTo(CanaryDecision.PROMOTED);
        assertThat(cluster.image("credit-risk")).isEqualTo("models/credit-risk:4");
        assertThat(cluster.replicas("credit-risk")).isEqualTo(20);
        assertThat(cluster.replicas("credit-risk-canary")).isZero();
    }

    @Test
    public void shouldRollBackARegressingCanaryAndReturnEveryPodToStable() throws IOException {
        CanaryResult result = controller(new ScriptedSource(0.01, 0.05, 20_000)).run();

        assertThat(result.decision()).isEqualTo(CanaryDecision.ROLLED_BACK);
        assertThat(cluster.image("credit-risk")).isEqualTo("models/credit-risk:3");
        assertThat(cluster.replicas("credit-risk")).isEqualTo(20);
        assertThat(cluster.replicas("credit-risk-canary")).isZero();
        assertThat(result.rollbackMillis()).isNotNull().isBetween(0L, 5_000L);
        assertThat(result.traffic()).isEqualTo("all traffic on the stable version 3, canary scaled down "
                + "(replica ratio of Deployment shop/credit-risk and credit-risk-canary)");
    }
}

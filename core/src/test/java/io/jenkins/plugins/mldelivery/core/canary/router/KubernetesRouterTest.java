package io.jenkins.plugins.mldelivery.core.canary.router;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.jenkins.plugins.mldelivery.core.canary.plan.RouterSpec;
import io.jenkins.plugins.mldelivery.core.io.ExternalSystemException;
import org.junit.Rule;
import org.junit.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class KubernetesRouterTest {
    @Rule
    public KubernetesCluster cluster = new KubernetesCluster();

    private final List<Duration> sleeps = new ArrayList<>();

    private KubernetesRouter router(final RouterSpec.Mode mode, final Duration readyTimeout) {
        String route = mode == RouterSpec.Mode.REPLICAS ? null : "credit-risk";
        String stable = mode == RouterSpec.Mode.HTTP_ROUTE ? "credit-risk-stable" : mode == RouterSpec.Mode.VIRTUAL_SERVICE ? "credit-risk.shop.svc" : null;
        String canary = mode == RouterSpec.Mode.HTTP_ROUTE ? "credit-risk-canary" : mode == RouterSpec.Mode.VIRTUAL_SERVICE ? "credit-risk.shop.svc" : null;
        boolean istio = mode == RouterSpec.Mode.VIRTUAL_SERVICE;
        return new KubernetesRouter(cluster.client(), new RouterSpec.Kubernetes(mode, KubernetesCluster.NAMESPACE, null,
                "credit-risk", "credit-risk-canary", 0, 2, route, stable, canary, istio ? "stable" : null, istio ? "canary" : null,
                readyTimeout), sleeps::add);
    }

    private void deployments() {
        cluster.deployment("credit-risk", "stable", "models/credit-risk:3", 4);
        cluster.deployment("credit-risk-canary", "canary", "models/credit-risk:4", 0);
    }

    @Test
    public void shouldSplitPodsBetweenStableAndCanaryByTheWeight() {
        deployments();
        KubernetesRouter router = router(RouterSpec.Mode.REPLICAS, Duration.ZERO);

        router.setCanaryWeight(25);
        assertThat(cluster.replicas("credit-risk")).isEqualTo(3);
        assertThat(cluster.replicas("credit-risk-canary")).isEqualTo(1);

        router.setCanaryWeight(50);
        assertThat(cluster.replicas("credit-risk")).isEqualTo(2);
        assertThat(cluster.replicas("credit-risk-canary")).isEqualTo(2);
        assertThat(router.snapshot().canaryWeight()).isEqualTo(50);
    }

    @Test
    public void shouldGiveTheCanaryAtLeastOnePodAtASmallWeightAndSaySo() {
        deployments();
        KubernetesRouter router = router(RouterSpec.Mode.REPLICAS, Duration.ZERO);

        router.setCanaryWeight(5);

        assertThat(cluster.replicas("credit-risk-canary")).isEqualTo(1);
        assertThat(router.snapshot().description()).startsWith("canary 25% of pods");
    }

    @Test
    public void shouldPromoteByCopyingTheCanaryTemplateOntoStableAndEmptyingTheCanary() {
        deployments();
        KubernetesRouter router = router(RouterSpec.Mode.REPLICAS, Duration.ZERO);
        router.setCanaryWeight(50);

        router.promote();

        assertThat(cluster.image("credit-risk")).isEqualTo("models/credit-risk:4");
        assertThat(cluster.deployment("credit-risk").getSpec().getTemplate().getMetadata().getLabels()).containsEntry("track", "stable");
        assertThat(cluster.deployment("credit-risk").getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry(Deployments.PROMOTED_FROM, "credit-risk-canary");
        assertThat(cluster.replicas("credit-risk")).isEqualTo(4);
        assertThat(cluster.replicas("credit-risk-canary")).isZero();
    }

    @Test
    public void shouldRollBackByReturningEveryPodToStable() {
        deployments();
        KubernetesRouter router = router(RouterSpec.Mode.REPLICAS, Duration.ZERO);
        router.setCanaryWeight(50);

        router.rollback();
        router.rollback();

        assertThat(cluster.replicas("credit-risk")).isEqualTo(4);
        assertThat(cluster.replicas("credit-risk-canary")).isZero();
        assertThat(cluster.image("credit-risk")).isEqualTo("models/credit-risk:3");
    }

    @Test
    public void shouldSetTheWeightsOfTheHttpRouteAndScaleTheCanaryUp() {
        deployments();
        cluster.httpRoute("credit-risk", "credit-risk-stable", "credit-risk-canary");
        KubernetesRouter router = router(RouterSpec.Mode.HTTP_ROUTE, Duration.ZERO);

        router.setCanaryWeight(25);

        assertThat(weights(cluster.get(RouteWeights.HTTP_ROUTE, "credit-risk"), "rules", "backendRefs")).containsExactly(75, 25);
        assertThat(cluster.replicas("credit-risk-canary")).isEqualTo(2);
        assertThat(router.snapshot().canaryWeight()).isEqualTo(25);
    }

    @Test
    public void shouldRollBackTheHttpRouteAndScaleTheCanaryDown() {
        deployments();
        cluster.httpRoute("credit-risk", "credit-risk-stable", "credit-risk-canary");
        KubernetesRouter router = router(RouterSpec.Mode.HTTP_ROUTE, Duration.ZERO);
        router.setCanaryWeight(50);

        router.rollback();

        assertThat(weights(cluster.get(RouteWeights.HTTP_ROUTE, "credit-risk"), "rules", "backendRefs")).containsExactly(100, 0);
        assertThat(cluster.replicas("credit-risk-canary")).isZero();
    }

    @Test
    public void shouldPromoteBehindAnIstioVirtualService() {
        deployments();
        cluster.virtualService("credit-risk", "credit-risk.shop.svc");
        KubernetesRouter router = router(RouterSpec.Mode.VIRTUAL_SERVICE, Duration.ZERO);
        router.setCanaryWeight(50);
        assertThat(weights(cluster.get(RouteWeights.VIRTUAL_SERVICE, "credit-risk"), "http", "route")).containsExactly(50, 50);

        router.promote();

        assertThat(weights(cluster.get(RouteWeights.VIRTUAL_SERVICE, "credit-risk"), "http", "route")).containsExactly(100, 0);
        assertThat(cluster.image("credit-risk")).isEqualTo("models/credit-risk:4");
        assertThat(cluster.replicas("credit-risk-canary")).isZero();
    }

    @Test
    public void shouldNameTheRouteAndBackendsWhenTheRouteDoesNotRouteToTheCanary() {
        deployments();
        cluster.httpRoute("credit-risk", "credit-risk-stable", "somewhere-else");
        KubernetesRouter router = router(RouterSpec.Mode.HTTP_ROUTE, Duration.ZERO);

        assertThatThrownBy(() -> router.setCanaryWeight(5)).isInstanceOf(ExternalSystemException.class)
                .hasMessage("kubernetes: HTTPRoute shop/credit-risk has no rule with backendRefs 'credit-risk-stable' and 'credit-risk-canary'");
    }

    @Test
    public void shouldFailWhenTheCanaryPodsAreNotReadyInTime() {
        deployments();
        cluster.httpRoute("credit-risk", "credit-risk-stable", "credit-risk-canary");
        KubernetesRouter router = router(RouterSpec.Mode.HTTP_ROUTE, Duration.ofSeconds(5));

        assertThatThrownBy(() -> router.setCanaryWeight(5)).isInstanceOf(ExternalSystemException.class)
                .hasMessage("kubernetes: Deployment shop/credit-risk-canary has 0 of 2 pods ready (0 updated) after 5s");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(1));
        assertThat(weights(cluster.get(RouteWeights.HTTP_ROUTE, "credit-risk"), "rules", "backendRefs")).containsExactly(100, 0);
    }

    @Test
    public void shouldNameAMissingDeployment() {
        cluster.deployment("credit-risk", "stable", "models/credit-risk:3", 4);
        KubernetesRouter router = router(RouterSpec.Mode.REPLICAS, Duration.ZERO);

        assertThatThrownBy(() -> router.setCanaryWeight(5)).isInstanceOf(ExternalSystemException.class)
                .hasMessage("kubernetes: Deployment shop/credit-risk-canary not found");
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> weights(final GenericKubernetesResource resource, final String rules, final String backends) {
        Map<String, Object> spec = (Map<String, Object>) resource.getAdditionalProperties().get("spec");
        Map<String, Object> rule = ((List<Map<String, Object>>) spec.get(rules)).get(0);
        return ((List<Map<String, Object>>) rule.get(backends)).stream().map(b -> ((Number) b.get("weight")).intValue()).toList();
    }
}

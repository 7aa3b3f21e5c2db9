package io.jenkins.plugins.mldelivery.core.canary.router;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import org.junit.rules.ExternalResource;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * fabric8's Kubernetes mock server in CRUD mode on loopback, knowing the HTTPRoute and
 * VirtualService resources, with helpers to create the Deployments and routes of a rollout.
 */
public final class KubernetesCluster extends ExternalResource {
    public static final String NAMESPACE = "shop";
    private KubernetesMockServer server;
    private NamespacedKubernetesClient client;

    /** Starts the server outside JUnit (the rollback benchmark). */
    public void start() {
        before();
    }

    /** Stops the server outside JUnit. */
    public void stop() {
        after();
    }

    @Override
    protected void before() {
        List<CustomResourceDefinitionContext> crds = List.of(crd(RouteWeights.HTTP_ROUTE), crd(RouteWeights.VIRTUAL_SERVICE));
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(crds), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        client = server.createClient();
    }

    @Override
    protected void after() {
        client.close();
        server.destroy();
    }

    public NamespacedKubernetesClient client() {
        return client;
    }

    private static CustomResourceDefinitionContext crd(final io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext context) {
        return new CustomResourceDefinitionContext.Builder().withGroup(context.getGroup()).withVersion(context.getVersion())
                .withKind(context.getKind()).withPlural(context.getPlural()).withScope("Namespaced").build();
    }

    public void deployment(final String name, final String track, final String image, final int replicas) {
        Deployment deployment = new DeploymentBuilder().withNewMetadata().withName(name).withNamespace(NAMESPACE).endMetadata()
                .withNewSpec().withReplicas(replicas)
                .withNewSelector().addToMatchLabels("app", "credit-risk").addToMatchLabels("track", track).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "credit-risk").addToLabels("track", track).endMetadata()
                .withNewSpec().addNewContainer().withName("model").withImage(image).endContainer().endSpec().endTemplate()
                .endSpec().build();
        client.apps().deployments().inNamespace(NAMESPACE).resource(deployment).create();
    }

    public Deployment deployment(final String name) {
        return client.apps().deployments().inNamespace(NAMESPACE).withName(name).get();
    }

    public int replicas(final String name) {
        return deployment(name).getSpec().getReplicas();
    }

    public String image(final String name) {
        return deployment(name).getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }

    public void httpRoute(final String name, final String stable, final String canary) {
        create(RouteWeights.HTTP_ROUTE, Map.of("apiVersion", "gateway.networking.k8s.io/v1", "kind", "HTTPRoute",
                "metadata", Map.of("name", name, "namespace", NAMESPACE),
                "spec", Map.of("parentRefs", List.of(Map.of("name", "gateway")),
                        "rules", List.of(Map.of("backendRefs", List.of(
                                Map.of("name", stable, "port", 8080, "weight", 100),
                                Map.of("name", canary, "port", 8080, "weight", 0)))))));
    }

    public void virtualService(final String name, final String host) {
        create(RouteWeights.VIRTUAL_SERVICE, Map.of("apiVersion", "networking.istio.io/v1", "kind", "VirtualService",
                "metadata", Map.of("name", name, "namespace", NAMESPACE),
                "spec", Map.of("hosts", List.of(host), "http", List.of(Map.of("route", List.of(
                        Map.of("destination", Map.of("host", host, "subset", "stable"), "weight", 100),
                        Map.of("destination", Map.of("host", host, "subset", "canary"), "weight", 0)))))));
    }

    public GenericKubernetesResource get(final io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext context, final String name) {
        return client.genericKubernetesResources(context).inNamespace(NAMESPACE).withName(name).get();
    }

    private void create(final io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext context, final Map<String, Object> resource) {
        GenericKubernetesResource generic = ResultJson.mapper().convertValue(resource, GenericKubernetesResource.class);
        client.genericKubernetesResources(context).inNamespace(NAMESPACE).resource(generic).create();
    }
}

package io.jenkins.plugins.mldelivery.core.canary.router;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.jenkins.plugins.mldelivery.core.canary.plan.RouterSpec;
import io.jenkins.plugins.mldelivery.core.io.ExternalSystemException;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The weights of the stable and canary backends on a route resource, read and written as generic
 * resources so that no CRD model is needed: a Gateway API {@code HTTPRoute}
 * ({@code spec.rules[].backendRefs[]{name, weight}}) or an Istio {@code VirtualService}
 * ({@code spec.http[].route[]{destination{host, subset}, weight}}). Every rule that routes to both
 * backends gets the new weights.
 */
final class RouteWeights {
    /** Gateway API v1 HTTPRoute. */
    static final ResourceDefinitionContext HTTP_ROUTE = new ResourceDefinitionContext.Builder()
            .withGroup("gateway.networking.k8s.io").withVersion("v1").withKind("HTTPRoute").withPlural("httproutes")
            .withNamespaced(true).build();
    /** Istio networking v1 VirtualService. */
    static final ResourceDefinitionContext VIRTUAL_SERVICE = new ResourceDefinitionContext.Builder()
            .withGroup("networking.istio.io").withVersion("v1").withKind("VirtualService").withPlural("virtualservices")
            .withNamespaced(true).build();

    private final KubernetesClient client;
    private final String namespace;
    private final RouterSpec.Kubernetes spec;
    private final boolean httpRoute;

    RouteWeights(final KubernetesClient client, final String namespace, final RouterSpec.Kubernetes spec) {
        this.client = client;
        this.namespace = namespace;
        this.spec = spec;
        this.httpRoute = spec.mode() == RouterSpec.Mode.HTTP_ROUTE;
    }

    String name() {
        return (httpRoute ? "HTTPRoute " : "VirtualService ") + namespace + "/" + spec.route();
    }

    void set(final int canaryWeight) {
        Deployments.call("setting the weights of " + name() + " to " + (100 - canaryWeight) + "/" + canaryWeight, () -> {
            ObjectNode route = read();
            List<ObjectNode[]> pairs = pairs(route);
            boolean changed = false;
            for (ObjectNode[] pair : pairs) {
                changed |= pair[0].path("weight").asInt(-1) != 100 - canaryWeight || pair[1].path("weight").asInt(-1) != canaryWeight;
                pair[0].put("weight", 100 - canaryWeight);
                pair[1].put("weight", canaryWeight);
            }
            if (changed) {
                GenericKubernetesResource updated = ResultJson.mapper().convertValue(route, GenericKubernetesResource.class);
                resource().edit(current -> updated);
            }
            return null;
        });
    }

    int canaryWeight() {
        return Deployments.call("reading " + name(), () -> {
            List<ObjectNode[]> pairs = pairs(read());
            JsonNode weight = pairs.get(0)[1].get("weight");
            return weight == null ? 0 : weight.asInt();
        });
    }

    private ObjectNode read() {
        GenericKubernetesResource found = resource().get();
        if (found == null) {
            throw new ExternalSystemException("kubernetes: " + name() + " not found");
        }
        return ResultJson.mapper().valueToTree(found);
    }

    /** Finds, in each rule, the stable and the canary backend; fails unless at least one rule has both. */
    private List<ObjectNode[]> pairs(final ObjectNode route) {
        List<ObjectNode[]> pairs = new ArrayList<>();
        for (JsonNode rule : route.path("spec").path(httpRoute ? "rules" : "http")) {
            ObjectNode stable = null;
            ObjectNode canary = null;
            for (JsonNode backend : rule.path(httpRoute ? "backendRefs" : "route")) {
                if (matches(backend, spec.stableBackend(), spec.stableSubset())) {
                    stable = (ObjectNode) backend;
                }
                else if (matches(backend, spec.canaryBackend(), spec.canarySubset())) {
                    canary = (ObjectNode) backend;
                }
            }
            if (stable != null && canary != null) {
                pairs.add(new ObjectNode[] {stable, canary});
            }
        }
        if (pairs.isEmpty()) {
            throw new ExternalSystemException("kubernetes: " + name() + " has no " + (httpRoute ? "rule with backendRefs" : "http route with destinations")
                    + " '" + backend(spec.stableBackend(), spec.stableSubset()) + "' and '" + backend(spec.canaryBackend(), spec.canarySubset()) + "'");
        }
        return pairs;
    }

    private boolean matches(final JsonNode backend, final String name, final String subset) {
        if (httpRoute) {
            return name.equals(backend.path("name").asText(null));
        }
        JsonNode destination = backend.path("destination");
        return name.equals(destination.path("host").asText(null))
                && (subset == null || Objects.equals(subset, destination.path("subset").asText(null)));
    }

    private static String backend(final String name, final String subset) {
        return subset == null ? name : name + "/" + subset;
    }

    private Resource<GenericKubernetesResource> resource() {
        return client.genericKubernetesResources(httpRoute ? HTTP_ROUTE : VIRTUAL_SERVICE).inNamespace(namespace).withName(spec.route());
    }
}

package io.jenkins.plugins.mldelivery.core.canary.router;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.jenkins.plugins.mldelivery.core.canary.plan.RouterSpec;
import io.jenkins.plugins.mldelivery.core.canary.runtime.Sleeper;

/**
 * Moves traffic on Kubernetes through the fabric8 client, between a stable and a canary
 * Deployment: by their replica counts behind one Service, or by the weights of a Gateway API
 * HTTPRoute or an Istio VirtualService in front of two Services. Promotion copies the canary's
 * pod template onto the stable Deployment, returns all traffic to it and scales the canary to
 * zero (the pattern of Flagger's primary/canary); rollback returns all traffic to the stable
 * Deployment and scales the canary to zero. Capacity never dips: the side that grows is scaled
 * (and awaited) before the side that shrinks.
 */
public final class KubernetesRouter implements TrafficRouter {
    private final KubernetesClient client;
    private final boolean ownsClient;
    private final RouterSpec.Kubernetes spec;
    private final Deployments deployments;
    private final RouteWeights route;

    /**
     * Creates a router over a client the caller owns (tests pass the mock server's client).
     *
     * @param client  the client
     * @param spec    the plan's router section
     * @param sleeper waits between readiness polls
     */
    public KubernetesRouter(final KubernetesClient client, final RouterSpec.Kubernetes spec, final Sleeper sleeper) {
        this(client, false, spec, sleeper);
    }

    private KubernetesRouter(final KubernetesClient client, final boolean ownsClient, final RouterSpec.Kubernetes spec,
            final Sleeper sleeper) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.spec = spec;
        String namespace = spec.namespace() != null ? spec.namespace()
                : client.getNamespace() != null ? client.getNamespace() : "default";
        this.deployments = new Deployments(client, namespace, sleeper, spec.readyTimeout());
        this.route = spec.mode() == RouterSpec.Mode.REPLICAS ? null : new RouteWeights(client, namespace, spec);
    }

    /**
     * Creates a router with a client configured as {@code kubectl} would be (kubeconfig, its
     * context or the plan's, or the in-cluster service account).
     *
     * @param spec    the plan's router section
     * @param sleeper waits between readiness polls
     * @return the router, which closes its client
     */
    public static KubernetesRouter connect(final RouterSpec.Kubernetes spec, final Sleeper sleeper) {
        Config config = Config.autoConfigure(spec.context());
        return new KubernetesRouter(new KubernetesClientBuilder().withConfig(config).build(), true, spec, sleeper);
    }

    @Override
    public void setCanaryWeight(final int weight) {
        if (route == null) {
            shareReplicas(weight);
            return;
        }
        if (weight > 0) {
            if (deployments.replicas(spec.canaryDeployment()) < spec.canaryReplicas()) {
                deployments.scale(spec.canaryDeployment(), spec.canaryReplicas());
            }
            deployments.awaitReady(spec.canaryDeployment());
        }
        route.set(weight);
    }

    @Override
    public void promote() {
        deployments.copyTemplate(spec.canaryDeployment(), spec.stableDeployment());
        if (route == null) {
            int total = total();
            deployments.scale(spec.stableDeployment(), total);
            deployments.awaitReady(spec.stableDeployment());
        }
        else {
            deployments.awaitReady(spec.stableDeployment());
            route.set(0);
        }
        deployments.scale(spec.canaryDeployment(), 0);
    }

    @Override
    public void rollback() {
        if (route == null) {
            shareReplicas(0);
            return;
        }
        route.set(0);
        deployments.scale(spec.canaryDeployment(), 0);
    }

    @Override
    public TrafficSnapshot snapshot() {
        int stable = deployments.replicas(spec.stableDeployment());
        int canary = deployments.replicas(spec.canaryDeployment());
        String pods = deployments.name(spec.stableDeployment()) + " " + stable + " pods, "
                + deployments.name(spec.canaryDeployment()) + " " + canary + " pods";
        if (route == null) {
            int weight = stable + canary == 0 ? 0 : (int) Math.round(100.0 * canary / (stable + canary));
            return new TrafficSnapshot(weight, "canary " + weight + "% of pods (" + pods + ")");
        }
        int weight = route.canaryWeight();
        return new TrafficSnapshot(weight, "canary " + weight + "%, stable " + (100 - weight) + "% on " + route.name() + " (" + pods + ")");
    }

    @Override
    public String describe() {
        return route == null ? "replica ratio of " + deployments.name(spec.stableDeployment()) + " and " + spec.canaryDeployment()
                : route.name();
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }

    /**
     * Splits the pods: the canary gets {@code round(total · weight / 100)} of them, at least one
     * while it has any weight and at most all but one, so a 5% step on 4 pods really runs at 25%.
     */
    private void shareReplicas(final int weight) {
        int total = total();
        int canary = weight == 0 ? 0 : Math.max(1, Math.min(total - 1, (int) Math.round(total * weight / 100.0)));
        int stable = total - canary;
        if (canary > deployments.replicas(spec.canaryDeployment())) {
            deployments.scale(spec.canaryDeployment(), canary);
            deployments.awaitReady(spec.canaryDeployment());
            deployments.scale(spec.stableDeployment(), stable);
        }
        else {
            deployments.scale(spec.stableDeployment(), stable);
            deployments.awaitReady(spec.stableDeployment());
            deployments.scale(spec.canaryDeployment(), canary);
        }
    }

    private int total() {
        return spec.replicas() > 0 ? spec.replicas()
                : deployments.replicas(spec.stableDeployment()) + deployments.replicas(spec.canaryDeployment());
    }
}

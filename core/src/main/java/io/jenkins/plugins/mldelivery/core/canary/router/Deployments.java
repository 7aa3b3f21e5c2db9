package io.jenkins.plugins.mldelivery.core.canary.router;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.RollableScalableResource;
import io.jenkins.plugins.mldelivery.core.canary.runtime.Sleeper;
import io.jenkins.plugins.mldelivery.core.io.ExternalSystemException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The stable and canary Deployments of a Kubernetes rollout: their replica counts, their readiness,
 * and the copy of the canary's pod template onto the stable Deployment that promotes it.
 */
final class Deployments {
    static final String PROMOTED_FROM = "ml-delivery.jenkins.io/promoted-from";
    private static final Duration POLL = Duration.ofSeconds(2);

    private final KubernetesClient client;
    private final String namespace;
    private final Sleeper sleeper;
    private final Duration readyTimeout;

    Deployments(final KubernetesClient client, final String namespace, final Sleeper sleeper, final Duration readyTimeout) {
        this.client = client;
        this.namespace = namespace;
        this.sleeper = sleeper;
        this.readyTimeout = readyTimeout;
    }

    String name(final String deployment) {
        return "Deployment " + namespace + "/" + deployment;
    }

    int replicas(final String deployment) {
        Integer replicas = get(deployment).getSpec().getReplicas();
        return replicas == null ? 1 : replicas;
    }

    void scale(final String deployment, final int replicas) {
        call("scaling " + name(deployment) + " to " + replicas, () -> {
            Deployment current = get(deployment);
            if (current.getSpec().getReplicas() == null || current.getSpec().getReplicas() != replicas) {
                resource(deployment).edit(d -> new DeploymentBuilder(d).editSpec().withReplicas(replicas).endSpec().build());
            }
            return null;
        });
    }

    /**
     * Gives the stable Deployment the canary's pod template. The stable pods keep their own labels,
     * since the stable Deployment's selector (and Service) must still match them.
     */
    void copyTemplate(final String from, final String to) {
        call("copying the pod template of " + name(from) + " to " + name(to), () -> {
            Deployment source = get(from);
            resource(to).edit(target -> {
                Map<String, String> labels = target.getSpec().getTemplate().getMetadata().getLabels();
                Map<String, String> annotations = new LinkedHashMap<>();
                if (source.getSpec().getTemplate().getMetadata().getAnnotations() != null) {
                    annotations.putAll(source.getSpec().getTemplate().getMetadata().getAnnotations());
                }
                annotations.put(PROMOTED_FROM, from);
                return new DeploymentBuilder(target).editSpec()
                        .withTemplate(source.getSpec().getTemplate()).editTemplate().editMetadata()
                        .withLabels(labels).withAnnotations(annotations).endMetadata().endTemplate()
                        .endSpec().build();
            });
            return null;
        });
    }

    /** Waits until every desired pod of the Deployment is updated and ready, up to the plan's timeout. */
    void awaitReady(final String deployment) {
        if (readyTimeout.isZero()) {
            return;
        }
        Duration waited = Duration.ZERO;
        while (true) {
            Deployment current = get(deployment);
            int desired = current.getSpec().getReplicas() == null ? 1 : current.getSpec().getReplicas();
            DeploymentStatus status = current.getStatus();
            int ready = status == null || status.getReadyReplicas() == null ? 0 : status.getReadyReplicas();
            int updated = status == null || status.getUpdatedReplicas() == null ? 0 : status.getUpdatedReplicas();
            boolean observed = status == null || current.getMetadata().getGeneration() == null || status.getObservedGeneration() == null
                    || status.getObservedGeneration() >= current.getMetadata().getGeneration();
            if (ready >= desired && updated >= desired && observed) {
                return;
            }
            if (waited.compareTo(readyTimeout) >= 0) {
                throw new ExternalSystemException("kubernetes: " + name(deployment) + " has " + ready + " of " + desired
                        + " pods ready (" + updated + " updated) after " + readyTimeout.toSeconds() + "s");
            }
            Duration pause = POLL.compareTo(readyTimeout.minus(waited)) < 0 ? POLL : readyTimeout.minus(waited);
            sleeper.sleep(pause);
            waited = waited.plus(pause);
        }
    }

    private Deployment get(final String deployment) {
        Deployment found = call("reading " + name(deployment), () -> resource(deployment).get());
        if (found == null) {
            throw new ExternalSystemException("kubernetes: " + name(deployment) + " not found");
        }
        return found;
    }

    private RollableScalableResource<Deployment> resource(final String deployment) {
        return client.apps().deployments().inNamespace(namespace).withName(deployment);
    }

    /** Runs a request and turns a client error into one line naming the request. */
    static <T> T call(final String what, final Supplier<T> request) {
        try {
            return request.get();
        }
        catch (KubernetesClientException e) {
            String status = e.getCode() > 0 ? "HTTP " + e.getCode() + ": " : "";
            String message = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage();
            throw new ExternalSystemException("kubernetes: " + what + ": " + status + oneLine(message), e);
        }
    }

    private static String oneLine(final String message) {
        return message == null ? "(no message)" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}

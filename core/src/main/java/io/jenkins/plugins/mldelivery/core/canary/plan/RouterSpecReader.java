package io.jenkins.plugins.mldelivery.core.canary.plan;

import java.time.Duration;

/**
 * Reads the {@code router} section of a plan.
 */
final class RouterSpecReader {
    private static final Duration DEFAULT_READY_TIMEOUT = Duration.ofMinutes(5);

    private RouterSpecReader() {
        // static entry point only
    }

    /** The types a plan may name. */
    private enum Type {
        KUBERNETES_REPLICAS, GATEWAY_HTTPROUTE, ISTIO_VIRTUALSERVICE, HAPROXY, COMMAND, NONE
    }

    static RouterSpec read(final PlanNode node) {
        Type type = node.choice("type", Type.class, null);
        if (type == null) {
            throw node.error("type", "missing (expected one of kubernetes-replicas, gateway-httproute, istio-virtualservice, haproxy, command, none)");
        }
        return switch (type) {
            case KUBERNETES_REPLICAS -> kubernetes(node.allowOnly("type", "namespace", "context", "stableDeployment",
                    "canaryDeployment", "replicas", "readyTimeout"), RouterSpec.Mode.REPLICAS);
            case GATEWAY_HTTPROUTE -> kubernetes(node.allowOnly("type", "namespace", "context", "stableDeployment",
                    "canaryDeployment", "canaryReplicas", "route", "stableBackend", "canaryBackend", "readyTimeout"),
                    RouterSpec.Mode.HTTP_ROUTE);
            case ISTIO_VIRTUALSERVICE -> kubernetes(node.allowOnly("type", "namespace", "context", "stableDeployment",
                    "canaryDeployment", "canaryReplicas", "route", "stableBackend", "canaryBackend", "stableSubset",
                    "canarySubset", "readyTimeout"), RouterSpec.Mode.VIRTUAL_SERVICE);
            case HAPROXY -> haproxy(node.allowOnly("type", "socket", "backend", "stableServer", "canaryServer", "timeout"));
            case COMMAND -> command(node.allowOnly("type", "setWeight", "promote", "rollback", "status", "timeout"));
            case NONE -> {
                node.allowOnly("type");
                yield new RouterSpec.None();
            }
        };
    }

    private static RouterSpec kubernetes(final PlanNode node, final RouterSpec.Mode mode) {
        boolean routed = mode != RouterSpec.Mode.REPLICAS;
        return new RouterSpec.Kubernetes(mode, node.text("namespace", null), node.text("context", null),
                node.text("stableDeployment"), node.text("canaryDeployment"),
                node.integer("replicas", 0, 1, 10_000), node.integer("canaryReplicas", 1, 1, 10_000),
                routed ? node.text("route") : null,
                routed ? node.text("stableBackend") : null,
                routed ? node.text("canaryBackend") : null,
                node.text("stableSubset", null), node.text("canarySubset", null),
                node.duration("readyTimeout", DEFAULT_READY_TIMEOUT));
    }

    private static RouterSpec haproxy(final PlanNode node) {
        Duration timeout = node.duration("timeout", Duration.ofSeconds(5));
        if (timeout.isZero()) {
            throw node.error("timeout", "expected a positive duration, found 0");
        }
        String stable = node.text("stableServer", "stable");
        String canary = node.text("canaryServer", "canary");
        if (stable.equals(canary)) {
            throw node.error("canaryServer", "'" + canary + "' is also the stable server; expected two different servers");
        }
        return new RouterSpec.Haproxy(node.text("socket"), node.text("backend"), stable, canary, timeout);
    }

    private static RouterSpec command(final PlanNode node) {
        Duration timeout = node.duration("timeout", Duration.ofMinutes(2));
        if (timeout.isZero()) {
            throw node.error("timeout", "expected a positive duration, found 0");
        }
        return new RouterSpec.Command(node.command("setWeight"), node.command("promote"), node.command("rollback"),
                node.has("status") ? node.command("status") : null, timeout);
    }
}

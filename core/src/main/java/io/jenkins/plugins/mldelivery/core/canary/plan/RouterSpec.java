package io.jenkins.plugins.mldelivery.core.canary.plan;

import java.time.Duration;
import java.util.Objects;

/**
 * How the rollout moves traffic: Kubernetes, HAProxy, user commands, or nothing (the replay simulates traffic itself).
 */
public sealed interface RouterSpec permits RouterSpec.Kubernetes, RouterSpec.Haproxy, RouterSpec.Command, RouterSpec.None {
    /**
     * Kubernetes: a stable and a canary Deployment, with the split made by their replica counts,
     * by the weights of a Gateway API HTTPRoute, or by the weights of an Istio VirtualService.
     *
     * @param mode             how traffic is split
     * @param namespace        the namespace of every resource, or {@code null} for the client's default
     * @param context          the kubeconfig context, or {@code null} for the current one
     * @param stableDeployment the stable Deployment's name
     * @param canaryDeployment the canary Deployment's name
     * @param replicas         replica mode: the total number of pods to share, or 0 to keep the current total
     * @param canaryReplicas   route modes: the canary's pods while it takes traffic
     * @param route            route modes: the HTTPRoute or VirtualService name
     * @param stableBackend    route modes: the stable backendRef name (HTTPRoute) or destination host (VirtualService)
     * @param canaryBackend    route modes: the canary backendRef name or destination host
     * @param stableSubset     VirtualService: the stable destination's subset, or {@code null}
     * @param canarySubset     VirtualService: the canary destination's subset, or {@code null}
     * @param readyTimeout     how long to wait for scaled pods to be ready; zero does not wait
     */
    record Kubernetes(Mode mode, String namespace, String context, String stableDeployment, String canaryDeployment,
            int replicas, int canaryReplicas, String route, String stableBackend, String canaryBackend,
            String stableSubset, String canarySubset, Duration readyTimeout) implements RouterSpec {
        /** Validates the required names. */
        public Kubernetes {
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(stableDeployment, "stableDeployment");
            Objects.requireNonNull(canaryDeployment, "canaryDeployment");
            Objects.requireNonNull(readyTimeout, "readyTimeout");
            if (mode != Mode.REPLICAS) {
                Objects.requireNonNull(route, "route");
                Objects.requireNonNull(stableBackend, "stableBackend");
                Objects.requireNonNull(canaryBackend, "canaryBackend");
            }
        }
    }

    /** The ways Kubernetes traffic is split. */
    enum Mode {
        /** The split is the ratio of canary pods to all pods behind one Service. */
        REPLICAS,
        /** The split is the weights of two backendRefs of a Gateway API HTTPRoute. */
        HTTP_ROUTE,
        /** The split is the weights of two destinations of an Istio VirtualService. */
        VIRTUAL_SERVICE
    }

    /**
     * User commands for any other traffic manager (a cloud load balancer, SageMaker variants).
     *
     * @param setWeight sets the canary's share; {@code {weight}} and {@code {stableWeight}} are substituted
     * @param promote   makes the canary the stable version
     * @param rollback  sends all traffic to the stable version and removes the canary
     * @param status    prints the canary's current weight (a whole number), or {@code null}
     * @param timeout   the longest one command may run
     */
    record Command(CommandTemplate setWeight, CommandTemplate promote, CommandTemplate rollback,
            CommandTemplate status, Duration timeout) implements RouterSpec {
        /** Validates the required commands. */
        public Command {
            Objects.requireNonNull(setWeight, "setWeight");
            Objects.requireNonNull(promote, "promote");
            Objects.requireNonNull(rollback, "rollback");
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    /**
     * HAProxy: the weights of a stable and a canary server of one backend, set through the runtime API.
     *
     * @param socket       the admin-level stats socket: a Unix socket path (relative to the plan) or {@code host:port}
     * @param backend      the backend's name
     * @param stableServer the stable server's name in the backend
     * @param canaryServer the canary server's name in the backend
     * @param timeout      the longest one runtime API call may take
     */
    record Haproxy(String socket, String backend, String stableServer, String canaryServer, Duration timeout) implements RouterSpec {
        /** Validates the required names. */
        public Haproxy {
            Objects.requireNonNull(socket, "socket");
            Objects.requireNonNull(backend, "backend");
            Objects.requireNonNull(stableServer, "stableServer");
            Objects.requireNonNull(canaryServer, "canaryServer");
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    /** No traffic manager: for the replay, which splits recorded requests itself. */
    record None() implements RouterSpec {
    }
}

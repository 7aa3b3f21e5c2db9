package io.jenkins.plugins.mldelivery.core.canary.router;

import io.jenkins.plugins.mldelivery.core.canary.plan.RouterSpec;
import io.jenkins.plugins.mldelivery.core.canary.runtime.Sleeper;

import java.nio.file.Path;

/**
 * Creates the router a plan names.
 */
public final class TrafficRouters {
    private TrafficRouters() {
        // factory only
    }

    /**
     * Creates a router.
     *
     * @param spec      the plan's router section
     * @param directory the plan's directory, where commands run
     * @param sleeper   waits between readiness polls
     * @return the router
     */
    public static TrafficRouter create(final RouterSpec spec, final Path directory, final Sleeper sleeper) {
        if (spec instanceof RouterSpec.Kubernetes kubernetes) {
            return KubernetesRouter.connect(kubernetes, sleeper);
        }
        if (spec instanceof RouterSpec.Haproxy haproxy) {
            return new HaproxyRouter(haproxy, directory);
        }
        if (spec instanceof RouterSpec.Command command) {
            return new CommandRouter(command, directory);
        }
        return new SimulatedRouter();
    }
}

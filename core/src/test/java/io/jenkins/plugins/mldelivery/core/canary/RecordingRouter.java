package io.jenkins.plugins.mldelivery.core.canary;

import io.jenkins.plugins.mldelivery.core.canary.router.TrafficRouter;
import io.jenkins.plugins.mldelivery.core.canary.router.TrafficSnapshot;
import io.jenkins.plugins.mldelivery.core.io.ExternalSystemException;

import java.util.ArrayList;
import java.util.List;

/**
 * A router that remembers what it was asked and fails when told to.
 */
final class RecordingRouter implements TrafficRouter {
    final List<String> calls = new ArrayList<>();
    int weight;
    Integer failSetWeightAt;
    int rollbackFailures;
    boolean snapshotFails;

    @Override
    public void setCanaryWeight(final int weight) {
        calls.add("weight " + weight);
        if (failSetWeightAt != null && failSetWeightAt == weight) {
            throw new ExternalSystemException("kubernetes: patching HTTPRoute shop/credit-risk: HTTP 503: etcd unavailable");
        }
        this.weight = weight;
    }

    @Override
    public void promote() {
        calls.add("promote");
        weight = 0;
    }

    @Override
    public void rollback() {
        calls.add("rollback");
        if (rollbackFailures > 0) {
            rollbackFailures--;
            throw new ExternalSystemException("kubernetes: patching HTTPRoute shop/credit-risk: HTTP 503: etcd unavailable");
        }
        weight = 0;
    }

    @Override
    public TrafficSnapshot snapshot() {
        if (snapshotFails) {
            throw new ExternalSystemException("kubernetes: reading HTTPRoute shop/credit-risk: connection refused");
        }
        return new TrafficSnapshot(weight, "canary " + weight + "%, stable " + (100 - weight) + "% on HTTPRoute shop/credit-risk");
    }

    @Override
    public String describe() {
        return "HTTPRoute shop/credit-risk";
    }
}

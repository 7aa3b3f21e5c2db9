package io.jenkins.plugins.mldelivery.core.canary.router;

/**
 * The router of a replay: no traffic manager, only the weight the replay splits recorded requests by.
 */
public final class SimulatedRouter implements TrafficRouter {
    private int weight;
    private boolean promoted;

    @Override
    public synchronized void setCanaryWeight(final int weight) {
        this.weight = weight;
    }

    @Override
    public synchronized void promote() {
        promoted = true;
        weight = 0;
    }

    @Override
    public synchronized void rollback() {
        weight = 0;
    }

    @Override
    public synchronized TrafficSnapshot snapshot() {
        return new TrafficSnapshot(weight, promoted ? "canary promoted (replay, no live traffic)"
                : "canary " + weight + "% of replayed requests (no live traffic)");
    }

    @Override
    public String describe() {
        return "replay (no live traffic)";
    }
}

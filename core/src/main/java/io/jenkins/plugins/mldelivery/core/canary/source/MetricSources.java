package io.jenkins.plugins.mldelivery.core.canary.source;

import io.jenkins.plugins.mldelivery.core.canary.plan.RolloutPlan;
import io.jenkins.plugins.mldelivery.core.canary.plan.SourceSpec;
import io.jenkins.plugins.mldelivery.core.canary.runtime.Sleeper;

/**
 * Creates the metrics source a plan names, retried as its policy says.
 */
public final class MetricSources {
    private MetricSources() {
        // factory only
    }

    /**
     * Creates the source of a plan.
     *
     * @param plan    the plan
     * @param sleeper waits between retries
     * @return the source
     */
    public static MetricSource create(final RolloutPlan plan, final Sleeper sleeper) {
        SourceSpec spec = plan.source();
        MetricSource source;
        if (spec instanceof SourceSpec.Prometheus prometheus) {
            source = new PrometheusSource(prometheus, plan.metrics(), plan.stable(), plan.canary());
        }
        else if (spec instanceof SourceSpec.Command command) {
            source = new CommandSource(command, plan.metrics(), plan.stable(), plan.canary(), plan.directory());
        }
        else {
            source = new ReplaySource((SourceSpec.Replay) spec, plan.stable(), plan.canary(), plan.analysedSteps().size(), plan.directory());
        }
        return new RetryingSource(source, spec.retry(), sleeper);
    }
}

package io.jenkins.plugins.mldelivery.core.canary.source;

import io.jenkins.plugins.mldelivery.core.canary.plan.RetryPolicy;
import io.jenkins.plugins.mldelivery.core.canary.runtime.Sleeper;
import io.jenkins.plugins.mldelivery.core.result.InputIdentity;

import java.util.List;

/**
 * Asks a source again, with exponential backoff, while its failures are retryable; the last
 * failure's message says how many attempts were made.
 */
public final class RetryingSource implements MetricSource {
    private final MetricSource source;
    private final RetryPolicy policy;
    private final Sleeper sleeper;

    /**
     * Wraps a source.
     *
     * @param source  the source
     * @param policy  how often and how patiently to retry
     * @param sleeper waits between attempts
     */
    public RetryingSource(final MetricSource source, final RetryPolicy policy, final Sleeper sleeper) {
        this.source = source;
        this.policy = policy;
        this.sleeper = sleeper;
    }

    @Override
    public Collected collect(final AnalysisWindow window) {
        for (int attempt = 1;; attempt++) {
            try {
                return source.collect(window);
            }
            catch (MetricSourceException e) {
                if (!e.retryable() || attempt > policy.retries()) {
                    String attempts = attempt == 1 ? "" : " (after " + attempt + " attempts)";
                    throw new MetricSourceException(e.getMessage() + attempts, e.retryable(), e);
                }
                sleeper.sleep(policy.backoffAfter(attempt));
            }
        }
    }

    @Override
    public void checkInputs() {
        source.checkInputs();
    }

    @Override
    public List<InputIdentity> inputs() {
        return source.inputs();
    }

    @Override
    public void close() {
        source.close();
    }
}

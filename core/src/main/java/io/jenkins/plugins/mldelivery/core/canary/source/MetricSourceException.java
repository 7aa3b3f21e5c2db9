package io.jenkins.plugins.mldelivery.core.canary.source;

import io.jenkins.plugins.mldelivery.core.io.ExternalSystemException;

/**
 * A metrics source did not answer usefully. Retryable failures (connection refused, timeouts,
 * server errors) are repeated with backoff; the others (a query Prometheus rejects, a command
 * printing malformed JSON) would fail the same way again.
 */
public class MetricSourceException extends ExternalSystemException {
    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    /**
     * Creates the exception.
     *
     * @param message   one line naming the source, the request and its answer
     * @param retryable whether asking again may succeed
     * @param cause     the underlying error, or {@code null}
     */
    public MetricSourceException(final String message, final boolean retryable, final Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /**
     * Says whether asking again may succeed.
     *
     * @return whether the failure is transient
     */
    public boolean retryable() {
        return retryable;
    }
}

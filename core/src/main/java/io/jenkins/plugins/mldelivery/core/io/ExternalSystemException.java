package io.jenkins.plugins.mldelivery.core.io;

/**
 * A system outside our control failed: a registry, a cluster, a metrics source. The message says
 * which system, what was asked and what it answered; the CLI exits with code 3.
 */
public class ExternalSystemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message one line naming the system, the request and its answer
     */
    public ExternalSystemException(final String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message one line naming the system, the request and its answer
     * @param cause   the underlying error
     */
    public ExternalSystemException(final String message, final Throwable cause) {
        super(message, cause);
    }
}

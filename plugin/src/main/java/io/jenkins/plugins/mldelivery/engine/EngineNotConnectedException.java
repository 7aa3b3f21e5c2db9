package io.jenkins.plugins.mldelivery.engine;

import java.io.Serial;

/**
 * Thrown by a seam of {@link EngineSeams} whose core operation is not wired in yet; its message
 * names the operation so that a build log says exactly what is missing.
 */
public final class EngineNotConnectedException extends IllegalStateException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for one operation.
     *
     * @param operation the engine operation, e.g. {@code validate}
     */
    public EngineNotConnectedException(final String operation) {
        super("ML Delivery: the engine operation '" + operation
                + "' is not connected in this build of the plugin (EngineSeams awaits its core API)");
    }
}

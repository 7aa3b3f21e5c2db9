package io.jenkins.plugins.mldelivery.core.mlflow;

import io.jenkins.plugins.mldelivery.core.io.ExternalSystemException;

/**
 * An MLflow server answered a request with an error status; carries the status and MLflow's
 * {@code error_code} so callers can tell "not found" or "already exists" from real failures.
 */
public class MlflowApiException extends ExternalSystemException {
    private static final long serialVersionUID = 1L;

    /** The error code MLflow gives for a missing model, version, run or experiment. */
    public static final String RESOURCE_DOES_NOT_EXIST = "RESOURCE_DOES_NOT_EXIST";
    /** The error code MLflow gives when creating something that exists. */
    public static final String RESOURCE_ALREADY_EXISTS = "RESOURCE_ALREADY_EXISTS";

    private final int status;
    private final String errorCode;
    private final String serverMessage;

    /**
     * Creates the exception.
     *
     * @param message       the one-line message for people
     * @param status        the HTTP status
     * @param errorCode     MLflow's {@code error_code}, or an empty string when the answer had none
     * @param serverMessage MLflow's {@code message}, or the start of the body
     */
    public MlflowApiException(final String message, final int status, final String errorCode, final String serverMessage) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
        this.serverMessage = serverMessage;
    }

    /**
     * Returns the HTTP status.
     *
     * @return the status code
     */
    public int status() {
        return status;
    }

    /**
     * Returns MLflow's {@code error_code}, e.g. {@code RESOURCE_DOES_NOT_EXIST}.
     *
     * @return the code, or an empty string
     */
    public String errorCode() {
        return errorCode;
    }

    /**
     * Returns MLflow's {@code message}.
     *
     * @return the server's message
     */
    public String serverMessage() {
        return serverMessage;
    }

    /**
     * Says whether the server said the resource does not exist.
     *
     * @return whether this is MLflow's "not found"
     */
    public boolean isNotFound() {
        return status == 404 || RESOURCE_DOES_NOT_EXIST.equals(errorCode);
    }

    /**
     * Says whether the server said the resource exists already.
     *
     * @return whether this is MLflow's "already exists"
     */
    public boolean isAlreadyExists() {
        return RESOURCE_ALREADY_EXISTS.equals(errorCode);
    }
}

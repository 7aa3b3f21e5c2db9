package io.jenkins.plugins.mldelivery.core.seams;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * Where {@code mlTrain} logs its run in MLflow: the server and credentials of the global
 * configuration, the experiment the step names, and the build the run comes from.
 *
 * @param access           the MLflow server ({@code mlflow:URL}) and its credentials
 * @param experiment       the experiment, created if missing ({@code --mlflow-experiment})
 * @param runName          the run's name, e.g. {@code credit-risk #42} ({@code --mlflow-run-name})
 * @param buildUrl         the build's page, tagged on the run ({@code --build-url}), if known
 * @param artifactLocation where the build archived the model, tagged on the run, if known
 */
public record TrackingRequest(RegistryAccess access, String experiment, String runName, String buildUrl,
        String artifactLocation) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the fields. */
    public TrackingRequest {
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(runName, "runName");
        if (!access.uri().startsWith(RegistryAccess.MLFLOW_PREFIX)) {
            throw new IllegalArgumentException("MLflow tracking needs an MLflow server, not " + access.uri());
        }
    }

    /**
     * Returns the tracking server's URL.
     *
     * @return e.g. {@code http://mlflow:5000}
     */
    public String url() {
        return access.uri().substring(RegistryAccess.MLFLOW_PREFIX.length());
    }
}
